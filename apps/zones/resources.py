from apps.core.registry import Resource, register
from apps.zones.api.views import ZoneViewSet
from apps.zones.models import Zone

register(
    Resource(
        "zones",
        model=Zone,
        viewset=ZoneViewSet,
        embeds=(
            "regions",
            "zones",
            "industries",
            "companies",
            "projects",
            "facilities",
            "observations",
            "distinctions",
            "sources",
        ),
        counted_as="zones",
    )
)
