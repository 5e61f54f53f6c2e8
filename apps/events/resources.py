from apps.core.registry import Resource, register
from apps.events.api.views import EventViewSet, TimelineView
from apps.events.models import Event

register(
    Resource(
        "events",
        model=Event,
        viewset=EventViewSet,
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
        counted_as="events",
    )
)
register(Resource("timeline", view=TimelineView, route="timeline", embeds=("milestones", "events", "projects")))
