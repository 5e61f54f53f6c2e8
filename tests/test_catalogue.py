"""Catalogue metadata: DCAT-AP JSON-LD at a stable URL, and schema.org `Dataset` in the landing page.

Both parse as RDF (rdflib), and name the licence, the publisher, the coverage read from the data and
every distribution.
"""

import json
import re
from urllib.parse import urlsplit

import rdflib
from rdflib.namespace import DCTERMS, FOAF, RDF

DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
SCHEMA = rdflib.Namespace("https://schema.org/")
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def catalogue(client):
    response = client.get("/api/v1/datasets/catalogue.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return rdflib.Graph().parse(data=response.content, format="json-ld")


def path_of(url):
    parts = urlsplit(str(url))
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def dates_in(value):
    """Every calendar date a record names, however deep."""
    if isinstance(value, dict):
        return [date for item in value.values() for date in dates_in(item)]
    if isinstance(value, list):
        return [date for item in value for date in dates_in(item)]
    return [value] if isinstance(value, str) and DATE.match(value) else []


def test_the_dcat_record_names_licence_publisher_and_coverage(client):
    graph = catalogue(client)
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    assert (None, DCAT.dataset, dataset) in graph
    licence = graph.value(dataset, DCTERMS.license)
    assert (licence, RDF.type, DCTERMS.LicenseDocument) in graph
    assert "cite the source documents" in str(graph.value(licence, DCTERMS.description))
    publisher = graph.value(dataset, DCTERMS.publisher)
    assert str(graph.value(publisher, FOAF.name)) == "Jiangmen Regional Data API"

    document = json.loads(client.get("/api/v1/datasets/curated.json").content)
    dates = dates_in(document["records"])
    temporal = graph.value(dataset, DCTERMS.temporal)
    start, end = graph.value(temporal, DCAT.startDate), graph.value(temporal, DCAT.endDate)
    assert start.datatype == end.datatype == XSD.date
    assert (str(start), str(end)) == (min(dates), max(dates))

    regions = client.get("/api/v1/regions/", {"limit": 500}).json()["results"]
    spatial = {path_of(place) for place in graph.objects(dataset, DCTERMS.spatial)}
    assert spatial == {f"/api/v1/regions/{region['slug']}/" for region in regions}
    (source,) = graph.objects(dataset, DCTERMS.source)
    assert path_of(source) == "/api/v1/sources/zhuxi-hub-take-off/"


def test_the_dcat_record_lists_every_distribution_and_each_answers(client):
    graph = catalogue(client)
    (dataset,) = graph.subjects(RDF.type, DCAT.Dataset)
    distributions = list(graph.objects(dataset, DCAT.distribution))
    files = client.get("/api/v1/datasets/").json()["files"]
    downloads = {
        path_of(graph.value(d, DCAT.downloadURL)): d for d in distributions if graph.value(d, DCAT.downloadURL)
    }
    assert set(downloads) == {path_of(file["url"]) for file in files.values()}
    for file in files.values():
        distribution = downloads[path_of(file["url"])]
        assert graph.value(distribution, DCAT.byteSize).toPython() == file["bytes"]
        checksum = graph.value(distribution, SPDX.checksum)
        assert str(graph.value(checksum, SPDX.checksumValue)) == file["sha256"]
    conforms = {str(graph.value(d, DCTERMS.conformsTo)) for d in distributions}
    assert {"https://specs.frictionlessdata.io/data-package/", "https://json-stat.org/format/"} <= conforms
    assert any(graph.value(d, DCAT.accessService) for d in distributions)
    for distribution in distributions:
        assert (distribution, RDF.type, DCAT.Distribution) in graph
        assert graph.value(distribution, DCTERMS.license) == graph.value(dataset, DCTERMS.license)
        assert client.get(path_of(graph.value(distribution, DCAT.accessURL))).status_code == 200


def landing_data(client):
    response = client.get("/")
    page = response.content.decode()
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)
    return response, page, json.loads(block)


def test_the_landing_page_embeds_the_dataset_as_schema_org(client):
    _response, page, data = landing_data(client)
    assert data["@type"] == "Dataset"
    # The document names the schema.org context by URL; given inline here, it parses offline.
    graph = rdflib.Graph().parse(data=json.dumps({**data, "@context": {"@vocab": str(SCHEMA)}}), format="json-ld")
    (dataset,) = graph.subjects(RDF.type, SCHEMA.Dataset)
    assert str(graph.value(dataset, SCHEMA.license)).endswith("/#terms")
    assert 'id="terms"' in page
    dcat_graph = catalogue(client)
    (dcat_dataset,) = dcat_graph.subjects(RDF.type, DCAT.Dataset)
    assert str(graph.value(dataset, SCHEMA.license)) == str(dcat_graph.value(dcat_dataset, DCTERMS.license))
    temporal = dcat_graph.value(dcat_dataset, DCTERMS.temporal)
    assert str(graph.value(dataset, SCHEMA.temporalCoverage)) == (
        f"{dcat_graph.value(temporal, DCAT.startDate)}/{dcat_graph.value(temporal, DCAT.endDate)}"
    )
    contents = {path_of(url) for url in graph.objects(None, SCHEMA.contentUrl)}
    accesses = {path_of(url) for url in dcat_graph.objects(None, DCAT.accessURL)}
    assert contents == accesses
    assert len(list(graph.objects(dataset, SCHEMA.spatialCoverage))) == len(
        list(dcat_graph.objects(dcat_dataset, DCTERMS.spatial))
    )


def test_the_json_ld_block_keeps_the_strict_content_security_policy(client):
    response, page, _data = landing_data(client)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts == [' type="application/ld+json"']
    assert "</" not in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)[0]
