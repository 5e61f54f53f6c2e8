"""Each record's JSON, rendered once per form and language and kept until something it shows changes.

Building a response used to cost what serialising its nested records costs (20–35 ms for a page of
50 figures), however often the same records had been rendered before. Here a record's list item and
its detail are rendered by its serializer once and kept in the `records` cache under the record's own
write counter, which moves when the record or anything it shows is written to
(`registry.records_showing`), so a write re-renders only the records that show what it touched. A list
page is one query for the page's keys, one fetch of their rendered records and the envelope spliced
around them; a detail is one query for its key and one fetch. The bytes are those the serializer and
DRF's JSON renderer produce (tests/api/test_fragments.py compares them for every record).
"""

import hashlib
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from rest_framework.renderers import JSONRenderer

from apps.core.memo import BytesMemo
from apps.core.registry import registry
from apps.core.versioning import GENERATION, current_version

CACHE_ALIAS = "records"
RENDERER = JSONRenderer()
MEMO = BytesMemo(settings.API_RECORD_MEMO_BYTES)
READ_AHEAD = 100


class Prerendered:
    """JSON already rendered, which the API's JSON renderer passes through as it is."""

    __slots__ = ("content",)

    def __init__(self, content):
        self.content = content


def stamp(resource, version):
    """A digest of the counters of every resource the resource's records show."""
    counters = ",".join(f"{name}={version.of(name)}" for name in sorted(registry.shown_by(resource)))
    return hashlib.blake2b(counters.encode(), digest_size=8).hexdigest()


class RenderedRecords:
    """The rendered records of one view's resource, in one form (`item` or `detail`), for one request. The view's
    queryset and serializer are asked for only when something is to be rendered."""

    def __init__(self, view, form):
        request = view.request
        self.view = view
        resource = registry.for_model(view.queryset.model).name
        language = getattr(request, "response_language", "")
        version = current_version(request)
        self.prefix = f"record:{resource}:{form}:{language}:{version.of(GENERATION)}:"
        self.counters = version.of_records(resource)
        self.ahead = READ_AHEADS.setdefault(f"{resource}:{form}", ReadAhead())

    def name(self, key):
        return f"{self.prefix}{key}.{self.counters.get(key, 0)}"

    def get(self, keys):
        """The rendered records with these primary keys, in the same order; renders and keeps what is missing."""
        names = [self.name(key) for key in keys]
        key_of = dict(zip(names, keys, strict=True))
        self.ahead.asked(names)

        def render(missing):
            view = self.view
            records = list(view.get_queryset().filter(pk__in=self.batch([key_of[name] for name in missing])))
            items = view.get_serializer_class()(records, many=True, context=view.get_serializer_context()).data
            return {self.name(record.pk): RENDERER.render(item) for record, item in zip(records, items, strict=True)}

        return kept(names, render)

    def batch(self, missing):
        """The missing records and the ones after them that this worker has not rendered yet, up to READ_AHEAD.

        A worker soon meets most records of a resource, and rendering them together costs the serializer's
        prefetch queries once for the batch rather than once per page: a detail rendered alone costs 5–13 ms.
        Where the worker does not meet them again (a resource far larger than what it serves), it stops.
        """
        room = READ_AHEAD - len(missing)
        if room <= 0 or not self.ahead.pays():
            return missing
        following = self.view.keys().filter(pk__gt=min(missing)).order_by("pk")[:READ_AHEAD]
        unseen = [key for key in following if key not in missing and MEMO.get(self.name(key)) is None][:room]
        self.ahead.rendered_ahead(self.name(key) for key in unseen)
        return [*missing, *unseen]


class ReadAhead:
    """Whether rendering ahead pays for one resource and form, in this worker: it does while at least WORTH of
    what it rendered ahead is asked for later. Judged after TRIAL records, and tried again after RETRY
    batches rendered without it, since what clients ask for changes."""

    TRIAL = 200
    WORTH = 0.1
    RETRY = 1000
    REMEMBERED = 20_000

    def __init__(self):
        self.waiting = OrderedDict()  # names rendered ahead and not asked for yet, oldest first
        self.rendered = self.used = self.skipped = 0

    def pays(self):
        if self.rendered < self.TRIAL or self.used >= self.WORTH * self.rendered:
            return True
        self.skipped += 1
        if self.skipped >= self.RETRY:
            self.rendered = self.used = self.skipped = 0
            self.waiting.clear()
        return False

    def rendered_ahead(self, names):
        for name in names:
            self.waiting[name] = None
            self.rendered += 1
        while len(self.waiting) > self.REMEMBERED:
            self.waiting.popitem(last=False)

    def asked(self, names):
        for name in names:
            if self.waiting.pop(name, 0) is None:
                self.used += 1


READ_AHEADS = {}


def kept(names, render):
    """The renderings kept under these names, in the same order. `render(missing)` renders those not kept, as
    {name: bytes} (it may add others it rendered with them), and they are kept: in this worker's memo, and
    in the `records` cache that every worker shares when there is one."""
    found = {name: content for name in names if (content := MEMO.get(name)) is not None}
    if len(found) < len(names):
        cache = caches[CACHE_ALIAS]
        shared = cache.get_many([name for name in names if name not in found])
        missing = [name for name in names if name not in found and name not in shared]
        if missing:
            rendered = render(missing)
            cache.set_many(rendered, settings.API_RECORD_CACHE_SECONDS)
            shared.update(rendered)
        for name, content in shared.items():
            MEMO.put(name, content, len(content))
        found.update(shared)
    return [found[name] for name in names]


def splice(envelope, items):
    """The paginated envelope, rendered with an empty `results`, with the rendered records put inside."""
    content = RENDERER.render(envelope)
    if not content.endswith(b"[]}"):
        raise ValueError("The envelope must end with an empty `results`.")
    return b"".join([content[:-2], b",".join(items), content[-2:]])
