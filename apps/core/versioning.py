"""The data version: bumped on every write to curated data, read (briefly memoised) on every API read.

Validators (ETag, Last-Modified) and response-cache keys include it, so a write anywhere makes every
cached representation stale at once, across workers, without tracking which responses it touched.
"""

import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import F
from django.utils import timezone


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime


_memo = {"expires": 0.0, "version": None}


def current_version(request=None):
    """The current version, memoised in the process for DATA_VERSION_MEMO_SECONDS.

    Given a request, the version is read once for it and kept with it, so its validators, its cache keys,
    its counts and its body all speak of the same version even when a write lands meanwhile.
    """
    from apps.core.models import DataVersion

    request = getattr(request, "_request", request)  # a DRF request wraps Django's
    if request is not None and hasattr(request, "data_version"):
        return request.data_version
    now = time.monotonic()
    if _memo["version"] is not None and now < _memo["expires"]:
        version = _memo["version"]
    else:
        row = DataVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
        if row is None:
            row = DataVersion.objects.get_or_create(pk=1, defaults={"changed_at": timezone.now()})[0]
            row = (row.version, row.changed_at)
        version = Version(*row)
        _memo.update(version=version, expires=now + settings.DATA_VERSION_MEMO_SECONDS)
    if request is not None:
        request.data_version = version
    return version


def bump_on_m2m_change(action, **kwargs):
    if action.startswith("post_"):
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
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

    uid = f"data-version-{model._meta.label_lower}"
    pre_save.connect(remember_former_key, sender=model, dispatch_uid=f"{uid}-rename")
    post_save.connect(bump_version, sender=model, dispatch_uid=f"{uid}-save")
    post_delete.connect(bump_version, sender=model, dispatch_uid=f"{uid}-delete")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(bump_on_m2m_change, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}")


def bump_version(**kwargs):
    """Record a write; signal receivers call it with their own arguments, which are not needed."""
    from apps.core.models import DataVersion

    updated = DataVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now())
    if not updated:
        DataVersion.objects.create(pk=1, version=2, changed_at=timezone.now())
    _memo.update(version=None, expires=0.0)
