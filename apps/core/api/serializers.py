from rest_framework import serializers

from apps.core.api.language import DEFAULT_LANGUAGE
from apps.sources.models import Citation

NAME_FIELDS = ["slug", "name", "name_zh", "name_en"]
DESCRIBED_FIELDS = ["description", "description_zh", "description_en", "citations"]
CURATED_FIELDS = [*NAME_FIELDS, *DESCRIBED_FIELDS]


def response_language(serializer):
    request = serializer.context.get("request")
    return getattr(request, "response_language", DEFAULT_LANGUAGE)


class LocalizedNameMixin(serializers.Serializer):
    name = serializers.SerializerMethodField(help_text="`name_zh` or `name_en`, as `lang` or Accept-Language asks.")

    def get_name(self, record) -> str:
        return getattr(record, f"name_{response_language(self)}")


class CitationSerializer(serializers.ModelSerializer):
    document = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    document_title = serializers.CharField(source="document.title_zh", read_only=True)

    class Meta:
        model = Citation
        fields = ["document", "document_title", "quote"]


class ReferenceSerializer(LocalizedNameMixin, serializers.Serializer):
    """How one record names another: by slug and bilingual name, never by a bare database id."""

    slug = serializers.SlugField(read_only=True)
    name_zh = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class CuratedSerializer(LocalizedNameMixin, serializers.ModelSerializer):
    description = serializers.SerializerMethodField(
        help_text="`description_zh` or `description_en`, as `lang` or Accept-Language asks."
    )
    citations = CitationSerializer(many=True, read_only=True)

    def get_description(self, record) -> str:
        return getattr(record, f"description_{response_language(self)}")


class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField(source="period_start", allow_null=True, read_only=True)
    end = serializers.DateField(source="period_end", allow_null=True, read_only=True)
    precision = serializers.CharField(source="period_precision", read_only=True)
    label_zh = serializers.CharField(source="period_label_zh", read_only=True)
    label_en = serializers.CharField(source="period_label_en", read_only=True)
