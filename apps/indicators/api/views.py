from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.settings import api_settings

from apps.core.api.views import PublicReadOnlyViewSet
from apps.indicators.api.examples import OBSERVATION_EXAMPLES
from apps.indicators.api.renderers import ObservationJSONStatRenderer
from apps.indicators.api.serializers import (
    IndicatorDetailSerializer,
    IndicatorSerializer,
    ObservationSerializer,
    UnitSerializer,
)
from apps.indicators.filtersets import IndicatorFilterSet, ObservationFilterSet, UnitFilterSet
from apps.indicators.models import Indicator, Observation, Unit
from apps.sources.api.views import citations_prefetch

OBSERVATION_RELATED = [
    "indicator",
    "region",
    "zone",
    "industry",
    "company",
    "project",
    "facility",
    "event",
    "unit",
    "display_unit",
    "benchmark_region",
]


# A figure nested in another record names only what FigureSerializer shows: fewer joins to plan.
FIGURE_RELATED = ["indicator", "unit", "display_unit", "benchmark_region"]


def observations_prefetch(prefix=""):
    queryset = Observation.objects.select_related(*FIGURE_RELATED).prefetch_related(citations_prefetch())
    return Prefetch(f"{prefix}observations", queryset=queryset)


class UnitViewSet(PublicReadOnlyViewSet):
    lookup_field = "code"
    queryset = Unit.objects.select_related("base")
    serializer_class = UnitSerializer
    filterset_class = UnitFilterSet


class IndicatorViewSet(PublicReadOnlyViewSet):
    queryset = Indicator.objects.select_related("unit").prefetch_related(citations_prefetch())
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilterSet
    detail_serializer_class = IndicatorDetailSerializer
    detail_prefetch = [
        Prefetch(
            "observations",
            queryset=Observation.objects.select_related(*OBSERVATION_RELATED).prefetch_related(citations_prefetch()),
        )
    ]


@extend_schema_view(retrieve=extend_schema(examples=OBSERVATION_EXAMPLES))
class ObservationViewSet(PublicReadOnlyViewSet):
    queryset = Observation.objects.select_related(*OBSERVATION_RELATED).prefetch_related(citations_prefetch())
    serializer_class = ObservationSerializer
    filterset_class = ObservationFilterSet
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, ObservationJSONStatRenderer]
