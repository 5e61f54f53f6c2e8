from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.api.serializers import NAME_FIELDS, LocalizedNameMixin, PeriodSerializer, ReferenceSerializer
from apps.indicators.models import Indicator, Observation, Unit
from apps.sources.api.serializers import BASIS_FIELDS, DESCRIBED_FIELDS, CuratedSerializer


class UnitSerializer(LocalizedNameMixin, serializers.ModelSerializer):
    base = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Unit
        fields = ["code", "name", "name_zh", "name_en", "symbol", "base", "factor"]


class UnitReferenceSerializer(LocalizedNameMixin, serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["code", "name", "name_zh", "name_en", "symbol"]


class FigureSerializer(CuratedSerializer):
    """A figure as machine-readable data: the value in its base unit, and as the source wrote it."""

    indicator = ReferenceSerializer(read_only=True)
    unit = UnitReferenceSerializer(read_only=True)
    display_unit = UnitReferenceSerializer(read_only=True)
    display_value = serializers.SerializerMethodField()
    period = PeriodSerializer(source="*", read_only=True)
    benchmark_region = ReferenceSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Observation
        fields = [
            *NAME_FIELDS,
            "indicator",
            "kind",
            "measure",
            "comparator",
            "value",
            "unit",
            "display_value",
            "display_unit",
            "text_as_written",
            "period",
            "benchmark_region",
            "citations",
            *BASIS_FIELDS,
        ]

    @extend_schema_field(serializers.DecimalField(max_digits=24, decimal_places=6))
    def get_display_value(self, observation):
        return str(observation.display_value)


class ObservationSerializer(FigureSerializer):
    region = ReferenceSerializer(read_only=True)
    zone = ReferenceSerializer(read_only=True, allow_null=True)
    industry = ReferenceSerializer(read_only=True, allow_null=True)
    company = ReferenceSerializer(read_only=True, allow_null=True)
    project = ReferenceSerializer(read_only=True, allow_null=True)
    facility = ReferenceSerializer(read_only=True, allow_null=True)
    event = ReferenceSerializer(read_only=True, allow_null=True)

    class Meta(FigureSerializer.Meta):
        fields = [
            *FigureSerializer.Meta.fields,
            "region",
            "zone",
            "industry",
            "company",
            "project",
            "facility",
            "event",
            "description",
            "description_zh",
            "description_en",
        ]


class IndicatorSerializer(CuratedSerializer):
    unit = UnitReferenceSerializer(read_only=True)

    class Meta:
        model = Indicator
        fields = [*NAME_FIELDS, "unit", *DESCRIBED_FIELDS]


class IndicatorDetailSerializer(IndicatorSerializer):
    observations = ObservationSerializer(many=True, read_only=True)

    class Meta(IndicatorSerializer.Meta):
        fields = [*IndicatorSerializer.Meta.fields, "observations"]
