"""With Redis refusing, hanging or gone, every read answers from the database; when Redis returns it is used again."""

import socket
import threading

import pytest
from django.core.cache import caches
from django.test import Client
from fakeredis import TcpFakeServer

from apps.core import cache as shared_cache
from apps.core.cache import redis_caches
from apps.core.registry import registry

TIMEOUT = 0.2


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class HangingServer:
    """Accepts connections and never answers, as a Redis that is stuck does; counts the connections made."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while True:
            try:
                self.accepted.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self):
        self.listener.close()
        for connection in self.accepted:
            connection.close()


class FakeRedis:
    """A Redis speaking the protocol on a real port, which can be stopped and started again."""

    def __init__(self, port):
        self.port = port
        self.server = None

    def start(self):
        self.server = TcpFakeServer(("127.0.0.1", self.port))
        self.server.daemon_threads, self.server.block_on_close = True, False
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@pytest.fixture(autouse=True)
def fresh_outage_mark():
    shared_cache._outage["until"] = 0.0
    yield
    shared_cache._outage["until"] = 0.0


@pytest.fixture
def use_redis(settings):
    def use(url):
        settings.CACHES = redis_caches(url, ("default", "records"), TIMEOUT)

    return use


@pytest.fixture
def hanging():
    server = HangingServer()
    yield server
    server.close()


def read_urls():
    urls = ["/api/v1/", "/api/v1/datasets/", "/api/v1/projects/calb-jiangmen-base/"]
    return urls + [f"/api/v1/{resource.name}/" for resource in registry if resource.viewset is not None]


def answers(client):
    """Each read's status and body, through a client of its own (each keeps its own memo of responses)."""
    client = Client()
    return {url: (response.status_code, response.content) for url in read_urls() for response in [client.get(url)]}


@pytest.mark.parametrize("outage", ["refusing", "hanging"])
def test_every_read_answers_from_the_database_without_redis(client, use_redis, hanging, outage):
    expected = answers(client)
    caches["default"].clear()
    assert {status for status, _ in expected.values()} == {200}
    use_redis(f"redis://127.0.0.1:{free_port() if outage == 'refusing' else hanging.port}/0")
    assert answers(client) == expected
    assert shared_cache.is_down()


def test_a_hanging_redis_is_not_waited_on_again_until_the_retry_time(client, use_redis, hanging):
    use_redis(f"redis://127.0.0.1:{hanging.port}/0")
    assert client.get("/api/v1/regions/").status_code == 200
    tried = len(hanging.accepted)
    assert tried >= 1
    for url in read_urls():
        assert client.get(url).status_code == 200
    assert len(hanging.accepted) == tried


def test_health_says_the_cache_is_unavailable_and_keeps_the_server_in(client, use_redis):
    use_redis(f"redis://127.0.0.1:{free_port()}/0")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_throttling_counts_in_each_worker_while_redis_is_down(client, use_redis, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    use_redis(f"redis://127.0.0.1:{free_port()}/0")
    statuses = [client.get("/api/v1/regions/", REMOTE_ADDR="192.0.2.44").status_code for _ in range(5)]
    # The request that finds Redis gone is not counted; the worker counts from the next one.
    assert statuses == [200, 200, 200, 200, 429]


def test_when_redis_returns_it_is_used_again_without_a_restart(client, use_redis, settings):
    settings.CACHE_RETRY_SECONDS = 0
    redis = FakeRedis(free_port())
    use_redis(f"redis://127.0.0.1:{redis.port}/0")
    try:
        assert client.get("/healthz").json()["cache"] == "unavailable"
        assert client.get("/api/v1/regions/").status_code == 200
        redis.start()
        assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}
        assert client.get("/api/v1/zones/").status_code == 200
        assert caches["default"].keys("api-response:*")
    finally:
        caches["default"].clear()
        redis.stop()
