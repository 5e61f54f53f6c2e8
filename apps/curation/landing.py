from django.shortcuts import render
from django.views.decorators.cache import cache_page

from apps.core.registry import registry
from apps.curation.catalogue import schema_org, script_json
from apps.curation.datasets import ATTRIBUTION, curated_sources
from apps.curation.synthetic import PREFIX


@cache_page(60)
def landing(request):
    """What this is, and where to go next: the docs, the schema, the admin and the data; the terms of reuse;
    and the dataset as schema.org `Dataset` for dataset search engines (a JSON-LD data block, which the
    Content-Security-Policy leaves alone since it is not run)."""
    counts = [
        (resource.counted_as, resource.model.objects.exclude(slug__startswith=PREFIX).count())
        for resource in registry.models()
        if resource.counted_as
    ]
    context = {
        "counts": counts,
        "sources": curated_sources(),
        "attribution": ATTRIBUTION,
        "structured_data": script_json(schema_org(request)),
    }
    return render(request, "landing.html", context)
