"""The change feed: every recorded change to a served record, read from the history tables in time order.

django-simple-history keeps one table per model; the feed pages through all of them at once with a
union of their first keys, filtered and positioned per table, then reads the page's rows and the rows before
them (for the diffs) with one query per history table present on the page. Who made a change is never
read: a change shows its time, its fields and the public reason the curator gave.
"""

import functools
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import CharField, OuterRef, Q, Subquery, Value

from apps.core.models import natural_key
from apps.core.registry import registry

CHANGE_TYPES = {"+": "created", "~": "updated", "-": "deleted"}


class Position(NamedTuple):
    """Where a page ends: the feed is ordered by time, then resource name, then the history row's id, as the
    tuples of its keys are."""

    changed_at: datetime
    resource: str
    history_id: int


@dataclass
class Change:
    resource: str
    record: str
    path: str
    change: str
    changed_at: datetime
    reason: str
    changes: list


@functools.cache
def historical(model):
    """The model's history model, or None. Once per model: reading `model.history` builds a manager class."""
    return model.history.model if hasattr(model, "history") else None


def tracked_resources():
    """The resources whose model keeps a history, in the order of their names."""
    return [resource for resource in registry.models() if historical(resource.model)]


def history_model(resource):
    return historical(resource.model)


def keys_of(resource):
    """The resource's history rows as the feed pages through them: (time, resource, history id), in time order.
    Each request filters a copy of the one built for the resource."""
    return all_keys(resource).all()


@functools.cache
def all_keys(resource):
    return (
        history_model(resource)
        .objects.annotate(resource=Value(resource.name, output_field=CharField()))
        .values_list("history_date", "resource", "history_id")
        .order_by("history_date", "history_id")
    )


def after(queryset, name, position):
    """The rows of one history table that come after the position."""
    if position is None:
        return queryset
    later = Q(history_date__gt=position.changed_at)
    if name > position.resource:
        return queryset.filter(later | Q(history_date=position.changed_at))
    if name == position.resource:
        return queryset.filter(later | Q(history_date=position.changed_at, history_id__gt=position.history_id))
    return queryset.filter(later)


def page_keys(querysets, position, size):
    """(time, resource, history id) of the next `size` changes after the position, in one query: each history
    table gives its own first `size` rows by its time index, and only those are merged and sorted."""
    compilers, sql, params = [], [], []
    for name, queryset in querysets.items():
        part = after(queryset, name, position)[:size]
        compiler = part.query.get_compiler(part.db)
        try:
            part_sql, part_params = compiler.as_sql()
        except EmptyResultSet:
            continue
        compilers.append(compiler)
        sql.append(f"SELECT * FROM ({part_sql}) AS part{len(sql)}")
        params.extend(part_params)
    if not compilers:
        return []
    # Django builds no union of sliced parts on SQLite, which runs one when each part is a subquery.
    with connections[compilers[0].using].cursor() as cursor:
        cursor.execute(f"{' UNION ALL '.join(sql)} ORDER BY 1, 2, 3 LIMIT %s", [*params, size])
        rows = cursor.fetchall()
    converters = compilers[0].get_converters([column for column, _, _ in compilers[0].select])
    return [tuple(row) for row in compilers[0].apply_converters(rows, converters)] if converters else rows


def plain(value):
    """A value as JSON shows it: decimals as strings, as the API's serializers show them."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


class RelatedKeys:
    """Natural keys of the records a page's foreign keys name, read once per related model."""

    def __init__(self):
        self.wanted = {}
        self.found = {}

    def want(self, field, pk):
        if field.is_relation and pk is not None:
            self.wanted.setdefault(field.related_model, set()).add(pk)

    def resolve(self):
        for model, pks in self.wanted.items():
            key = natural_key(model)
            self.found[model] = dict(model._base_manager.filter(pk__in=pks).values_list("pk", key))

    def show(self, field, value):
        if isinstance(value, set):  # many-to-many links
            return sorted(self.found[field.related_model][pk] for pk in value if pk in self.found[field.related_model])
        if field.is_relation and value is not None:
            return self.found[field.related_model].get(value)
        return plain(value)


def field_changes(fields, row, previous, related):
    """The fields that differ between the previous row and this one (an update); a creation has every field
    new and a deletion every field gone, so neither needs the row before it."""
    changes = []
    for field in fields:
        old = None if previous is None else getattr(previous, field.attname)
        new = getattr(row, field.attname)
        if row.history_type == "-":
            old, new = new, None
        if old != new:
            changes.append((field, old, new))
            related.want(field, old)
            related.want(field, new)
    return changes


def kept_links(model, history_ids):
    """{(field name, history id): the linked records' keys} for the history rows' many-to-many fields."""
    links = {}
    for field in model._history_m2m_fields:
        kept = getattr(model, field.name).model
        target = field.m2m_reverse_field_name()
        rows = kept.objects.filter(history_id__in=history_ids).values_list("history_id", f"{target}_id")
        for history_id, pk in rows:
            links.setdefault((field.name, history_id), set()).add(pk)
    return links


def link_changes(model, row, previous, links, related):
    """The many-to-many fields whose links differ, each as a set of linked records' keys, like field_changes."""
    changes = []
    for field in model._history_m2m_fields:
        old = set() if previous is None else links.get((field.name, previous.history_id), set())
        new = links.get((field.name, row.history_id), set())
        if row.history_type == "-":
            old, new = new, set()
        if old != new:
            changes.append((field, old, new))
            for pk in old | new:
                related.want(field, pk)
    return changes


def read_changes(keys):
    """The changes for the page's keys, with their diffs, in the keys' order."""
    wanted = {}
    for _changed_at, name, history_id in keys:
        wanted.setdefault(name, []).append(history_id)
    rows, related = {}, RelatedKeys()
    for name, history_ids in wanted.items():
        resource = registry[name]
        model = history_model(resource)
        fields = [field for field in model.tracked_fields if not field.primary_key]
        before = model.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id")).order_by("-history_id")
        page = list(
            model.objects.filter(history_id__in=history_ids).annotate(
                previous_id=Subquery(before.values("history_id")[:1])
            )
        )
        previous_ids = [row.previous_id for row in page if row.history_type == "~" and row.previous_id]
        previous = {row.history_id: row for row in model.objects.filter(history_id__in=previous_ids)}
        links = kept_links(model, [*history_ids, *previous_ids])
        for row in page:
            earlier = previous.get(row.previous_id) if row.history_type == "~" else None
            diffs = field_changes(fields, row, earlier, related) + link_changes(model, row, earlier, links, related)
            rows[(name, row.history_id)] = (resource, row, diffs)
    related.resolve()
    changes = []
    for _changed_at, name, history_id in keys:
        resource, row, diffs = rows[(name, history_id)]
        key = getattr(row, natural_key(resource.model))
        changes.append(
            Change(
                resource=name,
                record=key,
                path=f"{resource.name}/{key}/",
                change=CHANGE_TYPES[row.history_type],
                changed_at=row.history_date,
                reason=row.history_change_reason or "",
                changes=[
                    {"field": field.name, "old": related.show(field, old), "new": related.show(field, new)}
                    for field, old, new in diffs
                ],
            )
        )
    return changes
