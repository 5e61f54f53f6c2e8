from django.http import Http404, QueryDict
from django.urls import reverse
from django_filters.utils import translate_validation
from rest_framework import status, viewsets
from rest_framework.response import Response

from apps.core.api.exports import ExportMixin
from apps.core.api.fields import FieldSelectionMixin, selects_fields
from apps.core.api.fragments import Prerendered, RenderedRecords, splice
from apps.core.api.language import LanguageNegotiationMixin
from apps.core.api.parameters import DeclaredParametersMixin
from apps.core.api.vintage import AsOfMixin
from apps.core.models import FormerSlug
from apps.core.vintage import reads_as_of


class PublicReadOnlyViewSet(
    AsOfMixin,
    DeclaredParametersMixin,
    ExportMixin,
    FieldSelectionMixin,
    LanguageNegotiationMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Public data read by slug.

    A detail nests more than a list item, so a retrieve may use its own serializer and prefetches. JSON is
    served from each record's kept rendering (apps/core/api/fragments.py); spreadsheets, records cut to
    `fields`/`omit` and records as they were (`as_of`) are built as usual.
    """

    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    detail_serializer_class = None
    detail_prefetch = ()

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def list(self, request, *args, **kwargs):
        if not self.reads_kept_renderings(request):
            return super().list(request, *args, **kwargs)
        keys = self.paginator.paginate_keys(lambda: self.filter_queryset(self.keys()), request, self, self.ordered_keys)
        items = RenderedRecords(self, "item").get(keys)
        return Response(Prerendered(splice(self.get_paginated_response([]).data, items)))

    def retrieve(self, request, *args, **kwargs):
        lookup = kwargs[self.lookup_field]
        if not self.reads_kept_renderings(request):
            try:
                return super().retrieve(request, *args, **kwargs)
            except Http404:
                return self.moved(request, lookup)
        key = self.filter_queryset(self.keys()).filter(**{self.lookup_field: lookup}).first()
        if key is None:
            return self.moved(request, lookup)
        (content,) = RenderedRecords(self, "detail").get([key])
        return Response(Prerendered(content))

    @staticmethod
    def reads_kept_renderings(request):
        return request.accepted_renderer.format == "json" and not selects_fields(request) and not reads_as_of()

    @classmethod
    def keys(cls):
        """The keys of the records, without the related records the serializers read: the JSON is read from the
        rendered records, and filtering a queryset copies everything it would select, on every step."""
        if "keys_queryset" not in cls.__dict__:
            cls.keys_queryset = cls.queryset.select_related(None).prefetch_related(None).values_list("pk", flat=True)
        return cls.keys_queryset.all()

    def ordered_keys(self, ordering):
        """Every key of the resource in an ordering (None: the default), ordered by the FilterSet as a list is."""
        parameters = QueryDict(mutable=True)
        if ordering is not None:
            parameters["ordering"] = ordering
        filterset = self.filterset_class(parameters, queryset=self.keys(), request=self.request)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return filterset.qs

    def moved(self, request, lookup):
        """A record asked for by a slug it has since been renamed from answers 301 with its current URL."""
        current = FormerSlug.current_key(self.queryset.model, lookup)
        if current is None:
            raise Http404
        path = reverse(f"{self.basename}-detail", kwargs={self.lookup_field: current})
        query = request.META.get("QUERY_STRING")
        location = request.build_absolute_uri(f"{path}?{query}" if query else path)
        return Response(status=status.HTTP_301_MOVED_PERMANENTLY, headers={"Location": location})

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.prefetch_related(*self.detail_prefetch) if self.action == "retrieve" else queryset
