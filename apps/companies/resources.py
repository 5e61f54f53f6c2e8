from apps.companies.api.views import CompanyViewSet
from apps.companies.models import Company
from apps.core.registry import Resource, register

register(
    Resource(
        "companies",
        model=Company,
        viewset=CompanyViewSet,
        embeds=("distinctions", "observations"),
        references=("industries", "projects", "regions", "sources", "zones"),
        counted_as="companies",
    )
)
