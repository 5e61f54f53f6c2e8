from django.shortcuts import render
from django.views.decorators.cache import cache_page

from apps.core.registry import registry
from apps.curation.datasets import curated_sources
from apps.curation.synthetic import PREFIX


@cache_page(60)
def landing(request):
    """What this is, and where to go next: the docs, the schema, the admin and the data."""
    counts = [
        (resource.counted_as, resource.model.objects.exclude(slug__startswith=PREFIX).count())
        for resource in registry.models()
        if resource.counted_as
    ]
    return render(request, "landing.html", {"counts": counts, "sources": curated_sources()})
