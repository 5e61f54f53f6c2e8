import pytest
from django.core.cache import caches
from django.core.management import call_command

from apps.core.api.fragments import READ_AHEADS
from apps.core.memo import BytesMemo


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
    """Cached responses and rendered records are keyed by data versions, which a rolled-back test can reuse."""
    for alias in caches:
        caches[alias].clear()
    BytesMemo.clear_all()
    READ_AHEADS.clear()
    yield
    for alias in caches:
        caches[alias].clear()
    BytesMemo.clear_all()
