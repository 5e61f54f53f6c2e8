import hashlib
from datetime import datetime

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from apps.core.api.fragments import RENDERER, Prerendered, kept, splice, stamp
from apps.core.api.language import LanguageNegotiationMixin
from apps.core.api.pagination import INVALID_CURSOR, FeedCursorPagination
from apps.core.api.parameters import DeclaredParametersMixin
from apps.core.versioning import current_version
from apps.sources.api.serializers import ChangeSerializer
from apps.sources.changes import Position, keys_of, page_keys, read_changes, tracked_resources
from apps.sources.filtersets import ChangeFilterSet
from apps.sources.models import SourceDocument


class ChangeFilterBackend(DjangoFilterBackend):
    """Documents the feed's parameters; the view applies them to each history table."""

    def get_filterset_class(self, view, queryset=None):
        return ChangeFilterSet


def encode_position(changed_at, resource, history_id):
    return f"{changed_at.isoformat()}|{resource}|{history_id}"


def decode_position(text):
    try:
        changed_at, resource, history_id = text.split("|")
        position = Position(datetime.fromisoformat(changed_at), resource, int(history_id))
        if position.changed_at.tzinfo is None or not 0 <= position.history_id < 2**63:
            raise ValueError(text)
        return position
    except ValueError:
        raise NotFound(INVALID_CURSOR) from None


@extend_schema(summary="Every change to the data, in the order it was made, with its reason")
class ChangeListView(DeclaredParametersMixin, LanguageNegotiationMixin, generics.ListAPIView):
    """Changes to served records, oldest first: the resource and record, the fields with their old and new
    values, and the public reason given. A client keeps the last `next` link, or the time of the last
    change it saw (`updated_since`), and asks again later."""

    serializer_class = ChangeSerializer
    filter_backends = [ChangeFilterBackend]
    pagination_class = FeedCursorPagination
    queryset = SourceDocument.objects.none()

    def list(self, request, *args, **kwargs):
        position, size = self.paginator.start(request)
        keys = self.paginator.keys_after(self.read_keys, position and decode_position(position), size + 1)
        page = self.paginator.finish(keys, encode_position(*keys[size - 1]) if len(keys) > size else None)
        if request.accepted_renderer.format != "json":
            return self.paginator.get_paginated_response(self.get_serializer(read_changes(page), many=True).data)
        envelope = self.paginator.get_paginated_response([]).data
        return Response(Prerendered(splice(envelope, self.rendered(page))))

    def read_keys(self, position, count):
        resources = tracked_resources()
        filterset = ChangeFilterSet(self.request.query_params, queryset=keys_of(resources[0]))
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        # The parameters are checked once; the FilterSet then filters each history table in turn.
        querysets = {
            resource.name: filterset.filter_queryset(keys_of(resource)) if filterset.filtered else keys_of(resource)
            for resource in resources
        }
        return page_keys(querysets, position, count)

    def rendered(self, page):
        """Each change of the page as JSON, rendered once and kept (apps/core/api/fragments.py): a change never
        changes once written, only the slugs of the records its diff names can, so it is kept under the
        counters of what its resource shows, and under the address the request was made to, which its URL
        holds."""
        version = current_version(self.request)
        address = hashlib.blake2b(self.request.build_absolute_uri("/").encode(), digest_size=8).hexdigest()
        stamps = {name: stamp(name, version) for _, name, _ in page}
        names = [f"change:{name}:{history_id}:{stamps[name]}:{address}" for _, name, history_id in page]
        key_of = dict(zip(names, page, strict=True))

        def render(missing):
            changes = self.get_serializer(read_changes([key_of[name] for name in missing]), many=True).data
            return {name: RENDERER.render(change) for name, change in zip(missing, changes, strict=True)}

        return kept(names, render)
