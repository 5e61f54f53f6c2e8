from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from apps.core.api.exceptions import json_error_view, server_error_view
from apps.core.api.root import ApiRootView
from apps.core.health import healthz
from apps.core.registry import registry
from apps.curation.landing import landing


def api_urls():
    """Every declared resource's routes: a viewset's list and detail, or a view and the files it serves."""
    router = SimpleRouter()
    routes = []
    for resource in registry:
        if resource.viewset is not None:
            router.register(resource.name, resource.viewset)
        else:
            routes.append(path(f"{resource.name}/", resource.view.as_view(), name=resource.route))
            routes.extend(path(f"{resource.name}/", include([url])) for url in resource.urls)
    return [*router.urls, *routes]


urlpatterns = [
    path("", landing, name="landing"),
    path("explore/", include("apps.explorer.urls")),
    path("api/v1/", ApiRootView.as_view(), name="api-root"),
    path("api/v1/", include(api_urls())),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

handler400 = json_error_view(400, "bad_request")
handler403 = json_error_view(403, "permission_denied")
handler404 = json_error_view(404, "not_found")
handler500 = server_error_view
