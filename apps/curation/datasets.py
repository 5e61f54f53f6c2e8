"""The whole curated dataset as one download: a JSON document and a zip of CSVs, with checksums.

Built from the same serializers as the API, once per data version and kept in the cache.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.core.cache import cache
from django.db import models
from rest_framework.renderers import JSONRenderer
from rest_framework.reverse import reverse

from apps.core.api.renderers import SpreadsheetCSVRenderer
from apps.core.registry import registry
from apps.core.versioning import current_version
from apps.curation import datapackage
from apps.curation.synthetic import PREFIX
from apps.sources.api.serializers import SourceDocumentSerializer
from apps.sources.models import SourceDocument

TITLE = "Jiangmen Regional Data API — curated dataset"
PUBLISHER = "Jiangmen Regional Data API"
ATTRIBUTION = (
    "Jiangmen Regional Data API: structured records curated from the source documents listed here. "
    "Each record cites the verbatim passage it was taken from; cite the source documents when you reuse the data."
)


ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# The dataset's files, by the name each has in its URL (`curated.<kind>`) and as a field of Dataset.
FILE_TYPES = {"json": "application/json", "zip": "application/zip"}


@dataclass(frozen=True)
class Dataset:
    version: int
    counts: dict
    json: bytes
    zip: bytes

    @property
    def checksums(self):
        return {kind: hashlib.sha256(getattr(self, kind)).hexdigest() for kind in FILE_TYPES}


def resources():
    """Every model resource, in the API root's order; source documents stand apart, at the top."""
    return [resource for resource in registry.models() if resource.model is not SourceDocument]


def curated(resource):
    """A resource's records, without the synthetic ones of scale runs."""
    queryset = resource.model.objects.all()
    return queryset.exclude(slug__startswith=PREFIX) if resource.natural_key == "slug" else queryset


def period_covered():
    """The first and last date any record names: every date field of every resource, periods included."""
    dates = []
    for resource in resources():
        names = [f.name for f in resource.model._meta.concrete_fields if type(f) is models.DateField]
        if names:
            bounds = curated(resource).aggregate(
                **{f"{n}_min": models.Min(n) for n in names}, **{f"{n}_max": models.Max(n) for n in names}
            )
            dates.extend(date for date in bounds.values() if date is not None)
    return (min(dates), max(dates)) if dates else (None, None)


def regions_covered():
    """The regions the records name, as `(slug, name_zh, name_en)`."""
    return tuple(curated(registry["regions"]).values_list("slug", "name_zh", "name_en"))


def curated_sources():
    return SourceDocument.objects.exclude(slug__startswith=PREFIX)


def terms_url(request):
    """The terms of reuse, stated on the landing page."""
    return f"{reverse('landing', request=request)}#terms"


def publisher(request):
    return {"name": PUBLISHER, "url": reverse("landing", request=request)}


def source_urls(request, sources):
    """The source documents as the API serves them, each with its URL."""
    return [
        {**source, "url": reverse("sourcedocument-detail", [source["slug"]], request=request)} for source in sources
    ]


def build(request, version):
    records, counts, shapes = {}, {}, {}
    for resource in resources():
        viewset = resource.viewset
        queryset = viewset.queryset
        if resource.natural_key == "slug":
            queryset = queryset.exclude(slug__startswith=PREFIX)
        records[resource.name] = viewset.serializer_class(queryset, many=True, context={"request": request}).data
        counts[resource.name] = len(records[resource.name])
        shapes[resource.name] = (viewset.serializer_class(context={"request": request}), resource.model)
    sources = SourceDocumentSerializer(curated_sources(), many=True, context={"request": request}).data
    document = {
        "title": TITLE,
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
        shapes["sources"] = (SourceDocumentSerializer(context={"request": request}), SourceDocument)
        package = datapackage.descriptor(
            {name: (files[f"{name}.csv"], *shape) for name, shape in shapes.items()},
            source_urls(request, sources),
            title=TITLE,
            attribution=ATTRIBUTION,
            publisher=publisher(request),
            licence_url=terms_url(request),
        )
        files["datapackage.json"] = JSONRenderer().render(package)
        files["SHA256SUMS"] = "".join(f"{hashlib.sha256(c).hexdigest()}  {f}\n" for f, c in files.items())
        files["ATTRIBUTION.txt"] = ATTRIBUTION + "\n"
        for filename, content in files.items():
            # A fixed date, so the same data gives the same bytes and checksum whichever worker builds it.
            bundle.writestr(zipfile.ZipInfo(filename, date_time=ZIP_DATE), content, compress_type=zipfile.ZIP_DEFLATED)
    return Dataset(version, counts, as_json, archive.getvalue())


def current_dataset(request):
    """The dataset for the request's data version, built once per version and language."""
    version = current_version(request).number
    language = getattr(request, "response_language", "en")
    key = f"dataset:{version}:{language}:{request.get_host()}"
    dataset = cache.get(key)
    if dataset is None:
        dataset = build(request, version)
        cache.set(key, dataset, None)
    return dataset
