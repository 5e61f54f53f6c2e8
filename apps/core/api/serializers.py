from rest_framework import serializers

from apps.sources.models import Citation

NAME_FIELDS = ["slug", "name_zh", "name_en"]
CURATED_FIELDS = [*NAME_FIELDS, "description_zh", "description_en", "citations"]


class CitationSerializer(serializers.ModelSerializer):
    document = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    document_title = serializers.CharField(source="document.title_zh", read_only=True)

    class Meta:
        model = Citation
        fields = ["document", "document_title", "quote"]


class ReferenceSerializer(serializers.Serializer):
    """How one record names another: by slug and bilingual name, never by a bare database id."""

    slug = serializers.SlugField(read_only=True)
    name_zh = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class CuratedSerializer(serializers.ModelSerializer):
    citations = CitationSerializer(many=True, read_only=True)


class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField(source="period_start", allow_null=True, read_only=True)
    end = serializers.DateField(source="period_end", allow_null=True, read_only=True)
    precision = serializers.CharField(source="period_precision", read_only=True)
    label_zh = serializers.CharField(source="period_label_zh", read_only=True)
    label_en = serializers.CharField(source="period_label_en", read_only=True)
