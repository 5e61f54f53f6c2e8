from apps.core.registry import Resource, register
from apps.regions.api.views import RegionViewSet
from apps.regions.models import Region

register(
    Resource(
        "regions",
        model=Region,
        viewset=RegionViewSet,
        embeds=("distinctions", "observations"),
        references=("regions", "sources"),
    )
)
