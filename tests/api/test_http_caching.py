"""Validators from the data version, 304 answers, and a response cache that every write invalidates."""

import pytest
from django.core.management import call_command

from apps.regions.models import Region
from tests.api.base import error_of

URL = "/api/v1/regions/jiangmen/"


def test_reads_carry_validators(client):
    response = client.get(URL)
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert "Accept" in response["Vary"]


@pytest.mark.parametrize(
    "params", [{}, {"format": "csv"}, {"lang": "zh"}, {"fields": "slug"}, {"as_of": "2030-01-01T00:00:00Z"}]
)
def test_every_read_says_how_long_it_keeps_and_what_it_varies_with(client, params):
    for url in (URL, "/api/v1/observations/", "/api/v1/timeline/", "/api/v1/changes/"):
        if url == "/api/v1/changes/" and {"fields", "as_of"} & set(params):
            continue
        for response in (client.get(url, params), client.get(url, params)):  # built, then kept
            assert response.status_code == 200, (url, params)
            assert response["Cache-Control"] == "public, max-age=300"
            assert response["Vary"] == "Accept, Accept-Language"
    not_modified = client.get(URL, HTTP_IF_NONE_MATCH=client.get(URL)["ETag"])
    assert (not_modified["Cache-Control"], not_modified["Vary"]) == ("public, max-age=300", "Accept, Accept-Language")


def test_a_matching_etag_is_answered_304_without_a_body(client):
    etag = client.get(URL)["ETag"]
    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert "public" in response["Cache-Control"]


def test_an_unchanged_last_modified_is_answered_304(client):
    last_modified = client.get(URL)["Last-Modified"]
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_a_write_changes_the_etag_and_the_content(client):
    first = client.get(URL)
    Region.objects.filter(slug="jiangmen").update(name_en="Kongmoon")
    Region.objects.get(slug="jiangmen").save()
    response = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]
    assert response.json()["name_en"] == "Kongmoon"


def test_each_representation_has_its_own_etag(client):
    etags = {
        client.get(URL)["ETag"],
        client.get("/api/v1/regions/guangdong/")["ETag"],
        client.get(URL, HTTP_ACCEPT_LANGUAGE="zh")["ETag"],
        client.get(URL, {"lang": "zh"})["ETag"],
    }
    assert len(etags) == 4


def test_a_repeated_read_is_served_from_the_cache(client, django_assert_num_queries):
    first = client.get("/api/v1/observations/")
    with django_assert_num_queries(1):
        again = client.get("/api/v1/observations/")
    assert again.content == first.content
    assert again["Content-Type"] == "application/json"


def test_reloading_unchanged_data_keeps_the_validators(client):
    etag = client.get(URL)["ETag"]
    call_command("load_curated_data", verbosity=0)
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_failed_precondition_is_412_in_the_error_shape(client):
    response = client.get(URL, HTTP_IF_MATCH='"not-the-current-etag"')
    assert response.status_code == 412
    assert error_of(response)["code"] == "precondition_failed"


def test_errors_are_not_cached(client):
    assert client.get("/api/v1/regions/", {"limit": "x"}).status_code == 400
    assert client.get("/api/v1/regions/", {"limit": "x"}).status_code == 400
    assert "ETag" not in client.get("/api/v1/regions/", {"limit": "x"})


def observations_read(client, **params):
    """The count a page of targets gives, whether it counted them, and whether it read their keys with SQL (the
    page's, or the whole list's)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        body = client.get("/api/v1/observations/", {"kind": "target", **params}).json()
    sql = [query["sql"] for query in context.captured_queries]
    keys = [q for q in sql if 'AS "pk" FROM "indicators_observation"' in q and '"kind" = ' in q]
    return body["count"], any("COUNT(" in q for q in sql), bool(keys)


def test_pages_of_one_filter_share_their_count_until_a_write(client, monkeypatch):
    from apps.core.api import pagination

    monkeypatch.setattr(pagination, "LISTED", 0)  # every list paged by the database
    assert observations_read(client, limit=5) == (19, True, True)
    assert observations_read(client, limit=5, offset=5) == (19, False, True)
    Region.objects.get(slug="jiangmen").save()
    assert observations_read(client, limit=5, offset=10) == (19, True, True)


def test_pages_of_a_short_list_are_cut_from_it_until_a_write(client):
    """A list of at most LISTED keys is read once, whole, and counts itself; its other pages read no SQL but the
    data version, until a write moves it. In another order, it is cut from every figure in that order."""
    assert observations_read(client, limit=5) == (19, False, True)
    assert observations_read(client, limit=5, offset=5, lang="zh") == (19, False, False)
    assert observations_read(client, limit=5, ordering="-period_end") == (19, False, False)
    Region.objects.get(slug="jiangmen").save()
    assert observations_read(client, limit=5, offset=10) == (19, False, True)


REDIS_CACHE = {
    alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/15"}
    for alias in ("default", "records")
}


def test_with_a_cache_url_responses_are_kept_in_redis(client, settings, django_assert_num_queries):
    settings.CACHES = REDIS_CACHE
    from django.core.cache import cache

    cache.clear()
    first = client.get("/api/v1/zones/")
    with django_assert_num_queries(1):
        again = client.get("/api/v1/zones/")
    assert again.content == first.content
    assert any(key.startswith(b":1:api-response:") for key in cache._cache.get_client().keys("*"))
    cache.clear()


def test_the_per_process_memo_stays_within_its_byte_budget():
    from apps.core.memo import BytesMemo

    memo = BytesMemo(max_bytes=10)
    memo.put("a", b"12345", 5)
    memo.put("b", b"12345", 5)
    assert memo.get("a") == b"12345"
    memo.put("c", b"123", 3)
    assert memo.get("b") is None
    assert memo.size <= 10
    memo.put("huge", b"x" * 11, 11)
    assert memo.get("huge") is None


def test_without_a_shared_cache_a_response_is_kept_once_per_worker(client, django_assert_num_queries):
    """The per-process memo holds it; the cache in local memory would only hold a second copy."""
    from django.core.cache import cache

    first = client.get("/api/v1/zones/")
    with django_assert_num_queries(1):
        assert client.get("/api/v1/zones/").content == first.content
    assert not any("api-response:" in key for key in cache._cache)


@pytest.mark.parametrize("params", [{"lang": "zh"}, {"format": "csv", "lang": "zh"}])
def test_a_cached_answer_keeps_the_headers_the_view_set(client, params):
    first = client.get("/api/v1/projects/", params)
    again = client.get("/api/v1/projects/", params)
    assert again.content == first.content
    for header in ("Content-Type", "Content-Language", "Content-Disposition"):
        assert again.get(header) == first.get(header)
    assert again["Content-Language"] == "zh"
