from django.apps import apps
from django.shortcuts import render
from django.views.decorators.cache import cache_page

from apps.sources.models import SourceDocument

COUNTED = [
    ("zones", "zones.zone"),
    ("industries", "industries.industry"),
    ("companies", "companies.company"),
    ("projects", "projects.project"),
    ("facilities", "infrastructure.facility"),
    ("figures", "indicators.observation"),
    ("events", "events.event"),
]


@cache_page(60)
def landing(request):
    """What this is, and where to go next: the docs, the schema, the admin and the data."""
    counts = [
        (name, apps.get_model(label).objects.exclude(slug__startswith="synthetic-").count()) for name, label in COUNTED
    ]
    sources = SourceDocument.objects.exclude(slug__startswith="synthetic-")
    return render(request, "landing.html", {"counts": counts, "sources": sources})
