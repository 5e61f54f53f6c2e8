from rest_framework import serializers

from apps.core.api.serializers import response_language
from apps.sources.models import SourceDocument


class SourceDocumentSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField(help_text="`title_zh` or `title_en`, as `lang` asks.")

    class Meta:
        model = SourceDocument
        fields = ["slug", "title", "title_zh", "title_en", "language", "path", "sha256", "description_en"]

    def get_title(self, document) -> str:
        return getattr(document, f"title_{response_language(self)}")
