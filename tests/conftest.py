import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the curated dataset, loaded once by the command the README uses."""
    with django_db_blocker.unblock():
        call_command("load_curated_data", verbosity=0)


@pytest.fixture(autouse=True)
def _database_access(db):
    """Each test runs in a transaction that is rolled back, over the curated data."""


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached responses are keyed by the data version, which a rolled-back test can reuse."""
    cache.clear()
    yield
    cache.clear()
