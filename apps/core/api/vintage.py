"""`?as_of=`: any list, detail or export as the data stood at a moment (apps/core/vintage.py reads it).

The view's own queries answer it, so filters, ordering, paging, `fields` and every format work as usual;
only the kept renderings of today's records (apps/core/api/fragments.py) are passed by. A streamed export
keeps reading the past until its last row is written.
"""

import datetime
from contextlib import ExitStack

from django.core.exceptions import ValidationError as FormValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from apps.core.filtersets import UTCDateTimeField
from apps.core.vintage import BeforeHistory, as_of, reads_as_of

AS_OF = "as_of"


def as_of_parameter():
    return OpenApiParameter(
        AS_OF,
        {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]},
        description=(
            "The data as it stood at this moment, from the history of every change: values, names, links and "
            "citations as they were, records created since absent, records deleted since present. An ISO 8601 "
            f"time (without an offset, China Standard Time, as `{timezone.get_default_timezone_name()}`) or a "
            "date, which means the end of that day there. Filters, ordering, paging, `fields` and formats "
            "apply as usual. A moment before the data was first loaded is a 400 that gives the earliest one."
        ),
    )


def parse_as_of(value):
    """The moment a value names, aware and in UTC: a date alone is the last instant of that day."""
    try:
        day = datetime.date.fromisoformat(value) if len(value) == len("2024-01-31") else None
    except ValueError:
        day = None
    if day is not None:
        end = datetime.datetime.combine(day, datetime.time.max)
        return timezone.make_aware(end).astimezone(datetime.UTC)
    try:
        moment = UTCDateTimeField().clean(value)
    except FormValidationError as exc:
        message = "Give a date (2024-01-31) or an ISO 8601 time (2024-01-31T12:00:00Z)."
        raise ValidationError({AS_OF: [message]}) from exc
    return moment.astimezone(datetime.UTC)


class AsOfMixin:
    """Answers `?as_of=` from the history: the read, its rendering and its streaming happen in the past."""

    @property
    def schema_parameters(self):
        return [*super().schema_parameters, as_of_parameter()]

    def dispatch(self, request, *args, **kwargs):
        with ExitStack() as past:
            self.past = past
            response = super().dispatch(request, *args, **kwargs)
            if reads_as_of():
                if response.streaming:
                    response.streaming_content = StreamedWithin(past.pop_all(), response.streaming_content)
                elif hasattr(response, "render"):
                    response.render()
            return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        value = request.query_params.get(AS_OF)
        if value is None:
            return
        moment = parse_as_of(value)
        try:
            self.past.enter_context(as_of(moment))
        except BeforeHistory as exc:
            raise ValidationError({AS_OF: [f"{exc} Ask for a moment at or after it."]}) from exc


class StreamedWithin:
    """A streamed response's content, read in the past; closing it (after the last row, or when the client
    goes away, even before the first) leaves the past, so the connection is never left with it."""

    def __init__(self, past, content):
        self.past, self.content = past, iter(content)

    def __iter__(self):
        return self

    def __next__(self):
        try:
            return next(self.content)
        except BaseException:
            self.close()
            raise

    def close(self):
        try:
            getattr(self.content, "close", lambda: None)()
        finally:
            self.past.close()
