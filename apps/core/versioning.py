"""The data version: bumped on every write to curated data, read (briefly memoised) on every API read.

Validators (ETag, Last-Modified) and response-cache keys include the version of all data, so a write
anywhere makes every cached response stale at once, across workers. Each resource also counts its own
writes: a record's rendered representation is kept under the counters of what it shows, so a write
rebuilds only the representations of the resources it touches (apps/core/api/fragments.py).
"""

import time
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import router
from django.db.models import F
from django.utils import timezone

ALL = ""


@dataclass(frozen=True)
class Version:
    """The data version, with each resource's own counter (a resource never written to counts 1)."""

    number: int
    changed_at: datetime
    resources: dict = field(default_factory=dict)

    def of(self, name):
        return self.resources.get(name, 1)


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
    return Version(number, changed_at, {name: number for name, (number, _) in rows.items()})


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


def resources_written(model, instance):
    """The resources whose records a write to this model's row changes: its own, or, for a row that
    belongs to another record (a citation, through its content type), that record's."""
    from apps.core.registry import registry

    resource = registry.by_model.get(model)
    if resource is not None:
        return {resource.name}
    content_type = getattr(instance, "content_type", None)
    owner = registry.by_model.get(content_type.model_class()) if content_type else None
    return {owner.name} if owner else set()


def bump_on_m2m_change(sender, instance, action, model, **kwargs):
    """A link changed: both ends' records show it."""
    if action.startswith("post_"):
        bump_version(sender=type(instance), instance=instance, also=resources_written(model, None))


def bump_version(sender=None, instance=None, also=(), **kwargs):
    """Record a write (signal receivers pass their own arguments): the data version and the counters of
    the resources it touched move on; with no sender (a bulk change), every resource's does."""
    from apps.core.models import DataVersion
    from apps.core.registry import registry

    if sender is None:
        names = {resource.name for resource in registry}
    else:
        names = resources_written(sender, instance) | set(also)
    names.add(ALL)
    now = timezone.now()
    DataVersion.objects.bulk_create([DataVersion(name=name, changed_at=now) for name in names], ignore_conflicts=True)
    DataVersion.objects.filter(name__in=names).update(version=F("version") + 1, changed_at=now)
    _memo.clear()


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
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

    from apps.core.models import natural_key

    uid = f"data-version-{model._meta.label_lower}"
    if natural_key(model) != "pk":
        pre_save.connect(remember_former_key, sender=model, dispatch_uid=f"{uid}-rename")
    post_save.connect(bump_version, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(bump_version, sender=model, dispatch_uid=f"{uid}-delete")
    for relation in model._meta.local_many_to_many:
        through = relation.remote_field.through
        m2m_changed.connect(bump_on_m2m_change, sender=through, dispatch_uid=f"{uid}-{relation.name}")
