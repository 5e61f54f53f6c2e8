from django.db.models import Prefetch
from django.utils.cache import patch_cache_control
from rest_framework import viewsets

from apps.sources.models import Citation

CACHE_SECONDS = 300


def citations_prefetch(prefix=""):
    return Prefetch(f"{prefix}citations", queryset=Citation.objects.select_related("document"))


class CacheControlMixin:
    """Successful reads of public data may be kept by browsers and shared caches."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response


class PublicReadOnlyViewSet(CacheControlMixin, viewsets.ReadOnlyModelViewSet):
    """Public data read by slug.

    A detail nests more than a list item, so a retrieve may use its own serializer and prefetches.
    """

    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    detail_serializer_class = None
    detail_prefetch = ()

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.prefetch_related(*self.detail_prefetch) if self.action == "retrieve" else queryset
