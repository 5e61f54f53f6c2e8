from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Limits each client address to API_THROTTLE_RATE (e.g. `600/minute`), read for each request
    (DRF makes a throttle per request).

    Counters live in the default cache, so workers share them when the cache is Redis.
    """

    def get_rate(self):
        return settings.API_THROTTLE_RATE or None
