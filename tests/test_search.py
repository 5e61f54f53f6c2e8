import importlib

import pytest
from django.urls import resolve

from apps.core.registry import registry

TRIGRAM_MIGRATION = importlib.import_module("apps.core.migrations.0002_search_trigram_indexes")
CHARACTER_MIGRATION = importlib.import_module("apps.core.migrations.0003_search_character_indexes")


SEARCHABLE = [f"/api/v1/{resource.name}/" for resource in registry if resource.search_fields]


def filterset_of(url):
    return resolve(url).func.cls.filterset_class


def test_the_search_indexes_cover_exactly_the_searchable_tables():
    tables = {filterset_of(url).Meta.model._meta.db_table for url in SEARCHABLE}
    assert set(CHARACTER_MIGRATION.SEARCHED) == tables
    assert set(TRIGRAM_MIGRATION.SEARCHED) == tables


@pytest.mark.parametrize("url", SEARCHABLE)
def test_search_indexes_cover_the_searched_columns_in_order(url):
    """PostgreSQL uses an expression index only when the query repeats its expression exactly."""
    filterset = filterset_of(url)
    table = filterset.Meta.model._meta.db_table
    assert CHARACTER_MIGRATION.SEARCHED[table] == filterset.search_fields
    assert TRIGRAM_MIGRATION.SEARCHED[table] == filterset.search_fields


@pytest.mark.parametrize(
    ("url", "term"),
    [
        ("/api/v1/observations/", "亿元"),
        ("/api/v1/observations/", "亿"),
        ("/api/v1/observations/", "m²"),
        ("/api/v1/regions/", "江门"),
        ("/api/v1/regions/", "门"),
        ("/api/v1/zones/", "园区"),
        ("/api/v1/zones/", "江"),
        ("/api/v1/companies/", "ca"),
        ("/api/v1/events/", "首"),
        ("/api/v1/distinctions/", "第一"),
    ],
)
def test_short_terms_find_exactly_the_records_that_hold_them(client, url, term):
    """One- and two-character terms take the character-index path on PostgreSQL; it must lose nothing."""
    everything = client.get(url, {"limit": 500}).json()["results"]
    filterset = filterset_of(url)
    model = filterset.Meta.model
    holding = {
        record.slug
        for record in model.objects.all()
        if any(term.upper() in str(getattr(record, field)).upper() for field in filterset.search_fields)
    }
    found = {item["slug"] for item in client.get(url, {"search": term, "limit": 500}).json()["results"]}
    assert holding, term
    assert found == holding
    assert len(everything) > len(found)
