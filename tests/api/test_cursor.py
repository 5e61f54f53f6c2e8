"""Keyset pages: a walk by cursor holds the records the offset pages hold, in the same order, either way."""

import pytest

from apps.core.registry import registry
from tests.api.base import error_of

RESOURCES = [resource for resource in registry if resource.viewset is not None]
WALKS = [
    (resource, ordering)
    for resource in RESOURCES
    for field in [None, *resource.filterset_class.base_filters["ordering"].param_map]
    for ordering in ([None] if field is None else [field, f"-{field}"])
]


def keys(resource, items):
    return [item[resource.natural_key] for item in items]


def walk(client, url, params, direction):
    """Every page from `url` on, following `direction` (`next` or `previous`), and the pages' bodies."""
    bodies = []
    while url:
        body = client.get(url, params).json()
        bodies.append(body)
        url, params = body[direction], {}
    return bodies


@pytest.mark.parametrize(
    ("resource", "ordering"), WALKS, ids=lambda value: getattr(value, "name", None) or str(value or "default")
)
def test_a_cursor_walk_holds_the_offset_pages_records_both_ways(client, resource, ordering):
    url = f"/api/v1/{resource.name}/"
    ordered = {"ordering": ordering} if ordering else {}
    expected = keys(resource, client.get(url, {**ordered, "limit": 500}).json()["results"])
    forward = walk(client, url, {**ordered, "cursor": "start", "limit": 3}, "next")
    assert [key for body in forward for key in keys(resource, body["results"])] == expected
    assert all(set(body) == {"next", "previous", "results"} for body in forward)
    assert forward[0]["previous"] is None
    backward = walk(client, forward[-1]["previous"], {}, "previous") if len(forward) > 1 else []
    walked_back = [key for body in reversed(backward) for key in keys(resource, body["results"])]
    assert walked_back + keys(resource, forward[-1]["results"]) == expected


def test_a_page_walked_back_to_offers_its_next_page(client):
    url = "/api/v1/observations/"
    first = client.get(url, {"cursor": "start", "limit": 2, "ordering": "-value"}).json()
    second = client.get(first["next"]).json()
    again = client.get(second["previous"]).json()
    assert again["results"] == first["results"]
    assert again["previous"] is None
    assert client.get(again["next"]).json()["results"] == second["results"]


def test_cursor_pages_come_as_spreadsheets_and_cut_to_fields(client):
    url = "/api/v1/projects/"
    page = client.get(url, {"cursor": "start", "limit": 1, "fields": "slug,company.slug"}).json()
    assert page["results"] == [{"slug": "calb-jiangmen-base", "company": {"slug": "calb"}}]
    response = client.get(url, {"cursor": "start", "limit": 1, "format": "csv"})
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").splitlines()[1].startswith("calb-jiangmen-base,")


def test_an_empty_cursor_is_400_naming_it(client):
    response = client.get("/api/v1/zones/", {"cursor": ""})
    assert response.status_code == 400
    assert "may not be empty" in error_of(response)["details"]["cursor"][0]


@pytest.mark.parametrize(
    ("cursor", "message"),
    [("not-a-cursor", "not one this API gave"), ("eyJvIjpbXX0", "another")],  # {"o":[]}
)
def test_a_cursor_the_api_did_not_give_names_no_page(client, cursor, message):
    response = client.get("/api/v1/zones/", {"cursor": cursor})
    assert response.status_code == 404
    assert message in error_of(response)["message"]


def test_a_cursor_from_another_ordering_names_no_page(client):
    following = client.get("/api/v1/zones/", {"cursor": "start", "limit": 1, "ordering": "name_en"}).json()["next"]
    response = client.get(following.replace("ordering=name_en", "ordering=-name_en"))
    assert response.status_code == 404
    assert "another" in error_of(response)["message"]


def test_an_offset_skips_records_past_the_cursor(client):
    walk = [z["slug"] for z in client.get("/api/v1/zones/", {"cursor": "start", "limit": 6}).json()["results"]]
    skipped = client.get("/api/v1/zones/", {"cursor": "start", "limit": 2, "offset": 3}).json()
    assert [z["slug"] for z in skipped["results"]] == walk[3:5]
    following = client.get(skipped["next"]).json()["results"]
    assert [z["slug"] for z in following][:1] == walk[5:6]
    assert "offset" not in skipped["next"]


def test_the_timeline_keeps_offset_pages(client):
    response = client.get("/api/v1/timeline/", {"limit": 2})
    assert set(response.json()) == {"count", "next", "previous", "results"}


def test_offsets_stop_where_cursors_take_over(client):
    """An offset page costs what skipping its offset costs; past the deepest one, a list is walked by cursor."""
    assert client.get("/api/v1/observations/", {"offset": 10_000}).status_code == 200
    response = client.get("/api/v1/observations/", {"offset": 10_001})
    assert response.status_code == 400
    assert "cursor" in error_of(response)["details"]["offset"][0]
