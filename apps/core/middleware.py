"""The API's edge: throttling, conditional requests and the response cache, before any view runs.

Cached and conditional answers skip DRF entirely, so they cost little more than Django's own request
handling; they are still throttled, since throttling comes first.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from apps.core.api.exceptions import MESSAGES, error_body
from apps.core.api.throttling import AnonymousRateThrottle
from apps.core.memo import BytesMemo
from apps.core.versioning import current_version

API_PREFIX = "/api/v1/"
# The API and the pages that read it (the explorer): throttled, conditional and cached alike.
READ_PREFIXES = tuple(getattr(settings, "PUBLIC_READ_PREFIXES", (API_PREFIX,)))
VARY = ("Accept", "Accept-Language")
VARY_META = tuple(f"HTTP_{name.upper().replace('-', '_')}" for name in VARY)  # without building request.headers
CACHE_SECONDS = 300
CACHE_CONTROL = f"public, max-age={CACHE_SECONDS}"


def is_api_read(request):
    return request.method in ("GET", "HEAD") and request.path.startswith(READ_PREFIXES)


class ThrottleMiddleware:
    """Anonymous clients get API_THROTTLE_RATE requests per address, cached answers included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(READ_PREFIXES):
            throttle = AnonymousRateThrottle()
            if not throttle.allow_request(request, None):
                wait = throttle.wait()
                response = JsonResponse(error_body(429, "throttled", MESSAGES[429]), status=429)
                response["Retry-After"] = str(max(1, round(wait or 1)))
                return response
        return self.get_response(request)


class ConditionalCacheMiddleware:
    """ETag and Last-Modified from the data version; 304 when they match; rendered 200s cached by version."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.memo = BytesMemo(settings.API_RESPONSE_MEMO_BYTES)

    def __call__(self, request):
        if not is_api_read(request):
            return self.get_response(request)
        version = current_version(request)
        representation = "\n".join(
            [
                request.scheme,
                request.get_host(),
                request.get_full_path(),
                *(request.META.get(name, "") for name in VARY_META),
            ]
        )
        digest = hashlib.blake2b(representation.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
        etag = f'"{version.number}-{digest}"'
        last_modified = int(version.changed_at.timestamp())

        conditional = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if isinstance(conditional, HttpResponseNotModified):
            return self.finish(conditional, etag, last_modified)
        if conditional is not None:
            return JsonResponse(error_body(412, "precondition_failed", MESSAGES[412]), status=412)

        key = f"api-response:{version.number}:{digest}"
        # A cache in this process's own memory would only hold a second copy of what the memo holds.
        shared = not isinstance(caches["default"], LocMemCache)
        cached = self.memo.get(key) or (cache.get(key) if shared else None)
        if cached is not None:
            self.memo.put(key, cached, len(cached[0]))
            content, headers = cached
            return self.finish(HttpResponse(content, headers=dict(headers)), etag, last_modified)

        response = self.get_response(request)
        if response.status_code != 200:
            return response
        if not response.streaming:  # a streamed export is never kept whole
            # The view's own headers (type, language, file name) are part of the answer; the edge adds the rest.
            entry = (response.content, tuple(response.items()))
            if settings.API_RESPONSE_CACHE_SECONDS:
                self.memo.put(key, entry, len(entry[0]))
                if shared:
                    cache.set(key, entry, settings.API_RESPONSE_CACHE_SECONDS)
        return self.finish(response, etag, last_modified)

    @staticmethod
    def finish(response, etag, last_modified):
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        # What patching the headers writes, written at once where there is nothing to merge.
        if "Cache-Control" in response:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        else:
            response["Cache-Control"] = CACHE_CONTROL
        if response.get("Vary") in (None, VARY[0]):
            response["Vary"] = ", ".join(VARY)
        else:
            patch_vary_headers(response, VARY)
        return response
