from django.urls import path

from apps.core.registry import Resource, register
from apps.events.api.views import EventViewSet, TimelineExportView, TimelineView
from apps.events.models import Event

register(
    Resource(
        "events",
        model=Event,
        viewset=EventViewSet,
        embeds=("distinctions", "observations"),
        references=("companies", "facilities", "industries", "projects", "regions", "sources", "zones"),
        counted_as="events",
    )
)
register(
    Resource(
        "timeline",
        view=TimelineView,
        route="timeline",
        urls=(path("export/", TimelineExportView.as_view(), name="timeline-export"),),
        references=("events", "milestones", "projects"),
    )
)
