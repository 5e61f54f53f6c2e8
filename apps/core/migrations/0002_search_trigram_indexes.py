"""Trigram indexes behind `search` on PostgreSQL.

Django's icontains compares UPPER(column) with LIKE, so each index is on that expression. SQLite,
the embedded default, has no trigram indexes and searches by scanning, which suits its small data.
"""

from django.db import migrations

SEARCHED = {
    "regions_region": ["slug", "name_zh", "name_en", "description_zh", "description_en"],
    "zones_zone": ["slug", "name_zh", "name_en", "description_zh", "description_en", "focus_zh", "focus_en"],
    "industries_industry": ["slug", "name_zh", "name_en", "description_zh", "description_en"],
    "companies_company": [
        "slug",
        "name_zh",
        "name_en",
        "description_zh",
        "description_en",
        "short_name_zh",
        "short_name_en",
    ],
    "projects_project": ["slug", "name_zh", "name_en", "description_zh", "description_en"],
    "projects_milestone": ["slug", "name_zh", "name_en", "description_zh", "description_en"],
    "infrastructure_facility": ["slug", "name_zh", "name_en", "description_zh", "description_en"],
    "indicators_indicator": ["slug", "name_zh", "name_en", "description_zh", "description_en"],
    "indicators_observation": [
        "slug",
        "name_zh",
        "name_en",
        "description_zh",
        "description_en",
        "text_as_written",
        "period_label_zh",
        "period_label_en",
    ],
    "recognitions_distinction": ["slug", "name_zh", "name_en", "description_zh", "description_en"],
    "events_event": ["slug", "name_zh", "name_en", "description_zh", "description_en"],
}


def index_name(table, column):
    return f"{table[:30]}_{column[:20]}_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, columns in SEARCHED.items():
        for column in columns:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{index_name(table, column)}" ON "{table}" '
                f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in SEARCHED.items():
        for column in columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{index_name(table, column)}"')


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_data_version"),
        ("regions", "0002_filter_and_ordering_indexes"),
        ("zones", "0002_filter_and_ordering_indexes"),
        ("industries", "0002_filter_and_ordering_indexes"),
        ("companies", "0003_filter_and_ordering_indexes"),
        ("projects", "0004_filter_and_ordering_indexes"),
        ("infrastructure", "0002_filter_and_ordering_indexes"),
        ("indicators", "0002_filter_and_ordering_indexes"),
        ("recognitions", "0003_filter_and_ordering_indexes"),
        ("events", "0003_filter_and_ordering_indexes"),
    ]

    operations = [migrations.RunPython(create, drop)]
