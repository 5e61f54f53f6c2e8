"""Whole exports: `/<resource>/export/?format=csv|ndjson` streams every record the filters match.

A page of CSV holds at most 500 rows; an export holds them all, in the list's order (which always ends
with the slug, so it is stable), with the columns of the paged CSV and the fields `fields`/`omit` keep.
It reads the records a chunk at a time (`.iterator(chunk_size=...)`: a viewset's list reads each chunk's
keys and their rendered records, as its JSON pages do; the timeline serialises its entries) and writes
each chunk as it comes, so a worker's memory does not grow with the export (`make bench-exports`). CSV
makes two passes, since its header (nested lists become numbered columns) must come first and name
every column any row has; NDJSON makes one. `X-Total-Count` says how many records follow. A worker is
held for as long as an export streams, so exports are bounded twice: each client address may start
`API_EXPORT_THROTTLE_RATE` of them, and one holds at most `API_EXPORT_MAX_ROWS` records (a larger
selection is a 400 that says to narrow the filters or walk the list with `cursor`).
"""

import csv
import io
import json
from itertools import islice

from django.conf import settings
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.throttling import SimpleRateThrottle

from apps.core.api.fields import selects_fields
from apps.core.api.fragments import RenderedRecords
from apps.core.api.renderers import SpreadsheetCSVRenderer
from apps.core.registry import registry
from apps.core.vintage import reads_as_of

CHUNK_SIZE = 500
TOTAL_HEADER = "X-Total-Count"


class ExportCSVRenderer(BaseRenderer):
    """UTF-8 with a byte order mark and the paged CSV's columns, written a chunk of records at a time."""

    format = "csv"
    media_type = "text/csv"
    format_description = "`csv` (UTF-8 with a byte order mark)"
    charset = "utf-8"
    flattener = SpreadsheetCSVRenderer()

    def stream(self, chunks):
        header = list(dict.fromkeys(key for chunk in chunks() for row in self.rows(chunk) for key in row))
        yield "\ufeff".encode() + self.lines([header])
        for chunk in chunks():
            yield self.lines([row.get(key) for key in header] for row in self.rows(chunk))

    def rows(self, chunk):
        """Each record flattened into its columns; a rendered record holds what its serializer gave."""
        return (
            self.flattener.flatten_item(json.loads(record) if isinstance(record, bytes) else record) for record in chunk
        )

    @staticmethod
    def lines(rows):
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        return buffer.getvalue().encode()


class ExportNDJSONRenderer(BaseRenderer):
    """Newline-delimited JSON: each record on its own line, as the JSON list renders it."""

    format = "ndjson"
    media_type = "application/x-ndjson"
    format_description = "`ndjson` (one JSON record per line)"
    charset = "utf-8"
    json = JSONRenderer()

    def stream(self, chunks):
        for chunk in chunks():
            yield b"".join(
                (record if isinstance(record, bytes) else self.json.render(record)) + b"\n" for record in chunk
            )


class ExportRateThrottle(SimpleRateThrottle):
    """Each client address may start API_EXPORT_THROTTLE_RATE exports (on top of the general rate)."""

    scope = "export"

    def get_rate(self):
        return settings.API_EXPORT_THROTTLE_RATE or None

    def allow_request(self, request, view):
        # OPTIONS describes the export and streams nothing, so it holds no worker.
        return request.method == "OPTIONS" or super().allow_request(request, view)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


EXPORT_DESCRIPTION = f"""Every record the filters match, streamed as one file: CSV (UTF-8 with a byte order mark,
the columns of the paged CSV) or newline-delimited JSON (each line a record as the JSON list shows it).
In the list's order; `fields` and `omit` apply. `{TOTAL_HEADER}` says how many records follow. Each client
may start `API_EXPORT_THROTTLE_RATE` exports, and one export holds at most `API_EXPORT_MAX_ROWS` records:
beyond that, narrow the filters or walk the list with `cursor`."""


RENDERERS = [ExportCSVRenderer, ExportNDJSONRenderer]
export_schema = extend_schema(
    summary="Every matching record, as one CSV or NDJSON file",
    description=EXPORT_DESCRIPTION,
    responses={
        (200, ExportCSVRenderer.media_type): OpenApiResponse(OpenApiTypes.STR, description="One row per record."),
        (200, ExportNDJSONRenderer.media_type): OpenApiResponse(OpenApiTypes.STR, description="One record per line."),
    },
)


def is_export(view):
    return getattr(view, "action", None) == "export" or isinstance(view, ExportView)


class Exporting:
    """Streams every record the view's filters match (its `export_queryset()`) in the negotiated export format,
    as a file named by its `export_name()`."""

    def stream(self, request):
        queryset = self.export_queryset()
        total = queryset.count()
        if total > settings.API_EXPORT_MAX_ROWS:
            raise ValidationError(
                {
                    "export": [
                        f"{total} records match; an export holds at most {settings.API_EXPORT_MAX_ROWS}. Narrow the "
                        "filters, or walk the list with `cursor`."
                    ]
                }
            )
        renderer = request.accepted_renderer
        response = StreamingHttpResponse(
            renderer.stream(lambda: self.chunks(queryset)), content_type=f"{renderer.media_type}; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.export_name()}.{renderer.format}"'
        response[TOTAL_HEADER] = str(total)
        return response

    def chunks(self, queryset):
        """The records, CHUNK_SIZE at a time, cut to `fields`/`omit` when the request asks."""
        selection = self.field_selection if selects_fields(self.request) else None
        for chunk in self.export_chunks(queryset):
            if selection:
                chunk = [selection.apply(json.loads(r) if isinstance(r, bytes) else r) for r in chunk]
            yield chunk

    def export_chunks(self, queryset):
        """The records as their serializer shows them."""
        serializer_class, context = self.get_serializer_class(), self.get_serializer_context()
        records = queryset.iterator(chunk_size=CHUNK_SIZE)
        while chunk := list(islice(records, CHUNK_SIZE)):
            yield serializer_class(chunk, many=True, context=context).data


class ExportMixin(Exporting):
    """Adds `export/` to a viewset's list."""

    def export_queryset(self):
        return self.filter_queryset(self.get_queryset())

    def export_name(self):
        return registry.for_model(self.get_queryset().model).name

    def export_chunks(self, queryset):
        """The records as the JSON list has them rendered (apps/core/api/fragments.py): a query for each chunk's
        keys, then the rendered records, those missing rendered and kept, so a CSV's second pass, and the next
        export, find them. Records as they were (`as_of`) are serialised as they are read."""
        if reads_as_of():
            yield from super().export_chunks(queryset)
            return
        records = RenderedRecords(self, "item")
        keys = queryset.values_list("pk", flat=True).iterator(chunk_size=CHUNK_SIZE)
        while chunk := list(islice(keys, CHUNK_SIZE)):
            yield records.get(chunk)

    @export_schema
    @action(detail=False, renderer_classes=RENDERERS, throttle_classes=[ExportRateThrottle], pagination_class=None)
    def export(self, request, *args, **kwargs):
        return self.stream(request)


class ExportView(Exporting):
    """The export of a list served by its own view (the timeline): mixed into that view's class."""

    renderer_classes = RENDERERS
    throttle_classes = [ExportRateThrottle]
    pagination_class = None

    @export_schema
    def get(self, request, *args, **kwargs):
        return self.stream(request)
