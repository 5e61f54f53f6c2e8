from apps.core.api.views import PublicReadOnlyViewSet
from apps.indicators.api.views import observations_prefetch
from apps.infrastructure.api.serializers import FacilityDetailSerializer, FacilitySerializer
from apps.infrastructure.filtersets import FacilityFilterSet
from apps.infrastructure.models import Facility
from apps.recognitions.api.views import distinctions_prefetch
from apps.sources.api.views import citations_prefetch


class FacilityViewSet(PublicReadOnlyViewSet):
    queryset = Facility.objects.select_related("region", "zone", "parent").prefetch_related(
        "connected_regions", citations_prefetch()
    )
    serializer_class = FacilitySerializer
    filterset_class = FacilityFilterSet
    detail_serializer_class = FacilityDetailSerializer
    detail_prefetch = ["children", observations_prefetch(), distinctions_prefetch()]
