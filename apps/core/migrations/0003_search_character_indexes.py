"""Character indexes behind one- and two-character `search` terms on PostgreSQL.

Trigram indexes need three characters, and Chinese terms are often shorter (江门, 亿元). Each table
gets one GIN index over the set of upper-cased characters in its searched columns; a short term first
narrows the rows to those holding all of its characters, then the usual LIKE decides. The column
lists must match the FilterSets' `search_fields` in order, or the query would not use the index
(tests/test_search.py checks this). SQLite has no such index and scans.
"""

from django.db import migrations

SEARCH_CHARACTERS_FUNCTION = """
CREATE OR REPLACE FUNCTION search_characters(VARIADIC parts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT string_to_array(upper(array_to_string(parts, '')), NULL) $$
"""

NAMES = ["slug", "name_zh", "name_en", "description_zh", "description_en"]
SEARCHED = {
    "regions_region": NAMES,
    "zones_zone": [*NAMES, "focus_zh", "focus_en"],
    "industries_industry": NAMES,
    "companies_company": [*NAMES, "short_name_zh", "short_name_en"],
    "projects_project": NAMES,
    "projects_milestone": NAMES,
    "infrastructure_facility": NAMES,
    "indicators_indicator": NAMES,
    "indicators_observation": [*NAMES, "text_as_written", "period_label_zh", "period_label_en"],
    "recognitions_distinction": NAMES,
    "events_event": NAMES,
}


def index_name(table):
    return f"{table[:40]}_search_chars"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(SEARCH_CHARACTERS_FUNCTION)
    for table, columns in SEARCHED.items():
        arguments = ", ".join(f'"{column}"' for column in columns)
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{index_name(table)}" ON "{table}" USING gin (search_characters({arguments}))'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in SEARCHED:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table)}"')
    schema_editor.execute("DROP FUNCTION IF EXISTS search_characters(VARIADIC text[])")


class Migration(migrations.Migration):
    dependencies = [("core", "0002_search_trigram_indexes")]

    operations = [migrations.RunPython(create, drop)]
