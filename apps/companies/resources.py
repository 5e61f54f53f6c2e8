from apps.companies.api.views import CompanyViewSet
from apps.companies.models import Company
from apps.core.registry import Resource, register

register(
    Resource(
        "companies",
        model=Company,
        viewset=CompanyViewSet,
        embeds=("regions", "zones", "industries", "projects", "observations", "distinctions", "sources"),
        counted_as="companies",
    )
)
