"""Migration operations for what Django's schema editor cannot say: PostgreSQL's search indexes.

`search` compares UPPER(column) with LIKE (Django's icontains), so each searched column gets a trigram
index on that expression. Trigrams need three characters and Chinese terms are often shorter (江门,
亿元), so each table also gets one GIN index over the set of upper-cased characters of its searched
columns: a short term first narrows the rows to those holding all its characters, then LIKE decides.
The column list must match the FilterSet's `search_fields` in order, or PostgreSQL would not use the
index (tests/test_search.py checks this against the resource declarations). SQLite, the embedded
default, has neither and scans, which suits its small data.
"""

from django.db import migrations

SEARCH_CHARACTERS_FUNCTION = """
CREATE OR REPLACE FUNCTION search_characters(VARIADIC parts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT string_to_array(upper(array_to_string(parts, '')), NULL) $$
"""


class PostgreSQLOnly(migrations.operations.base.Operation):
    """An operation on the database alone, run only on PostgreSQL; the project state is untouched."""

    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            for statement in self.forwards(app_label, to_state):
                schema_editor.execute(statement)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            for statement in self.backwards(app_label, from_state):
                schema_editor.execute(statement)


class CreateSearchFunction(PostgreSQLOnly):
    """The trigram extension and `search_characters()`, which every table's character index is built on."""

    def forwards(self, app_label, state):
        return ["CREATE EXTENSION IF NOT EXISTS pg_trgm", SEARCH_CHARACTERS_FUNCTION]

    def backwards(self, app_label, state):
        return ["DROP FUNCTION IF EXISTS search_characters(VARIADIC text[])"]

    def describe(self):
        return "Create the search_characters() function and the pg_trgm extension"

    def deconstruct(self):
        return (self.__class__.__name__, [], {})


class CreateSearchIndexes(PostgreSQLOnly):
    """A trigram index per searched column and one character index over them all, for one model."""

    def __init__(self, model_name, fields):
        self.model_name = model_name
        self.fields = list(fields)

    def table(self, app_label, state):
        return state.apps.get_model(app_label, self.model_name)._meta.db_table

    def forwards(self, app_label, state):
        table = self.table(app_label, state)
        columns = ", ".join(f'"{field}"' for field in self.fields)
        return [
            *(
                f'CREATE INDEX IF NOT EXISTS "{trigram_index_name(table, field)}" ON "{table}" '
                f'USING gin ((UPPER("{field}"::text)) gin_trgm_ops)'
                for field in self.fields
            ),
            f'CREATE INDEX IF NOT EXISTS "{character_index_name(table)}" ON "{table}" '
            f"USING gin (search_characters({columns}))",
        ]

    def backwards(self, app_label, state):
        table = self.table(app_label, state)
        names = [*(trigram_index_name(table, field) for field in self.fields), character_index_name(table)]
        return [f'DROP INDEX IF EXISTS "{name}"' for name in names]

    def describe(self):
        return f"Create search indexes on {self.model_name} ({', '.join(self.fields)})"

    def deconstruct(self):
        return (self.__class__.__name__, [], {"model_name": self.model_name, "fields": self.fields})


def trigram_index_name(table, column):
    return f"{table[:30]}_{column[:20]}_trgm"


def character_index_name(table):
    return f"{table[:40]}_search_chars"


def keep_current_links(app_label, model_name):
    """A data migration giving each record's latest history row the links the record has now.

    Links were not kept in the history before; without this an as-of read would show a record that has not
    changed since with none. The history of links starts here: earlier rows stay without them.
    """

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        historical = apps.get_model(app_label, f"Historical{model_name}")
        latest = {}
        rows = historical.objects.order_by("id", "-history_date", "-history_id")
        for pk, history_id, history_type in rows.values_list("id", "history_id", "history_type"):
            if pk not in latest:
                latest[pk] = history_id if history_type != "-" else None
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            kept = apps.get_model(app_label, f"Historical{through._meta.object_name}")
            names = [f.attname for f in through._meta.concrete_fields]
            own = f"{model._meta.model_name}_id"
            kept.objects.bulk_create(
                kept(history_id=latest[row[own]], **row)
                for row in through.objects.values(*names)
                if latest.get(row[own]) is not None
            )

    return migrations.RunPython(forwards, migrations.RunPython.noop)


def fill_valid_until(app_label, *history_models):
    """A data migration closing each history row written before rows closed themselves: a row is its
    record's latest until the record's next row was written (apps/core/models.py, ValidUntil)."""

    def forwards(apps, schema_editor):
        quote = schema_editor.connection.ops.quote_name
        for name in history_models:
            history = apps.get_model(app_label, name)
            table = quote(history._meta.db_table)
            pk = quote(history._meta.get_field("id").column)
            schema_editor.execute(
                f"UPDATE {table} SET history_valid_until = following.next_date FROM ("
                f"SELECT history_id, LEAD(history_date) OVER (PARTITION BY {pk} ORDER BY history_date, history_id) "
                f"AS next_date FROM {table}) following "
                f"WHERE {table}.history_id = following.history_id AND following.next_date IS NOT NULL"
            )

    return migrations.RunPython(forwards, migrations.RunPython.noop)
