from rest_framework import serializers

from apps.sources.models import SourceDocument


class SourceDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = SourceDocument
        fields = ["slug", "title_zh", "title_en", "language", "path", "sha256", "description_en"]
