"""Keyset pages: `?cursor=` walks a list of any length at the same cost per page, alongside limit/offset.

An offset page reads and throws away every record before it, so the pages at the end of a large list
cost the most. A cursor holds the ordering fields' values of the record a page ends at, and the next page
asks for the records after it: every ordering ends with the slug, so those values name one record, and
every orderable field has a `(field, slug)` index (docs/performance.md), so the page is read from the
index where the previous one stopped. `cursor=start` begins a walk; each page's `next` and `previous` carry
on. Cursor pages have no `count`: counting would read the whole list again.
"""

import base64
import binascii
import datetime
import json
from decimal import Decimal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connections
from django.db.models import F, OrderBy, Q
from django.db.models.constants import LOOKUP_SEP
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from apps.core.api.pagination import StrictLimitOffsetPagination
from apps.core.models import natural_key

CURSOR = "cursor"
START = "start"
NOTHING = Q(pk__in=[])


def ordering_of(queryset):
    """The ordering in effect, the request's or the model's, as [field, descending, NULLs after the rest]
    (None for a field that holds no NULLs)."""
    nulls_largest = connections[queryset.db].features.nulls_order_largest
    model = queryset.model
    ordering = []
    for entry in queryset.query.order_by or (queryset.query.default_ordering and model._meta.ordering) or ():
        if isinstance(entry, str) and LOOKUP_SEP not in entry and entry != "?":
            name, descending, nulls_after = entry.lstrip("-"), entry.startswith("-"), None
        elif isinstance(entry, OrderBy) and isinstance(entry.expression, F):
            name, descending = entry.expression.name, entry.descending
            nulls_after = True if entry.nulls_last else False if entry.nulls_first else None
        else:
            raise ValueError(f"A cursor needs an ordering by the model's own fields, not {entry!r}.")
        name = model._meta.pk.name if name == "pk" else name
        if nulls_after is None:
            nulls_after = nulls_largest != descending
        ordering.append([name, descending, nulls_after if model._meta.get_field(name).null else None])
    if not ordering or ordering[-1][0] not in (natural_key(model), model._meta.pk.name):
        ordering.append([model._meta.pk.name, ordering[-1][1] if ordering else False, None])
    return ordering


def reverse(ordering):
    return [
        [name, not descending, None if nulls_after is None else not nulls_after]
        for name, descending, nulls_after in ordering
    ]


def order_by(ordering):
    return [
        OrderBy(
            F(name), descending=descending, nulls_last=nulls_after or None, nulls_first=nulls_after is False or None
        )
        for name, descending, nulls_after in ordering
    ]


def after(queryset, ordering, values):
    """The records that come after the one with these values in this ordering, as querysets to read in turn.

    The first field is also bounded on its own, so that the database reads its index from the position
    rather than filtering from the start. When NULLs of the first field come after a position that is not
    NULL, no one bound holds both, so the records that are not NULL are read first and the NULLs after them.
    """
    (first, descending, nulls_after), value = ordering[0], values[0]
    if value is not None and nulls_after:
        ordering = [[first, descending, None], *ordering[1:]]
        return [condition(queryset, ordering, values), queryset.filter(**{f"{first}__isnull": True})]
    return [condition(queryset, ordering, values)]


def condition(queryset, ordering, values):
    found, equal = NOTHING, Q()
    for (name, descending, nulls_after), value in zip(ordering, values, strict=True):
        if value is None:
            beyond = NOTHING if nulls_after else Q(**{f"{name}__isnull": False})
        else:
            beyond = Q(**{f"{name}__{'lt' if descending else 'gt'}": value})
            if nulls_after:
                beyond |= Q(**{f"{name}__isnull": True})
        found |= equal & beyond
        equal &= Q(**{f"{name}__isnull": True} if value is None else {name: value})
    (name, descending, nulls_after), value = ordering[0], values[0]
    if value is not None and not nulls_after:
        found &= Q(**{f"{name}__{'lte' if descending else 'gte'}": value})
    return queryset.filter(found)


def as_json(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(value) if isinstance(value, Decimal) else value


class KeysetPagination:
    """Pages of `limit` records after (or, going back, before) the record a cursor names."""

    def __init__(self, limit, offset):
        self.limit, self.offset = limit, offset

    def encode(self, values, backwards):
        position = {"o": self.ordering, "v": [as_json(value) for value in values]}
        if backwards:
            position["b"] = 1
        return base64.urlsafe_b64encode(json.dumps(position, separators=(",", ":")).encode()).decode().rstrip("=")

    def decode(self, token, model):
        try:
            position = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            if position["o"] != self.ordering:
                raise NotFound("No page at this cursor in this ordering: it was made for another; keep `ordering`.")
            values = [
                None if value is None else model._meta.get_field(name).to_python(value)
                for (name, _, _), value in zip(self.ordering, position["v"], strict=True)
            ]
        except (binascii.Error, ValueError, TypeError, KeyError, AttributeError, DjangoValidationError):
            raise NotFound("No page at this cursor: it is not one this API gave; use `next` or `previous`.") from None
        return values, bool(position.get("b"))

    def paginate_queryset(self, queryset, request):
        """The page's records, or keys for a query of keys, in order: one query, and one more for whole records."""
        self.request = request
        self.ordering = ordering_of(queryset)
        token = request.query_params[CURSOR]
        self.started = token != START
        self.backwards, page = False, queryset
        if self.started:
            values, self.backwards = self.decode(token, queryset.model)
            walked = self.ordering
            if self.backwards:
                walked = reverse(self.ordering)
                page = page.order_by(*order_by(walked))
        names = [name for name, _, _ in self.ordering]
        rows = []
        wanted = self.offset + self.limit + 1
        for part in after(page, walked, values) if self.started else [page]:
            rows += part.values_list(*names, "pk")[: wanted - len(rows)]
            if len(rows) >= wanted:
                break
        rows = rows[self.offset :]
        self.more = len(rows) > self.limit
        rows = rows[: self.limit][::-1] if self.backwards else rows[: self.limit]
        self.first, self.last = (rows[0][:-1], rows[-1][:-1]) if rows else (None, None)
        keys = [row[-1] for row in rows]
        if queryset._fields == ("pk",):
            return keys
        records = {record.pk: record for record in queryset.filter(pk__in=keys)} if keys else {}
        return [records[key] for key in keys]

    def link(self, values, backwards):
        url = remove_query_param(self.request.build_absolute_uri(), "offset")
        return replace_query_param(url, CURSOR, self.encode(values, backwards))

    def get_paginated_response(self, data):
        has_next = self.backwards or self.more
        has_previous = self.started and (self.more or not self.backwards)
        return Response(
            {
                "next": self.link(self.last, False) if has_next and self.last else None,
                "previous": self.link(self.first, True) if has_previous and self.first else None,
                "results": data,
            }
        )


class ListPagination(StrictLimitOffsetPagination):
    """Limit/offset, or keyset pages when `cursor` is given (the same `limit` applies to both)."""

    keyset = None

    def paginate_queryset(self, queryset, request, view=None):
        if CURSOR not in request.query_params:
            return super().paginate_queryset(queryset, request, view)
        if not request.query_params[CURSOR]:
            raise ValidationError({CURSOR: [f"This parameter may not be empty; begin a walk with `{START}`."]})
        self.keyset = KeysetPagination(self.get_limit(request), self.get_offset(request))
        return self.keyset.paginate_queryset(queryset, request)

    def paginate_keys(self, filtered, request, view=None, ordered=None):
        if CURSOR in request.query_params:
            return self.paginate_queryset(filtered(), request, view)
        return super().paginate_keys(filtered, request, view, ordered)

    def get_paginated_response(self, data):
        if self.keyset is not None:
            return self.keyset.get_paginated_response(data)
        return super().get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["required"] = ["results"]
        paginated["properties"]["count"]["description"] = "How many records match; not on cursor pages."
        return paginated

    def get_schema_operation_parameters(self, view):
        cursor = {
            "name": CURSOR,
            "required": False,
            "in": "query",
            "description": (
                f"Keyset paging through a list of any length: `{START}` for the first page, then the cursor in each "
                "page's `next` or `previous` (keep `ordering` and the filters as they were). A cursor page costs the "
                "same at the end of a list as at its start and has no `count`; `offset` skips that many records past "
                "the cursor. A cursor this API did not give names no page: 404."
            ),
            "schema": {"type": "string", "minLength": 1, "pattern": "^[A-Za-z0-9_-]+$"},
        }
        return [*super().get_schema_operation_parameters(view), cursor]
