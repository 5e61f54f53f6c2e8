from rest_framework import serializers

from apps.core.api.serializers import NAME_FIELDS, ReferenceSerializer, response_language
from apps.events.models import Event
from apps.events.timeline import TimelineEntryType
from apps.indicators.api.serializers import FigureSerializer
from apps.recognitions.api.serializers import DistinctionSerializer
from apps.sources.api.serializers import DESCRIBED_FIELDS, CuratedSerializer


class EventSerializer(CuratedSerializer):
    region = ReferenceSerializer(read_only=True)
    regions = ReferenceSerializer(many=True, read_only=True)
    zones = ReferenceSerializer(many=True, read_only=True)
    industries = ReferenceSerializer(many=True, read_only=True)
    companies = ReferenceSerializer(many=True, read_only=True)
    projects = ReferenceSerializer(many=True, read_only=True)
    facilities = ReferenceSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            *NAME_FIELDS,
            "kind",
            "date",
            "date_precision",
            "date_text",
            "is_first",
            "first_scope",
            "region",
            "regions",
            "zones",
            "industries",
            "companies",
            "projects",
            "facilities",
            *DESCRIBED_FIELDS,
        ]


class EventDetailSerializer(EventSerializer):
    observations = FigureSerializer(many=True, read_only=True)
    distinctions = DistinctionSerializer(many=True, read_only=True)

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "observations", "distinctions"]


class TimelineEntrySerializer(serializers.Serializer):
    """One dated milestone or event; `url` leads to the full record with its citations."""

    type = serializers.ChoiceField(choices=TimelineEntryType.choices, source="entry_type", read_only=True)
    slug = serializers.SlugField(read_only=True)
    name = serializers.SerializerMethodField()
    name_zh = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    date = serializers.DateField(read_only=True)
    date_precision = serializers.CharField(read_only=True)
    date_text = serializers.CharField(read_only=True)
    is_expected = serializers.BooleanField(read_only=True)
    is_first = serializers.BooleanField(read_only=True)
    project = serializers.SlugField(source="project_slug", allow_null=True, read_only=True)
    url = serializers.SerializerMethodField()

    def get_name(self, entry) -> str:
        return entry[f"name_{response_language(self)}"]

    def get_url(self, entry) -> str:
        request = self.context["request"]
        return request.build_absolute_uri(f"/api/v1/{entry['entry_type']}s/{entry['slug']}/")

    def to_representation(self, entry):
        """What the fields above make of a row, built directly: the timeline is a union of two tables and
        has no rendered records, so each entry is serialized per request (tests/api/test_events.py
        holds this to the fields)."""
        date = entry["date"]
        if "api_root" not in self.__dict__:  # one serializer renders every entry of the page
            self.api_root = self.context["request"].build_absolute_uri("/api/v1/")
        return {
            "type": entry["entry_type"],
            "slug": entry["slug"],
            "name": entry[f"name_{response_language(self)}"],
            "name_zh": entry["name_zh"],
            "name_en": entry["name_en"],
            "kind": entry["kind"],
            "date": None if date is None else date.isoformat(),
            "date_precision": entry["date_precision"],
            "date_text": entry["date_text"],
            "is_expected": bool(entry["is_expected"]),
            "is_first": bool(entry["is_first"]),
            "project": entry["project_slug"],
            "url": f"{self.api_root}{entry['entry_type']}s/{entry['slug']}/",
        }
