"""Anonymous clients are throttled at a configurable rate and told when to come back."""

import pytest
from django.core.cache import cache

from tests.api.base import error_of


@pytest.fixture
def three_per_minute(settings):
    settings.API_THROTTLE_RATE = "3/minute"
    cache.clear()
    yield
    cache.clear()


def test_requests_over_the_rate_get_429_with_retry_after(client, three_per_minute):
    statuses = [client.get("/api/v1/regions/").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    response = client.get("/api/v1/zones/")
    assert response.status_code == 429
    assert error_of(response)["code"] == "throttled"
    assert 0 < int(response["Retry-After"]) <= 60


def test_clients_are_counted_apart(client, three_per_minute):
    for _ in range(3):
        client.get("/api/v1/regions/", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/v1/regions/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/regions/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_an_empty_rate_turns_throttling_off(client, settings):
    settings.API_THROTTLE_RATE = ""
    assert all(client.get("/api/v1/regions/").status_code == 200 for _ in range(20))


def forged_requests(client, count, **extra):
    return [
        client.get("/api/v1/regions/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", **extra)
        for n in range(count)
    ]


def test_a_forged_forwarded_for_does_not_escape_the_rate(client, three_per_minute, settings):
    settings.TRUSTED_PROXIES = 0
    statuses = [response.status_code for response in forged_requests(client, 4)]
    assert statuses == [200, 200, 200, 429]


def test_behind_a_trusted_proxy_clients_are_counted_by_the_address_it_appended(client, three_per_minute, settings):
    settings.TRUSTED_PROXIES = 1
    for _ in range(3):
        client.get("/api/v1/regions/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.1")
    forged_left = client.get("/api/v1/regions/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.1")
    assert forged_left.status_code == 429
    other = client.get("/api/v1/regions/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert other.status_code == 200
