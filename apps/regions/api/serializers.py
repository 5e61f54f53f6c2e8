from apps.core.api.serializers import DESCRIBED_FIELDS, NAME_FIELDS, CuratedSerializer, ReferenceSerializer
from apps.indicators.api.serializers import FigureSerializer
from apps.recognitions.api.serializers import DistinctionSerializer
from apps.regions.models import Region


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
