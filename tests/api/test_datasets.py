"""The whole curated dataset as one download, with checksums, its sources and attribution."""

import csv
import hashlib
import io
import json
import zipfile

from tests.api.base import openapi_paths
from tests.api.test_formats_and_languages import LISTS


def index(client):
    response = client.get("/api/v1/datasets/")
    assert response.status_code == 200
    return response.json()


def test_the_index_describes_both_files_with_checksums(client):
    body = index(client)
    assert body["counts"]["observations"] == 66
    assert body["counts"]["projects"] == 2
    assert [s["slug"] for s in body["sources"]] == ["zhuxi-hub-take-off"]
    assert "cite the source documents" in body["attribution"]
    for kind in ("json", "zip"):
        download = client.get(body["files"][kind]["url"])
        assert download.status_code == 200
        assert hashlib.sha256(download.content).hexdigest() == body["files"][kind]["sha256"]
        assert len(download.content) == body["files"][kind]["bytes"]
        assert download["Digest"] == f"sha-256={body['files'][kind]['sha256']}"


def test_the_json_document_holds_every_record_as_the_api_shows_it(client):
    document = json.loads(client.get("/api/v1/datasets/curated.json").content)
    assert set(document["records"]) == {url.split("/")[3] for url in LISTS} - {"sources", "timeline"}
    for name, rows in document["records"].items():
        assert len(rows) == client.get(f"/api/v1/{name}/").json()["count"], name
    calb = next(p for p in document["records"]["projects"] if p["slug"] == "calb-jiangmen-base")
    assert calb == client.get("/api/v1/projects/", {"search": "calb-jiangmen-base"}).json()["results"][0]


def test_the_zip_holds_one_csv_per_resource_with_checksums(client):
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/v1/datasets/curated.zip").content))
    names = set(archive.namelist())
    assert {"observations.csv", "projects.csv", "sources.csv", "SHA256SUMS", "ATTRIBUTION.txt"} <= names
    for line in archive.read("SHA256SUMS").decode().splitlines():
        digest, filename = line.split("  ")
        assert hashlib.sha256(archive.read(filename)).hexdigest() == digest
    rows = list(csv.DictReader(io.StringIO(archive.read("observations.csv").decode("utf-8-sig"))))
    assert len(rows) == 66


def test_synthetic_records_stay_out_of_the_download(client):
    from django.core.management import call_command

    call_command("generate_synthetic_data", scale=2, verbosity=0)
    body = index(client)
    assert body["counts"]["observations"] == 66
    assert [s["slug"] for s in body["sources"]] == ["zhuxi-hub-take-off"]


def test_the_schema_names_exactly_the_files_the_index_lists(client):
    paths = openapi_paths(client)
    (kind,) = [p for p in paths["/api/v1/datasets/curated.{kind}"]["get"]["parameters"] if p["name"] == "kind"]
    assert kind["schema"]["enum"] == sorted(index(client)["files"])
    assert client.get("/api/v1/datasets/curated.jsonx").status_code == 404
