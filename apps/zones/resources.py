from apps.core.registry import Resource, register
from apps.zones.api.views import ZoneViewSet
from apps.zones.models import Zone

register(
    Resource(
        "zones",
        model=Zone,
        viewset=ZoneViewSet,
        embeds=("distinctions", "observations"),
        references=("companies", "facilities", "industries", "projects", "regions", "sources", "zones"),
        counted_as="zones",
    )
)
