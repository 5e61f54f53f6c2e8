from apps.core.registry import Resource, register
from apps.industries.api.views import IndustryViewSet
from apps.industries.models import Industry

register(
    Resource(
        "industries",
        model=Industry,
        viewset=IndustryViewSet,
        embeds=("zones", "industries", "companies", "projects", "observations", "distinctions", "sources"),
        counted_as="industries",
    )
)
