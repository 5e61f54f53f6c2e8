from apps.core.api.serializers import NAME_FIELDS, ReferenceSerializer
from apps.indicators.api.serializers import FigureSerializer
from apps.recognitions.api.serializers import DistinctionSerializer
from apps.regions.models import Region
from apps.sources.api.serializers import DESCRIBED_FIELDS, CuratedSerializer


class RegionSerializer(CuratedSerializer):
    parent = ReferenceSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Region
        fields = [*NAME_FIELDS, "level", "parent", *DESCRIBED_FIELDS]


class RegionDetailSerializer(RegionSerializer):
    children = ReferenceSerializer(many=True, read_only=True)
    observations = FigureSerializer(many=True, read_only=True)
    distinctions = DistinctionSerializer(many=True, read_only=True)

    class Meta(RegionSerializer.Meta):
        fields = [*RegionSerializer.Meta.fields, "children", "observations", "distinctions"]
