"""The data version: bumped on every write to curated data, read (briefly memoised) on every API read.

Validators (ETag, Last-Modified) and response-cache keys include the version of all data, so a write
anywhere makes every cached response stale at once, across workers. Each resource also counts its own
writes (the change feed keeps its renderings under them), and each record written to, or showing one
written to, counts its own: a record's rendered representation is kept under its counter, so a write
rebuilds only the representations of the records that show what it touched (apps/core/api/fragments.py).
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import router, transaction
from django.db.models import F
from django.utils import timezone

ALL = ""
# Bumped by writes in bulk only, which make every kept rendering stale and clear the records' counters.
GENERATION = "*"
# A record's own counter is the row named "<resource>#<pk>".
RECORD = "#"
# Past this many records' counters, a write counts as one in bulk, so the counters read on every version stay few.
MAX_RECORD_COUNTERS = 5000

_in_bulk = ContextVar("versioning_in_bulk", default=None)


@dataclass(frozen=True)
class Version:
    """The data version, with each resource's own counter (a resource never written to counts 1)."""

    number: int
    changed_at: datetime
    resources: dict = field(default_factory=dict)
    records: dict = field(default_factory=dict)

    def of(self, name):
        return self.resources.get(name, 1)

    def of_records(self, resource):
        """{pk: counter} of the resource's records written to since the last write in bulk (others count 0)."""
        return self.records.get(resource, {})


# Per database: with read replicas, a request's version must come from the database its content comes from.
_memo = {}


def read_version(using=None):
    from apps.core.models import DataVersion

    rows = {
        name: (number, at)
        for name, number, at in DataVersion.objects.using(using).values_list("name", "version", "changed_at")
    }
    if ALL not in rows:
        created = DataVersion.objects.get_or_create(name=ALL, defaults={"changed_at": timezone.now()})[0]
        rows[ALL] = (created.version, created.changed_at)
    number, changed_at = rows.pop(ALL)
    resources, records = {}, {}
    for name, (counter, _) in rows.items():
        resource, mark, pk = name.partition(RECORD)
        if mark:
            records.setdefault(resource, {})[int(pk)] = counter
        else:
            resources[name] = counter
    return Version(number, changed_at, resources, records)


def current_version(request=None):
    """The current version, memoised in the process for DATA_VERSION_MEMO_SECONDS.

    Given a request, the version is read once for it and kept with it, so its validators, its cache keys,
    its counts and its body all speak of the same version even when a write lands meanwhile. It is read
    from the database the request's reads go to (jiangmen_api/routers.py), before its content, so the
    content is never older than the version.
    """
    from apps.core.models import DataVersion

    request = getattr(request, "_request", request)  # a DRF request wraps Django's
    if request is not None and hasattr(request, "data_version"):
        return request.data_version
    database = router.db_for_read(DataVersion)
    now = time.monotonic()
    expires, version = _memo.get(database, (0.0, None))
    if version is None or now >= expires:
        version = read_version(database)
        _memo[database] = (now + settings.DATA_VERSION_MEMO_SECONDS, version)
    if request is not None:
        request.data_version = version
    return version


def last_read_version():
    """What this process last read as the data version, without reading it: the request being answered has
    read it already, from the database its reads go to. Its number and time together name it, since a
    rolled-back write can reuse a number."""
    from apps.core.models import DataVersion

    _, version = _memo.get(router.db_for_read(DataVersion), (0.0, None))
    return None if version is None else (version.number, version.changed_at)


def records_written(model, instance):
    """{resource: {pk}} of the records a write to this model's row changes: the row's own record, or, for a
    row that belongs to another record (a citation), that record."""
    from apps.core.registry import registry

    if model in registry.by_model:
        return {registry.by_model[model].name: {instance.pk}}
    content_type = getattr(instance, "content_type", None)
    owner = registry.by_model.get(content_type.model_class()) if content_type else None
    return {owner.name: {instance.object_id}} if owner else {}


def bump_on_m2m_change(sender, instance, action, model, pk_set, **kwargs):
    """A link changed: both ends' records show it. A link cleared names no records, so it counts as a write
    in bulk."""
    if action == "post_clear":
        bump_version()
    elif action.startswith("post_") and pk_set:
        from apps.core.registry import registry

        records = records_written(type(instance), instance)
        if model in registry.by_model:
            records.setdefault(registry.by_model[model].name, set()).update(pk_set)
        bump_version(sender=type(instance), instance=instance, records=records)


def bump_before_delete(sender, instance, **kwargs):
    """A record about to be deleted: the records that show it are found while its links still exist (a
    deletion removes its many-to-many rows without a signal)."""
    bump_version(sender=sender, instance=instance)


def bump_version(sender=None, instance=None, records=None, **kwargs):
    """Record a write (signal receivers pass their own arguments): the data version, the counters of the
    resources of the records it touched ({resource: {pk}}, by default the sender's row's) and those of the
    records that show them move on. With no
    sender (a write in bulk), every resource's counter and the generation move on instead, and the
    records' counters start again."""
    if sender is not None and _in_bulk.get() is not None:
        _in_bulk.set(True)
        return
    from apps.core.models import DataVersion
    from apps.core.registry import registry

    if sender is None:
        names = {resource.name for resource in registry} | {GENERATION}
    else:
        written = records if records is not None else records_written(sender, instance)
        showing = registry.records_showing(written)
        names = set(written) | {f"{resource}{RECORD}{pk}" for resource, pks in showing.items() for pk in pks}
    names.add(ALL)
    now = timezone.now()
    with transaction.atomic(using=router.db_for_write(DataVersion)):
        counters = DataVersion.objects.filter(name__contains=RECORD)
        if sender is not None and counters.count() + len(names) > MAX_RECORD_COUNTERS:
            return bump_version()
        if sender is None:
            counters.delete()
        DataVersion.objects.bulk_create(
            [DataVersion(name=name, changed_at=now) for name in names], ignore_conflicts=True
        )
        DataVersion.objects.filter(name__in=names).update(version=F("version") + 1, changed_at=now)
    _memo.clear()


@contextmanager
def writes_in_bulk():
    """Writes inside count as one write in bulk at the end, if there were any: a load of every record need
    not find, for each of its saves, the records that show it."""
    token = _in_bulk.set(False)
    try:
        yield
    finally:
        wrote = _in_bulk.get()
        _in_bulk.reset(token)
    if wrote:
        bump_version()


def remember_former_key(sender, instance, raw=False, **kwargs):
    """Before a record is saved under a new natural key, keep its old one (see FormerSlug)."""
    from apps.core.models import FormerSlug, natural_key

    if raw or instance.pk is None:
        return
    key = natural_key(sender)
    old = sender._base_manager.filter(pk=instance.pk).values_list(key, flat=True).first()
    if old is not None and old != getattr(instance, key):
        FormerSlug.remember(instance, old)


def track_writes(model):
    """Every save or delete of the model, and every change to its many-to-many links, bumps the version;
    a save under a new natural key keeps the old one."""
    from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

    from apps.core.models import natural_key

    uid = f"data-version-{model._meta.label_lower}"
    if natural_key(model) != "pk":
        pre_save.connect(remember_former_key, sender=model, dispatch_uid=f"{uid}-rename")
    post_save.connect(bump_version, sender=model, dispatch_uid=f"{uid}-save")
    pre_delete.connect(bump_before_delete, sender=model, dispatch_uid=f"{uid}-delete")
    for relation in model._meta.local_many_to_many:
        through = relation.remote_field.through
        m2m_changed.connect(bump_on_m2m_change, sender=through, dispatch_uid=f"{uid}-{relation.name}")
