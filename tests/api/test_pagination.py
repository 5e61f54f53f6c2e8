"""Limit/offset pages: their links are DRF's, written from one reading of the URL."""

import pytest
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from apps.core.api.pagination import StrictLimitOffsetPagination

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
