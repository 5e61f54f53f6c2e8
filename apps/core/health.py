"""A health check for load balancers: is the process up, does the database answer, is the cache there?

The status code is what a load balancer should act on: 503 only when the database does not answer,
since nothing can be served without it. A missing cache only slows answers down (apps/core/cache.py):
it is reported as `"cache": "unavailable"` with `"status": "degraded"` and a 200, so the server keeps
its traffic.
"""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from apps.core.cache import cache_is_available


def database_is_available():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


@never_cache
@require_safe
def healthz(request):
    database, cache = database_is_available(), cache_is_available()
    body = {
        "status": "ok" if database and cache else "degraded" if database else "unavailable",
        "database": "ok" if database else "unavailable",
        "cache": "ok" if cache else "unavailable",
    }
    return JsonResponse(body, status=200 if database else 503)
