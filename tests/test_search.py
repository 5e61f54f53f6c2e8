"""Search over bilingual text: the PostgreSQL indexes behind it, and short terms that lose nothing."""

import pytest
from django.db.migrations.loader import MigrationLoader
from django.urls import resolve

from apps.core.operations import CreateSearchIndexes
from apps.core.registry import registry

SEARCHED = [resource for resource in registry if resource.search_fields]
SEARCHABLE = [f"/api/v1/{resource.name}/" for resource in SEARCHED]


def search_indexes():
    """(app label, model name) → the fields each migration's CreateSearchIndexes indexes."""
    found = {}
    for (app_label, _), migration in MigrationLoader(None, ignore_no_migrations=True).disk_migrations.items():
        for operation in migration.operations:
            if isinstance(operation, CreateSearchIndexes):
                found[(app_label, operation.model_name)] = operation.fields
    return found


def filterset_of(url):
    return resolve(url).func.cls.filterset_class


def test_the_search_indexes_cover_exactly_the_searchable_models():
    models = {(resource.model._meta.app_label, resource.model._meta.model_name) for resource in SEARCHED}
    assert set(search_indexes()) == models


@pytest.mark.parametrize("resource", SEARCHED, ids=lambda resource: resource.name)
def test_search_indexes_cover_the_searched_columns_in_order(resource):
    """PostgreSQL uses an expression index only when the query repeats its expression exactly."""
    key = (resource.model._meta.app_label, resource.model._meta.model_name)
    assert search_indexes()[key] == list(resource.search_fields)
    assert list(resource.search_fields) == list(filterset_of(f"/api/v1/{resource.name}/").search_fields)


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
