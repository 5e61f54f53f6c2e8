"""The API's edge: throttling, conditional requests and the response cache, before any view runs.

Cached and conditional answers skip DRF entirely, so they cost little more than Django's own request
handling; they are still throttled, since throttling comes first.
"""

import hashlib
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from apps.core.api.exceptions import MESSAGES, error_body
from apps.core.api.throttling import AnonymousRateThrottle
from apps.core.versioning import current_version

API_PREFIX = "/api/v1/"
VARY = ("Accept", "Accept-Language")
CACHE_SECONDS = 300


def is_api_read(request):
    return request.method in ("GET", "HEAD") and request.path.startswith(API_PREFIX)


class ResponseMemo:
    """A small per-process LRU in front of the shared cache, bounded in bytes.

    Keys carry the data version, so an entry can never be stale: a write makes new keys, and old
    entries simply age out. It saves the shared cache's round trip for the hottest responses.
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key, entry):
        if key in self.entries or len(entry[0]) > self.max_bytes:
            return
        self.entries[key] = entry
        self.size += len(entry[0])
        while self.size > self.max_bytes:
            _, (content, _) = self.entries.popitem(last=False)
            self.size -= len(content)


class ThrottleMiddleware:
    """Anonymous clients get API_THROTTLE_RATE requests per address, cached answers included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX):
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
        self.memo = ResponseMemo(settings.API_RESPONSE_MEMO_BYTES)

    def __call__(self, request):
        if not is_api_read(request):
            return self.get_response(request)
        version = current_version(request)
        representation = "\n".join(
            [
                request.scheme,
                request.get_host(),
                request.get_full_path(),
                *(request.headers.get(name, "") for name in VARY),
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
        cached = self.memo.get(key) or cache.get(key)
        if cached is not None:
            self.memo.put(key, cached)
            content, content_type = cached
            return self.finish(HttpResponse(content, content_type=content_type), etag, last_modified)

        response = self.get_response(request)
        if response.status_code != 200:
            return response
        if not response.streaming:  # a streamed export is never kept whole
            entry = (response.content, response["Content-Type"])
            cache.set(key, entry, settings.API_RESPONSE_CACHE_SECONDS)
            if settings.API_RESPONSE_CACHE_SECONDS:
                self.memo.put(key, entry)
        return self.finish(response, etag, last_modified)

    @staticmethod
    def finish(response, etag, last_modified):
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        patch_vary_headers(response, VARY)
        return response
