"""The generic API test every endpoint's tests inherit: list, detail, filters, ordering, paging, errors.

A subclass names its endpoint, a record to look up, its pinned query counts, and its filters as
(parameter, value, predicate on a list item). Each filter must return some records, fewer than the
unfiltered list, and only records the predicate accepts, so an ignored filter cannot pass.
"""

import datetime
from decimal import Decimal, InvalidOperation

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.api import pagination
from apps.core.api.pagination import KEY_LISTS
from apps.core.memo import BytesMemo

WRITE_METHODS = ["post", "put", "patch", "delete"]
# (limit, offset) of pages at the start, inside and past the end of a list.
PAGES = [(1, 0), (2, 1), (3, 2), (50, 0), (500, 3), (5, 400)]


# A value for each path parameter the schema names, so that each of its paths can be asked for.
SCHEMA_PATH_VALUES = {"{slug}": "calb-jiangmen-base", "{code}": "yuan", "{kind}": "json"}


def openapi_paths(client):
    return client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]


def schema_operations(client):
    """Each read the schema documents, as a URL to ask for, with the parameters it documents."""
    for path, operations in openapi_paths(client).items():
        url = path
        for template, value in SCHEMA_PATH_VALUES.items():
            url = url.replace(template, value)
        yield url, operations["get"]["parameters"]


def error_of(response):
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == response.status_code
    return body["error"]


class APIEndpointTests:
    url = ""
    lookup = ""
    list_queries = 0
    detail_queries = 0
    filters = []
    invalid_filters = []
    orderings = []
    item_fields = set()
    detail_fields = set()
    cited = True

    def get(self, client, url=None, **params):
        return client.get(url or self.url, params)

    def detail_url(self, lookup=None):
        return f"{self.url}{lookup or self.lookup}/"

    def count_queries(self, client, url, cold=True, **params):
        """Queries for an uncached response, the data version's included: with no record rendered yet
        (`cold`), or with the records already rendered."""
        caches["default"].clear()
        KEY_LISTS.clear()
        if cold:
            caches["records"].clear()
            BytesMemo.clear_all()
        with CaptureQueriesContext(connection) as context:
            response = client.get(url, params)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, response.status_code
        return len(context.captured_queries)

    def test_list_is_paginated_with_a_total(self, client):
        body = self.get(client).json()
        assert set(body) == {"count", "next", "previous", "results"}
        assert body["count"] == len(body["results"]) or body["next"]
        assert body["count"] > 1

    def test_list_items_name_their_fields(self, client):
        item = self.get(client).json()["results"][0]
        assert set(item) == self.item_fields

    def test_every_item_carries_its_citations(self, client):
        items = self.get(client, limit=500).json()["results"]
        for item in items:
            if self.cited:
                assert item["citations"], item
                assert all(set(c) == {"document", "document_title", "quote"} for c in item["citations"])

    def test_detail(self, client):
        response = client.get(self.detail_url())
        assert response.status_code == 200, response.status_code
        assert set(response.json()) == (self.detail_fields or self.item_fields)

    def test_unknown_lookup_is_404_in_the_error_shape(self, client):
        response = client.get(self.detail_url("no-such-record"))
        assert response.status_code == 404
        assert error_of(response)["code"] == "not_found"

    @pytest.mark.parametrize("method", WRITE_METHODS)
    def test_writes_are_refused(self, client, method):
        for url in (self.url, self.detail_url()):
            response = getattr(client, method)(url, {}, content_type="application/json")
            assert response.status_code == 405
            assert error_of(response)["code"] == "method_not_allowed"

    def test_reads_are_publicly_cacheable(self, client):
        for url in (self.url, self.detail_url()):
            cache_control = client.get(url)["Cache-Control"]
            assert "public" in cache_control
            assert "max-age=" in cache_control

    def test_list_query_count_is_pinned_and_independent_of_page_size(self, client):
        """A list of at most LISTED records is read whole, so it counts itself, whatever the page."""
        assert self.count_queries(client, self.url, limit=1) == self.list_queries
        assert self.count_queries(client, self.url, limit=2, offset=1) == self.list_queries
        assert self.count_queries(client, self.url, limit=500) == self.list_queries

    @pytest.mark.parametrize("listed", [0, 1])
    def test_a_longer_list_is_paged_by_the_database_and_counted(self, client, monkeypatch, listed):
        """Past LISTED records, a page is read as a page and the list counted: one query more, the same answers."""
        expected = {page: self.get(client, limit=page[0], offset=page[1]).json() for page in PAGES}
        monkeypatch.setattr(pagination, "LISTED", listed)
        KEY_LISTS.clear()
        counted = listed == 0 or expected[1, 0]["count"] > listed
        assert self.count_queries(client, self.url, limit=1) == self.list_queries + counted
        for (limit, offset), body in expected.items():
            assert self.get(client, limit=limit, offset=offset).json() == body
            assert (
                self.get(client, limit=limit, offset=offset, ordering=f"-{self.key_field}").json()["count"]
                == body["count"]
            )

    def test_pages_of_a_kept_list_answer_as_the_database_does(self, client):
        """Pages cut from a list kept whole match pages read one by one (a write moves the data version)."""
        whole = self.get(client, limit=500).json()["results"]
        for limit, offset in PAGES:
            body = self.get(client, limit=limit, offset=offset).json()
            assert body["count"] == len(whole)
            assert body["results"] == whole[offset : offset + limit]

    def test_detail_query_count_is_pinned(self, client):
        assert self.count_queries(client, self.detail_url()) == self.detail_queries

    def test_rendered_records_cost_a_query_for_their_keys(self, client):
        """Once its records are rendered, a page reads the data version and its keys (the last page needs
        no count), and a detail the data version and its key: nothing that grows with what records nest."""
        client.get(self.url, {"limit": 500})
        assert self.count_queries(client, self.url, cold=False, limit=500, offset=0) == 2
        client.get(self.detail_url())
        assert self.count_queries(client, self.detail_url(), cold=False, lang="en") == 2

    def test_cursor_page_query_count_is_pinned(self, client):
        """A cursor page is a page without its count, wherever it is in the list."""
        assert self.count_queries(client, self.url, cursor="start", limit=1) == self.list_queries
        following = client.get(self.url, {"cursor": "start", "limit": 1}).json()["next"]
        assert self.count_queries(client, following) == self.list_queries

    def test_field_selection_query_count_is_pinned(self, client):
        """Records cut to `fields` are serialised as spreadsheets are, at the same cost: a constant one, below
        what the page costs before its records are rendered."""
        selected = self.count_queries(client, self.url, fields=self.key_field, limit=1)
        assert selected == self.count_queries(client, self.url, format="csv", limit=1) < self.list_queries
        assert selected == self.count_queries(client, self.url, fields=self.key_field, limit=500) + 1
        detail = self.count_queries(client, self.detail_url(), omit=self.key_field)
        assert detail == self.count_queries(client, self.detail_url(), format="csv") < self.detail_queries

    def test_export_query_count_is_pinned(self, client):
        """An export costs what a page does (version, count, keys, rendering what is not yet rendered) for
        each chunk of records; a CSV reads the keys twice (its header first), finding them rendered the
        second time, and an export of rendered records reads only the version, the count and the keys."""
        assert self.count_queries(client, f"{self.url}export/", format="ndjson") == self.list_queries + 1
        assert self.count_queries(client, f"{self.url}export/", format="csv") == self.list_queries + 2
        assert self.count_queries(client, f"{self.url}export/", cold=False, format="ndjson") == 3

    def test_pagination_links_and_bounds(self, client):
        first = self.get(client, limit=1).json()
        assert len(first["results"]) == 1
        assert "offset=1" in first["next"]
        assert first["previous"] is None
        second = self.get(client, limit=1, offset=1).json()
        assert second["previous"]
        assert second["results"] != first["results"]
        for params, parameter in (({"limit": 501}, "limit"), ({"limit": 0}, "limit"), ({"offset": -1}, "offset")):
            response = self.get(client, **params)
            assert response.status_code == 400
            assert parameter in error_of(response)["details"]

    def test_list_order_is_stable(self, client):
        first = [i[self.key_field] for i in self.get(client, limit=500).json()["results"]]
        paged = [
            i[self.key_field]
            for offset in range(len(first))
            for i in self.get(client, limit=1, offset=offset).json()["results"]
        ]
        assert first == paged
        assert len(set(first)) == len(first)

    key_field = "slug"

    def test_filters(self, client):
        total = self.get(client).json()["count"]
        for parameter, value, accepts in self.filters:
            body = self.get(client, limit=500, **{parameter: value}).json()
            assert 0 < body["count"] < total, (parameter, value, body["count"])
            assert all(accepts(item) for item in body["results"]), (parameter, value)

    def test_unparseable_filter_values_are_400_naming_the_parameter(self, client):
        for parameter, value in [*self.invalid_filters, ("ordering", "no_such_field")]:
            response = self.get(client, **{parameter: value})
            assert response.status_code == 400, (parameter, value)
            assert parameter in error_of(response)["details"]

    def test_ordering(self, client):
        """Descending is the exact reverse of ascending, ties included; numbers and dates are also checked sorted.

        Text is compared only through that reversal, since databases collate text differently.
        """
        for field in self.orderings:
            ascending_items = self.get(client, limit=500, ordering=field).json()["results"]
            descending_items = self.get(client, limit=500, ordering=f"-{field}").json()["results"]
            keys = [i[self.key_field] for i in ascending_items]
            assert keys == [i[self.key_field] for i in descending_items][::-1], field
            ascending = [i[field] for i in ascending_items]
            assert len(set(map(str, ascending))) > 1, field
            sortable = [sort_key(v) for v in ascending if v is not None]
            if all(k is not None for k in sortable):
                assert sortable == sorted(sortable), field


def sort_key(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(value)
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError):
        pass
    try:
        return datetime.date.fromisoformat(value)
    except (ValueError, TypeError):
        return None


def accepts_reference(field, slug):
    def accepts(item):
        value = item[field]
        if isinstance(value, list):
            return slug in {v["slug"] for v in value}
        return value is not None and value["slug"] == slug

    return accepts


def accepts_value(field, expected):
    return lambda item: item[field] == expected


def accepts_text(text):
    return lambda item: text.lower() in str(item).lower()
