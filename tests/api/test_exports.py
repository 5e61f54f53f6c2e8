"""Whole exports: every matching record, streamed as CSV or NDJSON, with validators, limits and a total."""

import json

import pytest
from django.core.cache import cache

from apps.core.api import exports
from apps.core.registry import registry
from tests.api.base import error_of

RESOURCES = [resource for resource in registry if resource.viewset is not None]


def content(response):
    assert response.streaming
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_a_csv_export_is_the_paged_csv_of_every_record(client, resource):
    url = f"/api/v1/{resource.name}/"
    count = client.get(url).json()["count"]
    response = client.get(f"{url}export/", {"format": "csv", "lang": "zh"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{resource.name}.csv"'
    assert response["X-Total-Count"] == str(count)
    assert content(response) == client.get(url, {"format": "csv", "lang": "zh", "limit": 500}).content


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_an_ndjson_export_holds_each_record_as_the_json_list_does(client, resource):
    url = f"/api/v1/{resource.name}/"
    page = client.get(url, {"limit": 500}).json()
    response = client.get(f"{url}export/", {"format": "ndjson"})
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    lines = content(response).decode().splitlines()
    assert [json.loads(line) for line in lines] == page["results"]
    assert response["X-Total-Count"] == str(page["count"])


def test_filters_ordering_and_fields_apply_to_exports(client):
    params = {"kind": "target", "ordering": "-value", "fields": "slug,value,unit.code"}
    page = client.get("/api/v1/observations/", {**params, "limit": 500}).json()
    response = client.get("/api/v1/observations/export/", {**params, "format": "ndjson"})
    assert [json.loads(line) for line in content(response).splitlines()] == page["results"]
    assert response["X-Total-Count"] == str(page["count"]) != "0"
    csv = client.get("/api/v1/observations/export/", {**params, "format": "csv"})
    assert content(csv).decode("utf-8-sig").splitlines()[0] == "slug,value,unit.code"


def test_an_export_is_written_a_chunk_at_a_time(client, monkeypatch):
    """Records are read and written CHUNK_SIZE at a time, so memory holds one chunk (`make bench-exports`
    measures it); the CSV header takes one part of its own."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 5)
    total = client.get("/api/v1/observations/").json()["count"]
    parts = list(client.get("/api/v1/observations/export/", {"format": "ndjson"}).streaming_content)
    assert len(parts) == -(-total // 5)
    assert all(part.count(b"\n") == 5 for part in parts[:-1])
    csv = list(client.get("/api/v1/observations/export/", {"format": "csv"}).streaming_content)
    assert len(csv) == 1 + len(parts)


def test_exports_carry_validators_and_answer_304(client):
    url = "/api/v1/zones/export/?format=csv"
    response = client.get(url)
    content(response)
    assert "public" in response["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304


def test_exports_have_their_own_rate(client, settings):
    settings.API_EXPORT_THROTTLE_RATE = "2/hour"
    cache.clear()
    assert {client.options("/api/v1/regions/export/").status_code for _ in range(3)} == {200}, "OPTIONS streams nothing"
    assert [client.get("/api/v1/regions/export/", {"lang": lang}).status_code for lang in ("en", "zh")] == [200, 200]
    response = client.get("/api/v1/zones/export/")
    assert response.status_code == 429
    assert error_of(response)["code"] == "throttled"
    assert int(response["Retry-After"]) > 0
    assert client.get("/api/v1/zones/").status_code == 200


def test_an_export_larger_than_the_limit_is_400(client, settings):
    settings.API_EXPORT_MAX_ROWS = 3
    response = client.get("/api/v1/zones/export/")
    assert response.status_code == 400
    assert "cursor" in error_of(response)["details"]["export"][0]
    narrowed = client.get("/api/v1/zones/export/", {"search": "north-group"})
    assert narrowed.status_code == 200
    assert 0 < int(narrowed["X-Total-Count"]) <= 3


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"format": "xlsx"}, "format"),
        ({"format": "json"}, "format"),
        ({"kind": "castle"}, "kind"),
        ({"fields": "x"}, "fields"),
    ],
)
def test_bad_export_parameters_are_400_in_json(client, params, parameter):
    response = client.get("/api/v1/zones/export/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert parameter in error_of(response)["details"]


def test_the_timeline_exports_every_entry_its_filters_select(client):
    params = {"project": "calb-jiangmen-base"}
    page = client.get("/api/v1/timeline/", {**params, "limit": 500}).json()
    response = client.get("/api/v1/timeline/export/", {**params, "format": "ndjson"})
    assert response["Content-Disposition"] == 'attachment; filename="timeline.ndjson"'
    assert [json.loads(line) for line in content(response).splitlines()] == page["results"]
    assert response["X-Total-Count"] == str(page["count"]) != "0"
    csv = client.get("/api/v1/timeline/export/", {**params, "fields": "slug,date"})
    expected = client.get("/api/v1/timeline/", {**params, "fields": "slug,date", "limit": 500, "format": "csv"})
    assert content(csv) == expected.content
