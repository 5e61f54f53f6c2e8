"""`?as_of=`: every list, detail and export as the data stood at a moment, read from the history."""

import csv
import io
import json

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.utils import timezone

from apps.companies.models import Company
from apps.core.vintage import earliest
from apps.sources.models import Citation
from apps.zones.models import Zone
from tests.api.base import error_of, openapi_paths
from tests.api.test_changes import edit

ZONE = "rcep-cold-chain-logistics-centre"


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response


@pytest.fixture
def edited_twice():
    """The zone's English name, as loaded, after the first edit and after the second, with a moment in each."""
    zone = Zone.objects.get(slug=ZONE)
    loaded, loaded_at = zone.name_en, timezone.now()
    edit(zone, "First reading.", name_en="RCEP Cold Chain Centre (first)")
    middle_at = timezone.now()
    edit(zone, "Second reading.", name_en="RCEP Cold Chain Centre (second)")
    return {"loaded": (loaded, loaded_at), "middle": ("RCEP Cold Chain Centre (first)", middle_at)}


def test_as_of_between_two_edits_shows_the_middle_value_in_json_csv_and_detail(client, edited_twice):
    name, at = edited_twice["middle"]
    detail = get(client, f"/api/v1/zones/{ZONE}/", as_of=at.isoformat()).json()
    assert detail["name_en"] == name
    listed = get(client, "/api/v1/zones/", as_of=at.isoformat(), limit=500).json()["results"]
    assert {zone["slug"]: zone["name_en"] for zone in listed}[ZONE] == name
    paged_csv = get(client, "/api/v1/zones/", as_of=at.isoformat(), format="csv").content.decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(paged_csv))
    assert {row["slug"]: row["name_en"] for row in rows}[ZONE] == name
    export = get(client, "/api/v1/zones/export/", as_of=at.isoformat(), format="ndjson")
    lines = [json.loads(line) for line in b"".join(export.streaming_content).splitlines()]
    assert {zone["slug"]: zone["name_en"] for zone in lines}[ZONE] == name
    assert int(export["X-Total-Count"]) == len(lines)
    loaded, loaded_at = edited_twice["loaded"]
    assert get(client, f"/api/v1/zones/{ZONE}/", as_of=loaded_at.isoformat()).json()["name_en"] == loaded
    assert get(client, f"/api/v1/zones/{ZONE}/").json()["name_en"] == "RCEP Cold Chain Centre (second)"


def test_filters_ordering_and_fields_apply_to_the_past(client, edited_twice):
    name, at = edited_twice["middle"]
    found = get(client, "/api/v1/zones/", as_of=at.isoformat(), search="(first)", fields="slug,name_en").json()
    assert found["results"] == [{"slug": ZONE, "name_en": name}]
    assert get(client, "/api/v1/zones/", search="(first)").json()["count"] == 0
    ordered = get(client, "/api/v1/zones/", as_of=at.isoformat(), ordering="-name_en", limit=500).json()["results"]
    names = [zone["name_en"] for zone in ordered]
    assert names == sorted(names, reverse=True)


def test_records_created_later_are_absent_and_records_deleted_since_present(client):
    before = timezone.now()
    gone = Zone.objects.get(slug=ZONE)
    Zone.objects.create(
        slug="test-new-zone", name_zh="测试园区", name_en="Test zone", kind=gone.kind, region=gone.region
    )
    gone._change_reason = "Not a zone of its own."
    gone.delete()
    assert client.get(f"/api/v1/zones/{ZONE}/").status_code == 404
    assert get(client, f"/api/v1/zones/{ZONE}/", as_of=before.isoformat()).json()["slug"] == ZONE
    assert client.get("/api/v1/zones/test-new-zone/", {"as_of": before.isoformat()}).status_code == 404
    past = {
        zone["slug"] for zone in get(client, "/api/v1/zones/", as_of=before.isoformat(), limit=500).json()["results"]
    }
    now = {zone["slug"] for zone in get(client, "/api/v1/zones/", limit=500).json()["results"]}
    assert past - now == {ZONE} and now - past == {"test-new-zone"}


def test_links_relations_and_citations_are_as_they_were(client):
    company = Company.objects.get(slug="calb")
    industries = sorted(company.industries.values_list("slug", flat=True))
    zone = Zone.objects.get(slug=ZONE)
    parent = zone.parent.slug if zone.parent else None
    citation = Citation.objects.filter(object_id=zone.pk, content_type__model="zone").first()
    quote = citation.quote
    before = timezone.now()
    company._change_reason = "One industry only."
    company.industries.remove(company.industries.order_by("slug").last())
    edit(zone, "Placed in the economic zone.", parent=Zone.objects.get(slug="daguanghai-bay-economic-zone"))
    citation.quote = quote[: len(quote) // 2]
    citation.save()

    past = get(client, "/api/v1/companies/calb/", as_of=before.isoformat()).json()
    assert sorted(industry["slug"] for industry in past["industries"]) == industries
    assert len(get(client, "/api/v1/companies/calb/").json()["industries"]) == len(industries) - 1
    past_zone = get(client, f"/api/v1/zones/{ZONE}/", as_of=before.isoformat()).json()
    assert (past_zone["parent"] or {}).get("slug") == parent
    assert quote in [c["quote"] for c in past_zone["citations"]]
    assert quote not in [c["quote"] for c in get(client, f"/api/v1/zones/{ZONE}/").json()["citations"]]
    # The other end of a link reads the same past: the industry still lists the company.
    removed = sorted(industries)[-1]
    companies = get(client, f"/api/v1/industries/{removed}/", as_of=before.isoformat()).json()["companies"]
    assert "calb" in [c["slug"] for c in companies]


def test_a_moment_before_the_first_load_is_400_giving_the_earliest(client):
    first = earliest(connection.alias)
    response = client.get("/api/v1/zones/", {"as_of": "2001-01-01T00:00:00Z"})
    assert response.status_code == 400
    (message,) = error_of(response)["details"]["as_of"]
    assert first.isoformat() in message
    assert get(client, "/api/v1/sources/", as_of=first.isoformat()).json()["count"] == 1


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", "2024-01-01T25:00:00", ""])
def test_a_malformed_moment_is_400_naming_it(client, value):
    response = client.get("/api/v1/zones/", {"as_of": value})
    assert response.status_code == 400
    assert "as_of" in error_of(response)["details"]


def test_a_date_is_the_end_of_that_day(client, edited_twice):
    today = timezone.localdate().isoformat()
    assert get(client, f"/api/v1/zones/{ZONE}/", as_of=today).json()["name_en"] == "RCEP Cold Chain Centre (second)"


def test_etags_differ_per_vintage_and_revalidate(client, edited_twice):
    loaded_at, middle_at = edited_twice["loaded"][1], edited_twice["middle"][1]
    first = get(client, f"/api/v1/zones/{ZONE}/", as_of=loaded_at.isoformat())
    second = get(client, f"/api/v1/zones/{ZONE}/", as_of=middle_at.isoformat())
    today = get(client, f"/api/v1/zones/{ZONE}/")
    assert len({first["ETag"], second["ETag"], today["ETag"]}) == 3
    again = client.get(f"/api/v1/zones/{ZONE}/", {"as_of": middle_at.isoformat()}, HTTP_IF_NONE_MATCH=second["ETag"])
    assert again.status_code == 304


def test_the_past_does_not_outlive_the_read(client, edited_twice):
    """The views that show the past are gone once the read ends, whatever its outcome: the next read on the
    same connection sees today."""
    _, at = edited_twice["middle"]
    get(client, f"/api/v1/zones/{ZONE}/", as_of=at.isoformat())
    assert client.get("/api/v1/zones/no-such-zone/", {"as_of": at.isoformat()}).status_code == 404
    export = get(client, "/api/v1/zones/export/", as_of=at.isoformat(), format="csv")
    # A client that goes away before the first row: the server closes the response. (As Django's test client
    # does, the connection is kept through the close: the test's own transaction would otherwise end it.)
    request_finished.disconnect(close_old_connections)
    try:
        export.close()
    finally:
        request_finished.connect(close_old_connections)
    assert Zone.objects.get(slug=ZONE).name_en == "RCEP Cold Chain Centre (second)"
    assert get(client, f"/api/v1/zones/{ZONE}/").json()["name_en"] == "RCEP Cold Chain Centre (second)"


def test_the_timeline_reads_the_past_too(client):
    event = get(client, "/api/v1/timeline/", limit=1).json()["results"][0]
    before = timezone.now()
    from apps.events.models import Event

    record = Event.objects.get(slug=event["slug"]) if event["type"] == "event" else None
    if record is None:
        pytest.fail("The timeline's first entry is expected to be an event.")
    edit(record, "Renamed.", name_en="Renamed event")
    past = get(client, "/api/v1/timeline/", as_of=before.isoformat(), limit=1).json()["results"][0]
    assert past["name_en"] == event["name_en"] != "Renamed event"


def test_every_read_of_records_documents_as_of(client):
    paths = openapi_paths(client)
    record_paths = [
        path
        for path in paths
        if path.startswith("/api/v1/")
        and not path.startswith(("/api/v1/changes/", "/api/v1/datasets/", "/api/v1/search"))
        and path != "/api/v1/"
    ]
    assert len(record_paths) > 30
    for path in record_paths:
        names = {parameter["name"] for parameter in paths[path]["get"].get("parameters", [])}
        assert "as_of" in names, path


def test_each_history_row_says_until_when_it_was_the_latest(edited_twice):
    rows = list(Zone.history.filter(slug=ZONE).order_by("history_date", "history_id"))
    assert [row.history_type for row in rows] == ["+", "~", "~"]
    assert [row.history_valid_until for row in rows] == [rows[1].history_date, rows[2].history_date, None]
