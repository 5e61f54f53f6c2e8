from django.http import JsonResponse
from django.urls import path

from jiangmen_api.urls import urlpatterns as api_urlpatterns


def bare(request):
    """The ceiling: the same server and middleware, a small JSON object and no work."""
    return JsonResponse({"status": "ok"})


urlpatterns = [path("bench/bare/", bare), *api_urlpatterns]
