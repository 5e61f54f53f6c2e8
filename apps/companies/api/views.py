from apps.companies.api.serializers import CompanyDetailSerializer, CompanySerializer
from apps.companies.filtersets import CompanyFilterSet
from apps.companies.models import Company
from apps.core.api.views import PublicReadOnlyViewSet
from apps.indicators.api.views import observations_prefetch
from apps.recognitions.api.views import distinctions_prefetch
from apps.sources.api.views import citations_prefetch


class CompanyViewSet(PublicReadOnlyViewSet):
    queryset = Company.objects.select_related("headquarters").prefetch_related(
        "industries", "zones", citations_prefetch()
    )
    serializer_class = CompanySerializer
    filterset_class = CompanyFilterSet
    detail_serializer_class = CompanyDetailSerializer
    detail_prefetch = ["projects", observations_prefetch(), distinctions_prefetch()]
