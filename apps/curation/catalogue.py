"""Catalogue metadata of the dataset: DCAT (DCAT-AP) as JSON-LD for harvesters, and schema.org `Dataset`
for the landing page, both from one description, so they name the same licence, publisher, coverage
and distributions.

The coverage is read from the data: the period from the first to the last date any record names, the
regions the records name.
"""

import json

from rest_framework.reverse import reverse

from apps.core.registry import registry
from apps.core.versioning import current_version
from apps.curation import datapackage
from apps.curation.datasets import (
    ATTRIBUTION,
    FILE_TYPES,
    PUBLISHER,
    TITLE,
    curated_sources,
    current_dataset,
    period_covered,
    regions_covered,
    terms_url,
)

DESCRIPTION = (
    "Structured, source-traceable records about Jiangmen (江门), Guangdong: industrial clusters and chains, "
    "zones and platforms, investment projects and their milestones, infrastructure, companies, economic "
    "indicators and policy events. Every figure has its unit, kind and period; every record cites the "
    "verbatim sentence of its source."
)
DATA_PACKAGE = "https://specs.frictionlessdata.io/data-package/"
JSON_STAT = "https://json-stat.org/format/"
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def distributions(request, dataset=None):
    """Every way the dataset is served: its two files (with sizes and checksums when `dataset` is given, which
    builds it), observations as JSON-stat, and the API."""
    files = {
        "json": ("The whole curated dataset as one JSON document", None),
        "zip": ("One CSV per resource, described by a Frictionless datapackage.json", DATA_PACKAGE),
    }
    found = [
        {
            "key": kind,
            "title": title,
            "url": reverse("dataset-file", kwargs={"kind": kind}, request=request),
            "download": True,
            "media_type": FILE_TYPES[kind],
            "conforms_to": conforms_to,
            **({"bytes": len(getattr(dataset, kind)), "sha256": dataset.checksums[kind]} if dataset else {}),
        }
        for kind, (title, conforms_to) in files.items()
    ]
    observations = reverse(registry["observations"].route_name, request=request)
    found.append(
        {
            "key": "jsonstat",
            "title": "Observations as a JSON-stat 2.0 dataset",
            "url": f"{observations}?format=jsonstat",
            "download": False,
            "media_type": "application/json",
            "conforms_to": JSON_STAT,
        }
    )
    found.append(
        {
            "key": "api",
            "title": "The JSON API, described by its OpenAPI schema",
            "url": reverse("api-root", request=request),
            "download": False,
            "media_type": "application/json",
            "conforms_to": None,
            "service": reverse("schema", request=request),
        }
    )
    return found


def describe(request, files=True):
    """What both serialisations say, for the request's data version; `files` adds the files' sizes and
    checksums, which takes the built dataset."""
    start, end = period_covered()
    return {
        "url": reverse("dataset-index", request=request),
        "catalogue": reverse("dataset-catalogue", request=request),
        "landing": reverse("landing", request=request),
        "licence": terms_url(request),
        "modified": current_version(request).changed_at.isoformat(),
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "regions": [
            {"url": reverse("region-detail", [slug], request=request), "name_zh": zh, "name_en": en}
            for slug, zh, en in regions_covered()
        ],
        "sources": [
            {
                "url": reverse("sourcedocument-detail", [source.slug], request=request),
                "title_zh": source.title_zh,
                "title_en": source.title_en,
            }
            for source in curated_sources()
        ],
        "distributions": distributions(request, current_dataset(request) if files else None),
    }


def texts(zh, en):
    return [{"@value": zh, "@language": "zh-Hans"}, {"@value": en, "@language": "en"}]


def typed(value, kind):
    return {"@value": value, "@type": f"xsd:{kind}"}


def dcat_distribution(about, licence, index):
    node = {
        "@id": f"{index}#distribution-{about['key']}",
        "@type": "dcat:Distribution",
        "dct:title": {"@value": about["title"], "@language": "en"},
        "dcat:accessURL": {"@id": about["url"]},
        "dcat:mediaType": {"@id": f"{MEDIA_TYPES}{about['media_type']}"},
        "dct:license": {"@id": licence},
    }
    if about["download"]:
        node["dcat:downloadURL"] = {"@id": about["url"]}
    if "sha256" in about:
        node["dcat:byteSize"] = typed(about["bytes"], "nonNegativeInteger")
        node["spdx:checksum"] = {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": typed(about["sha256"], "hexBinary"),
        }
    if about["conforms_to"]:
        node["dct:conformsTo"] = {"@id": about["conforms_to"]}
    if "service" in about:
        node["dcat:accessService"] = {
            "@type": "dcat:DataService",
            "dct:title": {"@value": about["title"], "@language": "en"},
            "dcat:endpointURL": {"@id": about["url"]},
            "dcat:endpointDescription": {"@id": about["service"]},
        }
    return node


def dcat(request):
    """The catalogue as DCAT-AP JSON-LD, with its context inline so it parses offline."""
    about = describe(request)
    publisher = {
        "@id": f"{about['landing']}#publisher",
        "@type": "foaf:Agent",
        "foaf:name": PUBLISHER,
        "foaf:homepage": {"@id": about["landing"]},
    }
    licence = {
        "@id": about["licence"],
        "@type": "dct:LicenseDocument",
        "rdfs:label": datapackage.LICENCE["title"],
        "dct:description": {"@value": ATTRIBUTION, "@language": "en"},
    }
    temporal = {"@type": "dct:PeriodOfTime"}
    if about["start"]:
        temporal["dcat:startDate"] = typed(about["start"], "date")
    if about["end"]:
        temporal["dcat:endDate"] = typed(about["end"], "date")
    dataset = {
        "@id": about["url"],
        "@type": "dcat:Dataset",
        "dct:identifier": about["url"],
        "dct:title": {"@value": TITLE, "@language": "en"},
        "dct:description": {"@value": DESCRIPTION, "@language": "en"},
        "dct:publisher": publisher,
        "dct:license": licence,
        "dct:rights": {"@type": "dct:RightsStatement", "rdfs:label": {"@value": ATTRIBUTION, "@language": "en"}},
        "dct:modified": typed(about["modified"], "dateTime"),
        "dct:temporal": temporal,
        "dct:spatial": [
            {
                "@id": region["url"],
                "@type": "dct:Location",
                "skos:prefLabel": texts(region["name_zh"], region["name_en"]),
            }
            for region in about["regions"]
        ],
        "dct:source": [
            {"@id": source["url"], "dct:title": texts(source["title_zh"], source["title_en"])}
            for source in about["sources"]
        ],
        "dcat:landingPage": {"@id": about["landing"]},
        "dcat:distribution": [
            dcat_distribution(distribution, about["licence"], about["url"]) for distribution in about["distributions"]
        ],
    }
    return {
        "@context": CONTEXT,
        "@id": about["catalogue"],
        "@type": "dcat:Catalog",
        "dct:title": {"@value": "Jiangmen Regional Data API — catalogue", "@language": "en"},
        "dct:description": {"@value": DESCRIPTION, "@language": "en"},
        "dct:publisher": {"@id": publisher["@id"]},
        "dct:license": {"@id": about["licence"]},
        "foaf:homepage": {"@id": about["landing"]},
        "dcat:dataset": dataset,
    }


def schema_org(request):
    """The dataset as schema.org `Dataset`, the form dataset search engines read from a landing page."""
    about = describe(request, files=False)
    coverage = f"{about['start'] or '..'}/{about['end'] or '..'}"
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": about["url"],
        "name": TITLE,
        "description": DESCRIPTION,
        "url": about["landing"],
        "license": about["licence"],
        "creditText": ATTRIBUTION,
        "publisher": {"@type": "Organization", "name": PUBLISHER, "url": about["landing"]},
        "creator": {"@type": "Organization", "name": PUBLISHER, "url": about["landing"]},
        "dateModified": about["modified"],
        "temporalCoverage": coverage,
        "spatialCoverage": [
            {"@type": "Place", "@id": region["url"], "name": region["name_en"], "alternateName": region["name_zh"]}
            for region in about["regions"]
        ],
        "isBasedOn": [source["url"] for source in about["sources"]],
        "subjectOf": {"@type": "DataCatalog", "url": about["catalogue"]},
        "distribution": [
            {
                "@type": "DataDownload",
                "name": distribution["title"],
                "contentUrl": distribution["url"],
                "encodingFormat": distribution["media_type"],
            }
            for distribution in about["distributions"]
        ],
    }


def script_json(data):
    """JSON safe inside a `<script>` element: no `<`, `>` or `&` can end it early."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
