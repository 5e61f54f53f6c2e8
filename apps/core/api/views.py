from rest_framework import viewsets

from apps.core.api.language import LanguageNegotiationMixin


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

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.prefetch_related(*self.detail_prefetch) if self.action == "retrieve" else queryset
