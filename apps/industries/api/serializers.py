from apps.core.api.serializers import NAME_FIELDS, ReferenceSerializer
from apps.indicators.api.serializers import FigureSerializer
from apps.industries.models import Industry
from apps.recognitions.api.serializers import DistinctionSerializer
from apps.sources.api.serializers import DESCRIBED_FIELDS, CuratedSerializer


class IndustrySerializer(CuratedSerializer):
    parent = ReferenceSerializer(read_only=True, allow_null=True)
    zones = ReferenceSerializer(many=True, read_only=True)

    class Meta:
        model = Industry
        fields = [*NAME_FIELDS, "kind", "level", "parent", "zones", *DESCRIBED_FIELDS]


class IndustryDetailSerializer(IndustrySerializer):
    children = ReferenceSerializer(many=True, read_only=True)
    companies = ReferenceSerializer(many=True, read_only=True)
    projects = ReferenceSerializer(many=True, read_only=True)
    observations = FigureSerializer(many=True, read_only=True)
    distinctions = DistinctionSerializer(many=True, read_only=True)

    class Meta(IndustrySerializer.Meta):
        fields = [
            *IndustrySerializer.Meta.fields,
            "children",
            "companies",
            "projects",
            "observations",
            "distinctions",
        ]
