from django.http import Http404
from django.urls import reverse
from rest_framework import status, viewsets
from rest_framework.response import Response

from apps.core.api.language import LanguageNegotiationMixin
from apps.core.models import FormerSlug


class PublicReadOnlyViewSet(LanguageNegotiationMixin, viewsets.ReadOnlyModelViewSet):
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

    def retrieve(self, request, *args, **kwargs):
        """A record asked for by a slug it has since been renamed from answers 301 with its current URL."""
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            current = FormerSlug.current_key(self.queryset.model, kwargs[self.lookup_field])
            if current is None:
                raise
        path = reverse(f"{self.basename}-detail", kwargs={self.lookup_field: current})
        query = request.META.get("QUERY_STRING")
        location = request.build_absolute_uri(f"{path}?{query}" if query else path)
        return Response(status=status.HTTP_301_MOVED_PERMANENTLY, headers={"Location": location})

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.prefetch_related(*self.detail_prefetch) if self.action == "retrieve" else queryset
