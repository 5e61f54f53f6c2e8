from apps.core.api.serializers import NAME_FIELDS, ReferenceSerializer
from apps.indicators.api.serializers import FigureSerializer
from apps.recognitions.api.serializers import DistinctionSerializer
from apps.sources.api.serializers import DESCRIBED_FIELDS, CuratedSerializer
from apps.zones.models import Zone


class ZoneSerializer(CuratedSerializer):
    parent = ReferenceSerializer(read_only=True, allow_null=True)
    region = ReferenceSerializer(read_only=True)
    partner_regions = ReferenceSerializer(many=True, read_only=True)
    industries = ReferenceSerializer(many=True, read_only=True)

    class Meta:
        model = Zone
        fields = [
            *NAME_FIELDS,
            "kind",
            "status",
            "parent",
            "region",
            "partner_regions",
            "industries",
            "focus_zh",
            "focus_en",
            *DESCRIBED_FIELDS,
        ]


class ZoneDetailSerializer(ZoneSerializer):
    children = ReferenceSerializer(many=True, read_only=True)
    projects = ReferenceSerializer(many=True, read_only=True)
    companies = ReferenceSerializer(many=True, read_only=True)
    facilities = ReferenceSerializer(many=True, read_only=True)
    observations = FigureSerializer(many=True, read_only=True)
    distinctions = DistinctionSerializer(many=True, read_only=True)

    class Meta(ZoneSerializer.Meta):
        fields = [
            *ZoneSerializer.Meta.fields,
            "children",
            "projects",
            "companies",
            "facilities",
            "observations",
            "distinctions",
        ]
