from apps.core.api.views import PublicReadOnlyViewSet
from apps.indicators.api.views import observations_prefetch
from apps.recognitions.api.views import distinctions_prefetch
from apps.regions.api.serializers import RegionDetailSerializer, RegionSerializer
from apps.regions.filtersets import RegionFilterSet
from apps.regions.models import Region
from apps.sources.api.views import citations_prefetch


class RegionViewSet(PublicReadOnlyViewSet):
    queryset = Region.objects.select_related("parent").prefetch_related(citations_prefetch())
    serializer_class = RegionSerializer
    filterset_class = RegionFilterSet
    detail_serializer_class = RegionDetailSerializer
    detail_prefetch = ["children", observations_prefetch(), distinctions_prefetch()]
