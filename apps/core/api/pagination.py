import bisect
import hashlib
import sys
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.core.cache import cache
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import Cursor, CursorPagination, LimitOffsetPagination
from rest_framework.response import Response

from apps.core.api.fields import SELECTING
from apps.core.api.parameters import PRESENTATION
from apps.core.memo import BytesMemo
from apps.core.versioning import current_version

INVALID_CURSOR = "Not a cursor this API gave: follow the `next` link of a page."
# Parameters that choose how a page is presented, not which records it counts.
PRESENTING = {"limit", "offset", "ordering", *PRESENTATION, *SELECTING}
# Each worker's whole lists of keys (or rows) in their order, and the sets of their keys, for lists of at most
# LISTED (see paginate_keys), and the built queries of longer lists (see built), under the data version.
KEY_LISTS = BytesMemo(settings.API_KEY_LIST_MEMO_BYTES)
LISTED = 1000
LONG = "long"  # kept for a list longer than LISTED, so that its other pages are read as pages at once
ORDERING = "ordering"
QUERY_FOOTPRINT = 8 * 1024  # about the bytes a longer list's built query holds (see built)


class StrictLimitOffsetPagination(LimitOffsetPagination):
    """Limit/offset paging that answers 400 for a bad limit or offset instead of silently capping it.

    An offset page costs what skipping its offset costs, so offsets stop at `max_offset`: past it, a list is
    walked with `cursor`, whose pages cost the same at any depth (a page at offset 577,356 of 660,000
    figures took 0.7 s on PostgreSQL; docs/performance.md).
    """

    default_limit = 50
    max_limit = 500
    max_offset = 10_000

    def _parse(self, request, param, minimum):
        raw = request.query_params.get(param)
        if raw is None:
            return None
        try:
            value = int(raw)
        except ValueError:
            raise ValidationError({param: ["A whole number is required."]}) from None
        if value < minimum:
            raise ValidationError({param: [f"Must be at least {minimum}."]})
        return value

    def paginate_queryset(self, queryset, request, view=None):
        """The page first: a page that is not full is the end of the list and says how many there are, so
        only a full or empty page needs the count."""
        self.request = request
        self.limit = self.get_limit(request)
        self.offset = self.get_offset(request)
        page = list(queryset[self.offset : self.offset + self.limit])
        short = len(page) < self.limit
        if (page and short) or (not page and not self.offset):
            self.count = self.offset + len(page)
        else:
            self.count = self.get_count(queryset)
        return self.paged(page)

    def paginate_keys(self, filtered, request, view=None, ordered=None):
        """The page of a query of keys or of plain rows, `filtered()`, which is built only when this worker does
        not hold the whole list already.

        A list of at most LISTED records is read whole the first time its filters and ordering are asked for,
        and kept under the data version: its other pages, limits and languages are then a slice of it, with no
        filter built, no SQL compiled and no count. A request with the same selecting parameters and ordering
        would have passed the same validation, which the first one did. A longer list is paged by the database.
        With `ordered(ordering)`, the query of every key in an ordering, a list held in another order is put in
        the order asked for (`reordered`).
        """
        self.request = request
        self.limit = self.get_limit(request)
        self.offset = self.get_offset(request)
        version = current_version(request).number
        name = f"{version}:{selection(request, PRESENTING - {ORDERING})}"
        keys = KEY_LISTS.get(name)
        if keys is LONG or (keys is None and self.offset + self.limit > LISTED):
            return self.paginate_queryset(built(name, filtered), request, view)
        if keys is None and ordered is not None:
            keys = self.reordered(ordered, version)
            if keys is not None:
                KEY_LISTS.put(name, keys, footprint(keys))
        if keys is None:
            queryset = filtered()
            keys, first = read_whole(name, lambda count: queryset[:count])
            if keys is LONG:
                self.count = self.get_count(queryset)
                return self.paged(list(first[self.offset : self.offset + self.limit]))
            if ordered is not None:
                KEY_LISTS.put(f"{version}:members:{selection(request, PRESENTING)}", frozenset(keys), footprint(keys))
        self.count = len(keys)
        return self.paged(list(keys[self.offset : self.offset + self.limit]))

    def reordered(self, ordered, version):
        """The list, if this worker holds its records in another order and every key of the resource in the order
        asked for (read here once per data version and ordering, when there are at most LISTED): the order of a
        subset is the order of the whole, kept to the subset, since every ordering ends with a unique key."""
        members = KEY_LISTS.get(f"{version}:members:{selection(self.request, PRESENTING)}")
        if members is None:
            return None
        ordering = self.request.query_params.get(ORDERING)
        # An empty `ordering` is not the default order: the FilterSet refuses it, as it does any other value here.
        name = f"{version}:{digest(self.request.path, [(ORDERING, [ordering])] if ordering is not None else [])}"
        whole = KEY_LISTS.get(name)  # the list without filters in this order, if it was asked for
        if whole is None:
            whole, _ = read_whole(name, lambda count: ordered(ordering)[:count])
        if whole is LONG:
            return None
        return tuple(key for key in whole if key in members)

    def paged(self, page):
        """The page, once `count` is known."""
        if self.count > self.limit and self.template is not None:
            self.display_page_controls = True
        return page

    def get_count(self, queryset):
        """Counts change only with the data, so each is kept under the data version: pages of one filter
        share it, and a large table is counted once per write rather than once per request."""
        key = f"api-count:{current_version(self.request).number}:{selection(self.request, PRESENTING)}"
        return cache.get_or_set(key, queryset.count, settings.API_COUNT_CACHE_SECONDS)

    def get_next_link(self):
        if self.offset + self.limit >= self.count:
            return None
        return self.link(self.offset + self.limit)

    def get_previous_link(self):
        if self.offset <= 0:
            return None
        return self.link(self.offset - self.limit if self.offset > self.limit else None)

    def link(self, offset):
        """The request's URL with the page's limit and this offset (None: without one), as DRF writes its links
        (parameters sorted), from one reading of the URL for both links of a page."""
        if getattr(self, "url", None) is None:
            scheme, netloc, path, query, fragment = urlsplit(self.request.build_absolute_uri())
            self.url = (scheme, netloc, path, parse_qs(query, keep_blank_values=True), fragment)
        scheme, netloc, path, parameters, fragment = self.url
        parameters = {**parameters, self.limit_query_param: [str(self.limit)]}
        if offset is None:
            parameters.pop(self.offset_query_param, None)
        else:
            parameters[self.offset_query_param] = [str(offset)]
        return urlunsplit((scheme, netloc, path, urlencode(sorted(parameters.items()), doseq=True), fragment))

    def get_limit(self, request):
        limit = self._parse(request, self.limit_query_param, 1)
        if limit is None:
            return self.default_limit
        if limit > self.max_limit:
            raise ValidationError({self.limit_query_param: [f"Must be at most {self.max_limit}."]})
        return limit

    def get_offset(self, request):
        offset = self._parse(request, self.offset_query_param, 0) or 0
        if offset > self.max_offset:
            raise ValidationError(
                {self.offset_query_param: [f"Must be at most {self.max_offset}; page further with `cursor`."]}
            )
        return offset

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.limit_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_limit, default=self.default_limit)
                parameter["description"] = (
                    f"Number of results to return per page: default {self.default_limit}, at most {self.max_limit}."
                )
            else:
                parameter["schema"].update(minimum=0, maximum=self.max_offset, default=0)
                parameter["description"] = (
                    f"The initial index from which to return the results: at most {self.max_offset}; page further "
                    "with `cursor`."
                )
        return parameters


def selection(request, ignored):
    """A digest of the path and every parameter but the ignored ones: of what selects records, and in what order,
    which is cheaper to make than the SQL and says as much."""
    return digest(request.path, request.query_params.lists(), ignored)


def digest(path, parameters, ignored=()):
    selecting = sorted((name, values) for name, values in parameters if name not in ignored)
    return hashlib.blake2b(f"{path}|{selecting!r}".encode(), digest_size=16).hexdigest()


def read_whole(name, read):
    """A list read whole, `read(count)` giving at most `count` of it, and kept under the name in KEY_LISTS, or LONG
    for a list longer than LISTED: (what is kept, what was read)."""
    rows = tuple(read(LISTED + 1))
    kept = LONG if len(rows) > LISTED else rows
    KEY_LISTS.put(name, kept, footprint(kept))
    return kept, rows


def built(name, filtered):
    """The query of a list longer than LISTED, kept once built: its other pages, limits and languages run only their
    own page's query, without building the filter again (a fifth of a page's cost in a profile at 10,000x), since a
    request with the same selecting parameters and ordering passed the same validation. The query, not its rows: the
    database still answers each page."""
    kept = f"{name}:query"
    queryset = KEY_LISTS.get(kept)
    if queryset is None:
        queryset = filtered()
        KEY_LISTS.put(kept, queryset, QUERY_FOOTPRINT)
    return queryset


def footprint(rows):
    """About the bytes a tuple or set of keys or rows holds, judged by one row."""
    if not rows or rows is LONG:
        return 64
    first = next(iter(rows))
    values = first.values() if isinstance(first, dict) else first if isinstance(first, tuple) else ()
    return 64 + len(rows) * (8 + sys.getsizeof(first) + sum(sys.getsizeof(value) for value in values))


class FeedCursorPagination(CursorPagination):
    """Forward-only cursor paging for a feed that is not one queryset (the change feed is a union of tables).

    The view asks for the next `size` items after a position and gives the position of the last one; the
    cursor is DRF's, its position the view's own string. A feed only moves forward, so there is no `previous`.
    """

    page_size = 50
    max_page_size = 500
    page_size_query_param = "limit"
    ordering = ()

    def get_page_size(self, request):
        size = StrictLimitOffsetPagination()._parse(request, self.page_size_query_param, 1)
        if size is None:
            return self.page_size
        if size > self.max_page_size:
            raise ValidationError({self.page_size_query_param: [f"Must be at most {self.max_page_size}."]})
        return size

    def decode_cursor(self, request):
        """An empty cursor is a 400 naming it; one the API did not give names no page (404), as on every list."""
        if request.query_params.get(self.cursor_query_param) == "":
            raise ValidationError({self.cursor_query_param: ["This parameter may not be empty; leave it out."]})
        try:
            return super().decode_cursor(request)
        except NotFound:
            raise NotFound(INVALID_CURSOR) from None

    def start(self, request):
        """The position the page starts after (None for the first page), and how many items it holds."""
        self.request = request
        self.base_url = request.build_absolute_uri()
        self.page_size = self.get_page_size(request)
        cursor = self.decode_cursor(request)
        return (cursor.position if cursor else None), self.page_size

    def keys_after(self, read, position, count):
        """The next `count` keys of the feed after a position (None: from the start), where `read(position, count)`
        reads them. A feed of at most LISTED keys is read whole once per data version and selection, as a list
        is (StrictLimitOffsetPagination.paginate_keys), and its pages are cut from it; the keys are tuples in the
        feed's order, and so is a position."""
        ignored = PRESENTING | {self.cursor_query_param}
        name = f"{current_version(self.request).number}:{selection(self.request, ignored)}"
        keys, first = KEY_LISTS.get(name), None
        if keys is None:
            keys, first = read_whole(name, lambda size: read(None, size))
        if keys is LONG:
            return list(first[:count]) if first is not None and position is None else read(position, count)
        start = 0 if position is None else bisect.bisect_right(keys, position)
        return list(keys[start : start + count])

    def finish(self, items, last_position):
        """The page, given one item more than it holds when there is a next page."""
        self.next_position = last_position if len(items) > self.page_size else None
        return items[: self.page_size]

    def get_next_link(self):
        if self.next_position is None:
            return None
        return self.encode_cursor(Cursor(offset=0, reverse=False, position=self.next_position))

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.cursor_query_param:
                parameter["schema"].update(minLength=1, pattern="^[A-Za-z0-9+/=]+$")
                parameter["description"] = f"The `next` link's cursor. {INVALID_CURSOR} Any other names no page: 404."
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size, default=self.page_size)
                parameter["description"] = (
                    f"Number of results to return per page: default {self.page_size}, at most {self.max_page_size}."
                )
        return parameters
