"""The data as it stood at a moment, read from django-simple-history's tables by the same queries as today's.

For the length of an as-of read, each table that keeps a history is shadowed, on the read's own database
connection, by a temporary view of the same name: the rows of its history table as they stood at that
moment (each record's latest row then, unless that row records its deletion). PostgreSQL and SQLite both
look a table's name up among the connection's temporary objects first, so every query the API builds
(filters, ordering, paging, prefetched relations, citations, counts) reads the past without knowing it.
A record's links are shadowed by the links its history row kept (`m2m_fields`), and `updated_at`, which
the history does not copy, by the time of that row. Each history row says until when it was its record's
latest (`history_valid_until`, apps/core/models.py), so a view is a plain condition on its rows. The views
live in a transaction that is rolled back when the read ends, so no other read on the connection sees them.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db import connections, models, router, transaction

from apps.core.versioning import last_read_version

# The moment the current read is as of, or None: caches of today's data must not answer it.
reading_as_of = ContextVar("reading_as_of", default=None)


def reads_as_of():
    return reading_as_of.get() is not None


class BeforeHistory(Exception):
    """The moment asked for is before the first record was written."""

    def __init__(self, earliest):
        super().__init__(f"The history begins at {earliest.isoformat()}.")
        self.earliest = earliest


@functools.cache
def tracked_tables():
    """(table, SELECT of its rows at %(moment)s) for every table whose rows the history keeps."""
    return [*(model_table(model) for model in tracked_models()), *link_tables()]


def tracked_models():
    return [model for model in apps.get_models() if hasattr(model._meta, "simple_history_manager_attribute")]


def history_of(model):
    return getattr(model, model._meta.simple_history_manager_attribute).model


def current_rows(history, alias):
    """The condition that a history row was its record's latest at %(moment)s and is not its deletion: a
    condition on the row alone, so a join finds a related record's row by its key (apps/core/models.py)."""
    return (
        f"{alias}.history_date <= %(moment)s AND ({alias}.history_valid_until IS NULL "
        f"OR {alias}.history_valid_until > %(moment)s) AND {alias}.history_type <> '-'"
    )


def model_table(model):
    history = history_of(model)
    kept = {field.attname: field.column for field in history._meta.concrete_fields}
    columns = []
    for field in model._meta.concrete_fields:
        if field.attname in kept:
            columns.append(f"h.{quote(kept[field.attname])} AS {quote(field.column)}")
        elif isinstance(field, models.DateTimeField):  # left out of the history: when the row was written
            columns.append(f"h.history_date AS {quote(field.column)}")
        else:
            columns.append(f"NULL AS {quote(field.column)}")
    select = f"SELECT {', '.join(columns)} FROM {quote(history._meta.db_table)} h WHERE {current_rows(history, 'h')}"
    return model._meta.db_table, select


def link_tables():
    """The links of each record, as its history row at the moment kept them."""
    tables = []
    for model in tracked_models():
        history = history_of(model)
        for field in history._history_m2m_fields:
            kept = getattr(history, field.name).model
            through = field.remote_field.through
            columns = ", ".join(
                f"m.{quote(kept._meta.get_field(f.name).column)} AS {quote(f.column)}"
                for f in through._meta.concrete_fields
            )
            select = (
                f"SELECT {columns} FROM {quote(kept._meta.db_table)} m "
                f"JOIN {quote(history._meta.db_table)} h ON h.history_id = m.history_id "
                f"WHERE {current_rows(history, 'h')}"
            )
            tables.append((through._meta.db_table, select))
    return tables


def quote(name):
    return connections["default"].ops.quote_name(name)


def literal(connection, moment):
    """The moment as SQL: views take no parameters. A datetime's text holds nothing but digits and separators."""
    value = connection.ops.adapt_datetimefield_value(moment)
    if connection.vendor == "postgresql":
        return f"'{value.isoformat()}'::timestamptz"
    return f"'{value}'"


_earliest = {}


def earliest(using):
    """When the first record was written: the earliest moment an as-of read can show. Read once per data
    version: only a write (a pruned history, a fresh load) moves it."""
    version = last_read_version()
    key = (using, version)
    if version is None or key not in _earliest:
        _earliest.clear()
        _earliest[key] = read_earliest(using)
    return _earliest[key]


def read_earliest(using):
    parts = " UNION ALL ".join(
        f"SELECT MIN(history_date) AS first FROM {quote(history_of(model)._meta.db_table)}"
        for model in tracked_models()
    )
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MIN(first) FROM ({parts}) firsts")
        (value,) = cursor.fetchone()
    if isinstance(value, str):  # SQLite returns the aggregate of a union as text
        value = connection.ops.convert_datetimefield_value(value, None, connection)
    field = models.DateTimeField()
    return None if value is None else field.to_python(value)


# For the read's transaction only: the plan of a read of the past is built once and run once, so PostgreSQL's
# JIT compilation, which the views' large estimates set off, costs more than it saves.
PLANNER_SETTINGS = ["jit = off"]


@contextmanager
def as_of(moment):
    """Within the block, the database the reads go to shows the data as it stood at `moment` (aware, UTC)."""
    using = router.db_for_read(tracked_models()[0])
    first = earliest(using)
    if first is None or moment < first:
        raise BeforeHistory(first or moment)
    connection = connections[using]
    temporary = "pg_temp" if connection.vendor == "postgresql" else "temp"
    token = reading_as_of.set(moment)
    try:
        with transaction.atomic(using=using), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                for setting in PLANNER_SETTINGS:
                    cursor.execute(f"SET LOCAL {setting}")
            shown = literal(connection, moment)
            for table, select in tracked_tables():
                cursor.execute(f"CREATE TEMPORARY VIEW {quote(table)} AS {select % {'moment': shown}}")
            try:
                yield
            finally:
                for table, _ in tracked_tables():
                    cursor.execute(f"DROP VIEW IF EXISTS {temporary}.{quote(table)}")
                transaction.set_rollback(True, using=using)
    finally:
        try:
            reading_as_of.reset(token)
        except ValueError:  # a streamed export may be closed from another context
            reading_as_of.set(None)
