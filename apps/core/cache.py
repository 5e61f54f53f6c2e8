"""The shared cache (Redis) is an accelerator, not a dependency.

django-redis answers a failed operation as a miss (`IGNORE_EXCEPTIONS`), each operation waits at most
`CACHE_SOCKET_TIMEOUT`, and redis-py is given no retries. Without more, a Redis that hangs would still
cost every request that timeout once per cache operation; so the first failure marks the cache down
in this process for `CACHE_RETRY_SECONDS`, during which the connections refuse at once without
touching the network. The next operation after that tries Redis again: when it is back, it is used
again without a restart.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from redis.connection import Connection, SSLConnection
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

_outage = {"until": 0.0}


def is_down():
    """Whether this process saw the shared cache fail less than CACHE_RETRY_SECONDS ago."""
    return time.monotonic() < _outage["until"]


def mark_down(error):
    if not is_down():
        logger.warning("The shared cache is unavailable (%s); serving without it for a while.", error)
    _outage["until"] = time.monotonic() + settings.CACHE_RETRY_SECONDS


class GuardedConnectionMixin:
    """A Redis connection that fails at once while the cache is marked down, and marks it down when it fails."""

    def connect_check_health(self, *args, **kwargs):
        if is_down():
            raise ConnectionError("The shared cache failed a moment ago; it is not tried again yet.")
        try:
            return super().connect_check_health(*args, **kwargs)
        except (ConnectionError, TimeoutError) as error:
            mark_down(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except (ConnectionError, TimeoutError) as error:
            mark_down(error)
            raise


class GuardedConnection(GuardedConnectionMixin, Connection):
    pass


class GuardedSSLConnection(GuardedConnectionMixin, SSLConnection):
    pass


def redis_caches(url, aliases, socket_timeout):
    """django-redis settings for each alias: a failure is a miss, bounded by the timeout and the outage mark."""
    connection_class = GuardedSSLConnection if url.startswith("rediss://") else GuardedConnection
    return {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": alias,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": socket_timeout,
                "SOCKET_TIMEOUT": socket_timeout,
                "CONNECTION_POOL_KWARGS": {"connection_class": connection_class},
            },
        }
        for alias in aliases
    }


def cache_is_available():
    """Whether the default cache keeps and gives back a value now (a probe of its own, so probes do not race)."""
    key, token = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, token, 10)
    available = cache.get(key) == token
    cache.delete(key)
    return available
