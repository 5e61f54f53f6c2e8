from rest_framework import serializers

from apps.core.api.serializers import NAME_FIELDS, LocalizedNameMixin, response_language
from apps.sources.models import Citation, SourceDocument

BASIS_FIELDS = ["basis", "basis_note"]
DESCRIBED_FIELDS = ["description", "description_zh", "description_en", "citations", *BASIS_FIELDS]
CURATED_FIELDS = [*NAME_FIELDS, *DESCRIBED_FIELDS]


class SourceDocumentSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField(help_text="`title_zh` or `title_en`, as `lang` asks.")

    class Meta:
        model = SourceDocument
        fields = ["slug", "title", "title_zh", "title_en", "language", "path", "sha256", "description_en"]

    def get_title(self, document) -> str:
        return getattr(document, f"title_{response_language(self)}")


class CitationSerializer(serializers.ModelSerializer):
    document = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    document_title = serializers.CharField(source="document.title_zh", read_only=True)

    class Meta:
        model = Citation
        fields = ["document", "document_title", "quote"]


class CuratedSerializer(LocalizedNameMixin, serializers.ModelSerializer):
    description = serializers.SerializerMethodField(
        help_text="`description_zh` or `description_en`, as `lang` or Accept-Language asks."
    )
    citations = CitationSerializer(many=True, read_only=True)

    def get_description(self, record) -> str:
        return getattr(record, f"description_{response_language(self)}")


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField(read_only=True)
    old = serializers.JSONField(
        read_only=True,
        allow_null=True,
        help_text="The value before (a related record by its slug; links as a list of slugs).",
    )
    new = serializers.JSONField(
        read_only=True,
        allow_null=True,
        help_text="The value after (a related record by its slug; links as a list of slugs).",
    )


class ChangeSerializer(serializers.Serializer):
    """One change to one record: what changed, when, and the public reason given; never who made it."""

    resource = serializers.CharField(read_only=True)
    record = serializers.CharField(read_only=True, help_text="The record's slug (a unit's code).")
    url = serializers.SerializerMethodField()
    change = serializers.ChoiceField(choices=["created", "updated", "deleted"], read_only=True)
    changed_at = serializers.DateTimeField(read_only=True)
    reason = serializers.CharField(read_only=True, help_text="The curator's public note on the change.")
    changes = FieldChangeSerializer(many=True, read_only=True, help_text="The fields that changed.")

    def get_url(self, change) -> str:
        return self.context["request"].build_absolute_uri(f"/api/v1/{change.path}")
