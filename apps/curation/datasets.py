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
from apps.core.registry import registry
from apps.core.versioning import current_version
from apps.curation.synthetic import PREFIX
from apps.sources.api.serializers import SourceDocumentSerializer
from apps.sources.models import SourceDocument

ATTRIBUTION = (
    "Jiangmen Regional Data API: structured records curated from the source documents listed here. "
    "Each record cites the verbatim passage it was taken from; cite the source documents when you reuse the data."
)


ZIP_DATE = (1980, 1, 1, 0, 0, 0)


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
    """Every model resource, in the API root's order; source documents stand apart, at the top."""
    return [resource for resource in registry.models() if resource.model is not SourceDocument]


def curated_sources():
    return SourceDocument.objects.exclude(slug__startswith=PREFIX)


def build(request, version):
    records, counts = {}, {}
    for resource in resources():
        viewset = resource.viewset
        queryset = viewset.queryset
        if resource.natural_key == "slug":
            queryset = queryset.exclude(slug__startswith=PREFIX)
        records[resource.name] = viewset.serializer_class(queryset, many=True, context={"request": request}).data
        counts[resource.name] = len(records[resource.name])
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
