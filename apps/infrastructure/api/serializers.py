from rest_framework import serializers

from apps.core.api.serializers import NAME_FIELDS, ReferenceSerializer
from apps.indicators.api.serializers import FigureSerializer
from apps.infrastructure.models import Facility
from apps.recognitions.api.serializers import DistinctionSerializer
from apps.sources.api.serializers import DESCRIBED_FIELDS, CuratedSerializer


class ExpectedCompletionSerializer(serializers.Serializer):
    date = serializers.DateField(source="expected_completion", allow_null=True, read_only=True)
    precision = serializers.CharField(source="expected_completion_precision", read_only=True)
    text = serializers.CharField(source="expected_completion_text", read_only=True)


class FacilitySerializer(CuratedSerializer):
    region = ReferenceSerializer(read_only=True)
    connected_regions = ReferenceSerializer(many=True, read_only=True)
    zone = ReferenceSerializer(read_only=True, allow_null=True)
    parent = ReferenceSerializer(read_only=True, allow_null=True)
    expected_completion = ExpectedCompletionSerializer(source="*", read_only=True)

    class Meta:
        model = Facility
        fields = [
            *NAME_FIELDS,
            "kind",
            "status",
            "region",
            "connected_regions",
            "zone",
            "parent",
            "expected_completion",
            *DESCRIBED_FIELDS,
        ]


class FacilityDetailSerializer(FacilitySerializer):
    children = ReferenceSerializer(many=True, read_only=True)
    observations = FigureSerializer(many=True, read_only=True)
    distinctions = DistinctionSerializer(many=True, read_only=True)

    class Meta(FacilitySerializer.Meta):
        fields = [*FacilitySerializer.Meta.fields, "children", "observations", "distinctions"]
