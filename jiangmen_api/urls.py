from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from apps.core.api.datasets import DatasetFileView, DatasetIndexView
from apps.core.api.exceptions import json_error_view
from apps.core.api.root import ApiRootView
from apps.core.health import healthz
from apps.core.landing import landing

API_MODULES = [
    "apps.regions.api.urls",
    "apps.zones.api.urls",
    "apps.industries.api.urls",
    "apps.companies.api.urls",
    "apps.projects.api.urls",
    "apps.infrastructure.api.urls",
    "apps.indicators.api.urls",
    "apps.recognitions.api.urls",
    "apps.events.api.urls",
    "apps.sources.api.urls",
]

urlpatterns = [
    path("", landing, name="landing"),
    path("api/v1/", ApiRootView.as_view(), name="api-root"),
    *(path("api/v1/", include(module)) for module in API_MODULES),
    path("api/v1/datasets/", DatasetIndexView.as_view(), name="dataset-index"),
    re_path(r"^api/v1/datasets/curated\.(?P<kind>json|zip)$", DatasetFileView.as_view(), name="dataset-file"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

handler400 = json_error_view(400, "bad_request")
handler403 = json_error_view(403, "permission_denied")
handler404 = json_error_view(404, "not_found")
handler500 = json_error_view(500, "error")
