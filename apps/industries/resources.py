from apps.core.registry import Resource, register
from apps.industries.api.views import IndustryViewSet
from apps.industries.models import Industry

register(
    Resource(
        "industries",
        model=Industry,
        viewset=IndustryViewSet,
        embeds=("distinctions", "observations"),
        references=("companies", "industries", "projects", "sources", "zones"),
        counted_as="industries",
    )
)
