from apps.core.api.views import PublicReadOnlyViewSet
from apps.indicators.api.views import observations_prefetch
from apps.industries.api.serializers import IndustryDetailSerializer, IndustrySerializer
from apps.industries.filtersets import IndustryFilterSet
from apps.industries.models import Industry
from apps.recognitions.api.views import distinctions_prefetch
from apps.sources.api.views import citations_prefetch


class IndustryViewSet(PublicReadOnlyViewSet):
    queryset = Industry.objects.select_related("parent").prefetch_related("zones", citations_prefetch())
    serializer_class = IndustrySerializer
    filterset_class = IndustryFilterSet
    detail_serializer_class = IndustryDetailSerializer
    detail_prefetch = ["children", "companies", "projects", observations_prefetch(), distinctions_prefetch()]
