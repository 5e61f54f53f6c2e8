from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from rest_framework.throttling import AnonRateThrottle

from apps.core import cache as shared_cache

# Each worker's own counters, used while the shared cache is down.
WORKER_COUNTERS = LocMemCache("throttle-fallback", {"OPTIONS": {"MAX_ENTRIES": 100_000}})


class AnonymousRateThrottle(AnonRateThrottle):
    """Limits each client address to API_THROTTLE_RATE (e.g. `600/minute`), read for each request
    (DRF makes a throttle per request).

    Counters live in the default cache, so workers share them when the cache is Redis. While Redis is
    down each worker counts in its own memory: a client then gets at most the rate once per worker.
    """

    def __init__(self):
        self.cache = WORKER_COUNTERS if shared_cache.is_down() else cache
        super().__init__()

    def get_rate(self):
        return settings.API_THROTTLE_RATE or None
