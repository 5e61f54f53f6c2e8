"""The whole curated dataset as one download: a JSON document and a zip of CSVs, with checksums.

Built from the same serializers as the API, once per data version and kept in the cache.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.core.cache import cache
from rest_framework.renderers import JSONRenderer

from apps.core.api.renderers import SpreadsheetCSVRenderer
from apps.core.synthetic import PREFIX
from apps.sources.api.serializers import SourceDocumentSerializer
from apps.sources.models import SourceDocument

ATTRIBUTION = (
    "Jiangmen Regional Data API: structured records curated from the source documents listed here. "
    "Each record cites the verbatim passage it was taken from; cite the source documents when you reuse the data."
)


@dataclass(frozen=True)
class Dataset:
    version: int
    counts: dict
    json: bytes
    zip: bytes

    @property
    def checksums(self):
        return {"json": hashlib.sha256(self.json).hexdigest(), "zip": hashlib.sha256(self.zip).hexdigest()}


def resources():
    """(name, viewset) for every resource, in the API root's order."""
    from apps.companies.api.views import CompanyViewSet
    from apps.events.api.views import EventViewSet
    from apps.indicators.api.views import IndicatorViewSet, ObservationViewSet, UnitViewSet
    from apps.industries.api.views import IndustryViewSet
    from apps.infrastructure.api.views import FacilityViewSet
    from apps.projects.api.views import MilestoneViewSet, ProjectViewSet
    from apps.recognitions.api.views import DistinctionViewSet
    from apps.regions.api.views import RegionViewSet
    from apps.zones.api.views import ZoneViewSet

    return [
        ("regions", RegionViewSet),
        ("zones", ZoneViewSet),
        ("industries", IndustryViewSet),
        ("companies", CompanyViewSet),
        ("projects", ProjectViewSet),
        ("milestones", MilestoneViewSet),
        ("facilities", FacilityViewSet),
        ("indicators", IndicatorViewSet),
        ("observations", ObservationViewSet),
        ("units", UnitViewSet),
        ("distinctions", DistinctionViewSet),
        ("events", EventViewSet),
    ]


def curated_sources():
    return SourceDocument.objects.exclude(slug__startswith=PREFIX)


def build(request, version):
    records, counts = {}, {}
    for name, viewset in resources():
        queryset = viewset.queryset
        if viewset.lookup_field == "slug":
            queryset = queryset.exclude(slug__startswith=PREFIX)
        records[name] = viewset.serializer_class(queryset, many=True, context={"request": request}).data
        counts[name] = len(records[name])
    sources = SourceDocumentSerializer(curated_sources(), many=True, context={"request": request}).data
    document = {
        "title": "Jiangmen Regional Data API — curated dataset",
        "data_version": version,
        "attribution": ATTRIBUTION,
        "sources": sources,
        "counts": counts,
        "records": records,
    }
    as_json = JSONRenderer().render(document)
    archive = io.BytesIO()
    csv = SpreadsheetCSVRenderer()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        files = {f"{name}.csv": csv.render(rows) for name, rows in records.items()}
        files["sources.csv"] = csv.render(sources)
        for filename, content in files.items():
            bundle.writestr(filename, content)
        bundle.writestr("SHA256SUMS", "".join(f"{hashlib.sha256(c).hexdigest()}  {f}\n" for f, c in files.items()))
        bundle.writestr("ATTRIBUTION.txt", ATTRIBUTION + "\n")
    return Dataset(version, counts, as_json, archive.getvalue())


def current_dataset(request):
    """The dataset for the request's data version, built once per version and language."""
    version = request.data_version.number
    language = getattr(request, "response_language", "en")
    key = f"dataset:{version}:{language}:{request.get_host()}"
    dataset = cache.get(key)
    if dataset is None:
        dataset = build(request, version)
        cache.set(key, dataset, None)
    return dataset
