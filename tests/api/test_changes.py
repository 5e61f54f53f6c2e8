"""The change feed: every change to served data in order, with its diff and public reason, never who made it."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.utils import timezone

from apps.companies.models import Company
from apps.core.memo import BytesMemo
from apps.regions.models import Region
from apps.sources.changes import tracked_resources
from apps.zones.models import Zone
from tests.api.base import error_of, openapi_paths

URL = "/api/v1/changes/"


def changes(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def edit(record, reason, user=None, **values):
    for name, value in values.items():
        setattr(record, name, value)
    record._change_reason = reason
    record._history_user = user
    record.save()


def test_a_record_edited_twice_and_deleted_appears_three_times_with_its_diffs_and_reasons(client):
    since = timezone.now()
    zone = Zone.objects.get(slug="rcep-cold-chain-logistics-centre")
    parent = Zone.objects.get(slug="daguanghai-bay-economic-zone")
    loaded_name, loaded_status, loaded_parent = zone.name_en, zone.status, zone.parent_id
    edit(zone, "English name as the source spells it.", name_en="RCEP Cold-Chain Logistics Centre (checked)")
    edit(zone, "The source places it in the economic zone.", parent=parent, status="operating")
    zone._change_reason = "Not a zone of its own in the source."
    old_name, old_status = zone.name_en, zone.status
    zone.delete()

    results = changes(client, updated_since=since.isoformat())["results"]
    assert [(c["resource"], c["record"], c["change"], c["reason"]) for c in results] == [
        ("zones", zone.slug, "updated", "English name as the source spells it."),
        ("zones", zone.slug, "updated", "The source places it in the economic zone."),
        ("zones", zone.slug, "deleted", "Not a zone of its own in the source."),
    ]
    first, second, deleted = results
    assert first["changes"] == [{"field": "name_en", "old": loaded_name, "new": old_name}]
    assert loaded_parent is None and loaded_status != "operating"
    assert sorted(second["changes"], key=lambda c: c["field"]) == [
        {"field": "parent", "old": None, "new": "daguanghai-bay-economic-zone"},
        {"field": "status", "old": loaded_status, "new": "operating"},
    ]
    gone = {c["field"]: c for c in deleted["changes"]}
    assert gone["name_en"] == {"field": "name_en", "old": old_name, "new": None}
    assert gone["status"] == {"field": "status", "old": old_status, "new": None}
    assert gone["parent"]["old"] == "daguanghai-bay-economic-zone"
    assert all(c["url"] == f"http://testserver/api/v1/zones/{zone.slug}/" for c in results)
    times = [c["changed_at"] for c in results]
    assert times == sorted(times)


def test_a_change_of_links_shows_the_linked_records_before_and_after(client):
    company = Company.objects.get(slug="calb")
    industries = sorted(company.industries.values_list("slug", flat=True))
    since = timezone.now()
    company._change_reason = "The source names one industry."
    company.industries.remove(company.industries.get(slug=industries[-1]))
    (changed,) = changes(client, updated_since=since.isoformat())["results"]
    assert (changed["record"], changed["change"], changed["reason"]) == ("calb", "updated", company._change_reason)
    assert changed["changes"] == [{"field": "industries", "old": industries, "new": industries[:-1]}]


def test_a_loaded_record_has_one_creation_holding_its_links(client):
    (created,) = changes(client, record="calb", limit=500)["results"]
    assert created["change"] == "created"
    links = {c["field"]: c["new"] for c in created["changes"]}["industries"]
    assert links == sorted(Company.objects.get(slug="calb").industries.values_list("slug", flat=True))


def test_a_creation_shows_every_field_new(client):
    since = timezone.now()
    region = Region.objects.create(slug="test-town", name_zh="测试镇", name_en="Test Town", level="district")
    (created,) = changes(client, updated_since=since.isoformat())["results"]
    assert (created["record"], created["change"], created["reason"]) == ("test-town", "created", "")
    fields = {c["field"]: (c["old"], c["new"]) for c in created["changes"]}
    assert fields["name_en"] == (None, "Test Town")
    assert fields["basis"] == (None, "stated")
    assert region.slug == "test-town"


def test_updated_since_returns_exactly_the_records_changed_after_it(client):
    since = timezone.now()
    for slug in ("north-group", "east-group"):
        edit(Zone.objects.get(slug=slug), "Checked.", focus_en=f"{slug} focus")
    Region.objects.get(slug="jiangmen").save()
    zones = client.get("/api/v1/zones/", {"updated_since": since.isoformat()}).json()
    assert sorted(zone["slug"] for zone in zones["results"]) == ["east-group", "north-group"]
    assert zones["count"] == 2
    regions = client.get("/api/v1/regions/", {"updated_since": since.isoformat()}).json()["results"]
    assert [region["slug"] for region in regions] == ["jiangmen"]
    later = client.get("/api/v1/zones/", {"updated_since": timezone.now().isoformat()}).json()
    assert later["count"] == 0


def test_every_list_documents_and_takes_updated_since(client):
    """Every paged list in the schema, the timeline and the feed included, documents `updated_since` and reads it."""
    paths = openapi_paths(client)
    lists = {
        path: {parameter["name"]: parameter for parameter in operations["get"].get("parameters", [])}
        for path, operations in paths.items()
        if "get" in operations and "{" not in path
    }
    paged = {path: parameters for path, parameters in lists.items() if "limit" in parameters}
    assert {"/api/v1/timeline/", "/api/v1/changes/", "/api/v1/units/"} <= set(paged)
    for path, parameters in paged.items():
        assert parameters["updated_since"]["schema"]["format"] == "date-time", path
        assert client.get(path, {"updated_since": "2000-01-01T00:00:00Z", "limit": 1}).status_code == 200, path
        response = client.get(path, {"updated_since": "last tuesday"})
        assert response.status_code == 400, path
        assert "updated_since" in error_of(response)["details"]


def test_no_personal_data_in_the_feed(client):
    curator = get_user_model().objects.create_user("wang.curator", "wang@example.org", "a-long-test-password")
    since = timezone.now()
    edit(Zone.objects.get(slug="south-group"), "Focus as the source gives it.", user=curator, focus_en="RCEP")
    body = changes(client, updated_since=since.isoformat(), limit=500)
    text = json.dumps(body, ensure_ascii=False)
    assert body["results"] and Zone.history.filter(history_user=curator).exists()
    for personal in ("wang.curator", "wang@example.org", "user", "ip_address"):
        assert personal not in text
    assert set(body["results"][0]) == {"resource", "record", "url", "change", "changed_at", "reason", "changes"}


def test_the_cursor_walks_every_change_once_in_order(client):
    seen, url = [], URL
    while url:
        body = client.get(url, {"limit": 100} if url == URL else {}).json()
        seen.extend((c["changed_at"], c["resource"], c["record"], c["change"]) for c in body["results"])
        url = body["next"]
    total = sum(resource.model.history.count() for resource in tracked_resources())
    assert len(seen) == total > 200
    assert len(set(seen)) == len(seen)
    assert [at for at, *_ in seen] == sorted(at for at, *_ in seen)
    assert {resource for _, resource, _, _ in seen} == {resource.name for resource in tracked_resources()}


def test_filters_by_resource_record_kind_and_time(client):
    since = timezone.now()
    edit(Zone.objects.get(slug="north-group"), "Checked.", focus_en="China-EU")
    edit(Region.objects.get(slug="jiangmen"), "Checked.", name_en="Jiangmen")
    until = timezone.now()
    edit(Zone.objects.get(slug="north-group"), "Checked again.", focus_en="China-EU cooperation")
    window = {"updated_since": since.isoformat(), "updated_until": until.isoformat()}
    assert [(c["resource"], c["record"]) for c in changes(client, **window)["results"]] == [
        ("zones", "north-group"),
        ("regions", "jiangmen"),
    ]
    zones = changes(client, resource="zones", updated_since=since.isoformat())["results"]
    assert [c["reason"] for c in zones] == ["Checked.", "Checked again."]
    north = changes(client, record="north-group", limit=500)["results"]
    assert {c["record"] for c in north} == {"north-group"} and len(north) == 3
    assert changes(client, resource="timeline")["results"] == []
    created = changes(client, change="created", resource="units", limit=500)["results"]
    assert created and {c["change"] for c in created} == {"created"}


def walk(client, **params):
    seen, url = [], URL
    while url:
        body = client.get(url, params if url == URL else {}).json()
        seen.extend((c["changed_at"], c["resource"], c["record"], c["change"]) for c in body["results"])
        url = body["next"]
    return seen


@pytest.mark.parametrize(
    ("params", "edited"),
    [({"limit": 37}, 1), ({"limit": 11, "change": "created", "resource": "zones"}, 0), ({"change": "updated"}, 1)],
)
def test_a_feed_kept_whole_pages_as_the_database_does(client, monkeypatch, params, edited):
    """A feed of at most LISTED changes is read whole once per data version and its pages cut from it: the walk
    is the one the database gives page by page, and an edit is in the next walk where the filters take it."""
    from apps.core.api import pagination

    kept = walk(client, **params)
    monkeypatch.setattr(pagination, "LISTED", 0)
    assert walk(client, **params) == kept
    monkeypatch.undo()
    edit(Zone.objects.get(slug="north-group"), "Checked.", focus_en="China-EU")
    assert len(walk(client, **params)) == len(kept) + edited


@pytest.mark.parametrize(
    ("parameter", "value"),
    [("change", "renamed"), ("updated_since", "yesterday"), ("limit", "501"), ("lang", "xx")],
)
def test_a_bad_parameter_is_400_naming_it(client, parameter, value):
    response = client.get(URL, {parameter: value})
    assert response.status_code == 400
    assert parameter in error_of(response)["details"]


@pytest.mark.parametrize(
    "cursor",
    [
        "cD1nYXJiYWdl",  # p=garbage
        "not base64!",
        "cD0yMDI2LTAxLTAxVDAwOjAwOjAwfHpvbmVzfDE=",  # p=2026-01-01T00:00:00|zones|1, a time without its zone
        "cD0yMDI2LTAxLTAxVDAwOjAwOjAwJTJCMDA6MDB8em9uZXN8OTk5OTk5OTk5OTk5OTk5OTk5OTk=",  # an id past any column
    ],
)
def test_a_forged_cursor_names_no_page(client, cursor):
    response = client.get(URL, {"cursor": cursor})
    assert response.status_code == 404
    assert "cursor" in error_of(response)["message"]


def test_an_empty_cursor_is_400_naming_it(client):
    response = client.get(URL, {"cursor": ""})
    assert response.status_code == 400
    assert "cursor" in error_of(response)["details"]


def test_query_count_is_bounded_by_the_tables_on_the_page(client, django_assert_num_queries):
    # The data version, the union of every history table's keys, the zones' page with the row before each
    # (one query), those earlier rows, the links they kept (partner regions), and the natural keys of the
    # regions and zones they name.
    edit(Zone.objects.get(slug="north-group"), "Checked.", focus_en="China-EU")
    caches["default"].clear()
    BytesMemo.clear_all()
    with django_assert_num_queries(7):
        body = changes(client, resource="zones", limit=30)
    assert len(body["results"]) == 28


def test_a_kept_change_is_the_change_rendered_afresh(client, django_assert_max_num_queries):
    """A change is rendered once and kept; asked again, the page reads only its keys, and holds the same bytes."""
    first = client.get(URL, {"limit": 100}).content
    with django_assert_max_num_queries(2):  # the data version and the union of keys
        again = client.get(URL, {"limit": 100}).content
    caches["records"].clear()
    BytesMemo.clear_all()
    assert first == again == client.get(URL, {"limit": 100}).content


def test_a_kept_change_names_a_related_record_by_its_slug_of_now(client):
    since = timezone.now()
    zone = Zone.objects.get(slug="rcep-cold-chain-logistics-centre")
    edit(zone, "Placed in the economic zone.", parent=Zone.objects.get(slug="daguanghai-bay-economic-zone"))
    (change,) = changes(client, updated_since=since.isoformat())["results"]
    assert change["changes"] == [{"field": "parent", "old": None, "new": "daguanghai-bay-economic-zone"}]
    edit(zone.parent, "Named as the source names it.", slug="dagunaghai-bay-economic-zone-renamed")
    (change, _rename) = changes(client, updated_since=since.isoformat())["results"]
    assert change["changes"] == [{"field": "parent", "old": None, "new": "dagunaghai-bay-economic-zone-renamed"}]


def test_records_say_whether_the_source_states_them_or_implies_them(client):
    zone = client.get("/api/v1/zones/yinhu-bay-coastal-new-area/").json()
    assert zone["basis"] == "inferred"
    assert "「在大广海湾经济区" in zone["basis_note"]
    stated = client.get("/api/v1/zones/north-group/").json()
    assert (stated["basis"], stated["basis_note"]) == ("stated", "")
    inferred = client.get("/api/v1/regions/", {"basis": "inferred", "limit": 500}).json()["results"]
    assert {region["slug"] for region in inferred} == {
        "taishan",
        "kaiping",
        "heshan",
        "enping",
        "xinhui",
        "jiangmen",
        "guangzhou",
        "shenzhen",
        "foshan",
    }
    assert all(region["basis_note"] for region in inferred)
    assert client.get("/api/v1/regions/", {"basis": "guessed"}).status_code == 400


def test_the_basis_is_in_the_spreadsheets(client):
    csv = client.get("/api/v1/zones/", {"format": "csv", "basis": "inferred"}).content.decode("utf-8-sig")
    header, row = csv.splitlines()[:2]
    assert "basis" in header.split(",") and "basis_note" in header.split(",")
    assert row.startswith("yinhu-bay-coastal-new-area,") and ",inferred," in row
