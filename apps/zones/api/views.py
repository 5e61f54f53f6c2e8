from apps.core.api.views import PublicReadOnlyViewSet
from apps.indicators.api.views import observations_prefetch
from apps.recognitions.api.views import distinctions_prefetch
from apps.sources.api.views import citations_prefetch
from apps.zones.api.serializers import ZoneDetailSerializer, ZoneSerializer
from apps.zones.filtersets import ZoneFilterSet
from apps.zones.models import Zone


class ZoneViewSet(PublicReadOnlyViewSet):
    queryset = Zone.objects.select_related("parent", "region").prefetch_related(
        "partner_regions", "industries", citations_prefetch()
    )
    serializer_class = ZoneSerializer
    filterset_class = ZoneFilterSet
    detail_serializer_class = ZoneDetailSerializer
    detail_prefetch = [
        "children",
        "projects",
        "companies",
        "facilities",
        observations_prefetch(),
        distinctions_prefetch(),
    ]
