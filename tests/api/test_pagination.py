"""Limit/offset pages: lists kept whole and put in other orders, and links as DRF writes them."""

import pytest
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from apps.core.api import pagination
from apps.core.api.pagination import KEY_LISTS, StrictLimitOffsetPagination
from apps.core.filtersets import StrictFilterSet
from apps.regions.models import Region
from tests.api.base import PAGES, error_of

QUERIES = [
    "",
    "limit=5",
    "offset=10&limit=5",
    "offset=3&limit=5&lang=zh",
    "search=%E6%B1%9F%E9%97%A8+%E6%B8%AF&ordering=-period_end,slug&offset=7",
    "kind=&limit=5&offset=5",
    "period_from=2023-01-01&z=1&a=2&offset=4&limit=2",
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("count", [0, 4, 9, 12, 100])
def test_links_are_the_ones_drf_writes(query, count):
    request = Request(APIRequestFactory().get(f"/api/v1/observations/?{query}"))
    ours, drf = StrictLimitOffsetPagination(), LimitOffsetPagination()
    for paginator in (ours, drf):
        paginator.request = request
        paginator.limit, paginator.offset, paginator.count = ours.get_limit(request), ours.get_offset(request), count
    assert (ours.get_next_link(), ours.get_previous_link()) == (drf.get_next_link(), drf.get_previous_link())
    assert ours.get_next_link() is not None or ours.offset + ours.limit >= count


# (path, filters, orderings): each list asked for in one order, then in the others.
REORDERED = [
    ("/api/v1/observations/", {"kind": "target"}, ["-period_end", "value,-slug", "measure,period_start", None]),
    ("/api/v1/observations/", {"search": "江门"}, ["period_start", "-value"]),
    ("/api/v1/events/", {"basis": "stated"}, ["date", "-date", "-name_en,kind"]),
    ("/api/v1/zones/", {}, ["-name_zh", "name_en"]),
    ("/api/v1/timeline/", {"type": "event"}, [None]),
]


@pytest.mark.parametrize(("path", "filters", "orderings"), REORDERED)
def test_a_list_put_in_another_order_is_the_one_the_database_orders(client, monkeypatch, path, filters, orderings):
    """A list held in one order is cut from the whole list in another: the same pages as the database gives."""

    def pages(ordering):
        ordered = {**filters, **({"ordering": ordering} if ordering else {})}
        return [client.get(path, {**ordered, "limit": limit, "offset": offset}).json() for limit, offset in PAGES]

    client.get(path, {**filters, "ordering": "slug", "limit": 1})
    kept = {ordering: pages(ordering) for ordering in orderings}
    monkeypatch.setattr(pagination, "LISTED", 0)  # every page from the database
    for ordering, expected in kept.items():
        assert pages(ordering) == expected


def test_a_list_in_another_order_reads_only_the_data_version(client, django_assert_num_queries):
    """Once the figures of one filter are held in one order, and every figure in another, the filter in the other
    order reads no SQL but the data version."""
    client.get("/api/v1/observations/", {"kind": "target", "ordering": "slug"})
    client.get("/api/v1/observations/", {"ordering": "-value", "limit": 1})
    with django_assert_num_queries(1):
        body = client.get("/api/v1/observations/", {"kind": "target", "ordering": "-value", "limit": 3}).json()
    assert body["count"] == 19
    assert [item["value"] for item in body["results"]] == sorted(
        (item["value"] for item in body["results"]), key=float
    )[::-1]


def test_an_unknown_order_is_refused_when_the_list_is_held_in_another(client):
    client.get("/api/v1/observations/", {"kind": "target"})
    response = client.get("/api/v1/observations/", {"kind": "target", "ordering": "colour"})
    assert response.status_code == 400
    assert "ordering" in error_of(response)["details"]


@pytest.mark.parametrize(
    ("path", "filters", "filtersets"),
    [
        ("/api/v1/observations/", {"kind": "target", "ordering": "-value"}, 1),
        ("/api/v1/timeline/", {"type": "event"}, 2),  # one FilterSet for each side of the union
    ],
)
def test_a_longer_list_builds_its_filter_once_per_data_version(
    client, monkeypatch, settings, path, filters, filtersets
):
    """Past LISTED, the pages, limits and languages of one selection share the query built for the first: the same
    answers as when each page builds its own, until a write moves the data version."""
    settings.API_RESPONSE_CACHE_SECONDS = 0
    monkeypatch.setattr(pagination, "LISTED", 0)
    requests = [
        {**filters, "limit": limit, "offset": offset, "lang": ("zh", "en")[index % 2]}
        for index, (limit, offset) in enumerate(PAGES)
    ]
    expected = []
    for params in requests:
        KEY_LISTS.clear()
        expected.append(client.get(path, params).json())
    built = []
    build = StrictFilterSet.qs.fget
    monkeypatch.setattr(StrictFilterSet, "qs", property(lambda filterset: built.append(filterset) or build(filterset)))
    KEY_LISTS.clear()
    assert [client.get(path, params).json() for params in requests] == expected
    assert len(built) == filtersets
    Region.objects.get(slug="jiangmen").save()
    assert client.get(path, requests[0]).json()["count"] == expected[0]["count"]
    assert len(built) == 2 * filtersets


@pytest.mark.parametrize("ordering", ["", ",", "code,", " ", "colour"])
def test_an_order_refused_alone_is_refused_when_the_list_is_held(client, ordering):
    """A list held in its default order and in another, and every unit held in both, answer a bad `ordering` as
    the database would without them: refused."""
    path = "/api/v1/units/"
    cold = client.get(path, {"ordering": ordering})
    KEY_LISTS.clear()
    for warm in ({}, {"ordering": "-code"}, {"base": "cny"}, {"base": "cny", "ordering": "-code"}):
        client.get(path, warm)
    for response in (cold, client.get(path, {"ordering": ordering})):
        assert response.status_code == 400
        assert "ordering" in error_of(response)["details"]
