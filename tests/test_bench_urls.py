"""The benchmark's URL generator: its URLs are distinct, cover every list, and the API answers each with 200.

`make bench` measures the API on URLs it draws from the schema and the data; a URL the API rejects would
measure an error page, and a repeated one the response cache.
"""

from urllib.parse import parse_qsl, urlsplit

import pytest

from apps.core.registry import registry
from bench.urls import DEFAULTS, generate

COUNT = 500


@pytest.fixture(scope="module")
def drawn(django_db_blocker):
    with django_db_blocker.unblock():
        urls, report, _ = generate(COUNT, seed=12)
    return urls, report


def canonical(url):
    parts = urlsplit(url)
    return parts.path, tuple(sorted({**DEFAULTS, **dict(parse_qsl(parts.query))}.items()))


def test_urls_are_distinct_even_with_defaults_spelt_out(drawn):
    urls, _ = drawn
    assert len(urls) == COUNT
    assert len({canonical(url) for url in urls}) == COUNT


def test_every_list_and_detail_of_the_registry_is_drawn(drawn):
    urls, report = drawn
    paths = {urlsplit(url).path for url in urls}
    for resource in registry.models():
        assert f"/api/v1/{resource.name}/" in paths, resource.name
    lists = {row["path"] for row in report if row["kind"] == "list" and row["generated"]}
    assert "/api/v1/timeline/" in lists
    assert not any(path.startswith("/api/v1/datasets/") for path in paths)
    assert any(row["kind"] == "detail" and row["generated"] for row in report)
    assert any("ordering=" in url for url in urls) and any("offset=" in url for url in urls)


def test_every_url_answers_200(drawn, client):
    urls, _ = drawn
    failed = [(url, response.status_code) for url in urls if (response := client.get(url)).status_code != 200]
    assert failed == []
