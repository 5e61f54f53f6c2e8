"""Read replicas: an API read is pinned to one replica; writes, migrations, the admin and scripts use the primary.

The real replica (a streaming hot standby, its lag and the ETags it gives) is proved by scripts/replica_check.py
in CI.
"""

from django.db import router
from django.test import RequestFactory, override_settings

from apps.core import versioning
from apps.core.models import DataVersion
from apps.regions.models import Region
from jiangmen_api.routers import DatabasePinMiddleware, ReadReplicaRouter, pinned_database

DATABASES = {"default": {}, "replica1": {}, "replica2": {}}
ROUTERS = ["jiangmen_api.routers.ReadReplicaRouter"]


def databases_read_by(request, reads=5):
    """The databases each read of a request would go to, and whether the pin is lifted after it."""
    seen = []

    def view(request):
        seen.extend(router.db_for_read(Region) for _ in range(reads))
        return None

    with override_settings(DATABASE_ROUTERS=ROUTERS):
        DatabasePinMiddleware(view, DATABASES)(request)
    assert pinned_database.get() == "default"
    return seen


def test_an_api_read_reads_one_replica_throughout_and_requests_spread_over_them():
    factory = RequestFactory()
    chosen = set()
    for _ in range(50):
        seen = databases_read_by(factory.get("/api/v1/projects/"))
        assert len(set(seen)) == 1
        chosen |= set(seen)
    assert chosen == {"replica1", "replica2"}


def test_the_admin_writes_other_pages_and_as_of_reads_read_the_primary():
    factory = RequestFactory()
    for request in (
        factory.get("/admin/projects/project/"),
        factory.post("/admin/projects/project/1/change/"),
        factory.post("/api/v1/projects/"),
        factory.get("/"),
        factory.get("/api/v1/projects/", {"as_of": "2026-12-31"}),  # temporary views, which a standby refuses
    ):
        assert set(databases_read_by(request)) == {"default"}, request.path


def test_writes_migrations_and_reads_outside_a_request_use_the_primary():
    router = ReadReplicaRouter()
    assert router.db_for_read(Region) == "default"
    assert router.db_for_write(Region) == "default"
    assert router.allow_migrate("default", "regions")
    assert not router.allow_migrate("replica1", "regions")


def test_the_data_version_is_read_from_the_database_the_request_reads(monkeypatch):
    """Version and content from one database, and each database's version memoised apart."""
    read_from = []

    def read_version(using=None):
        read_from.append(using)
        return versioning.Version(len(read_from), DataVersion(name="").changed_at)

    monkeypatch.setattr(versioning, "read_version", read_version)
    monkeypatch.setattr(versioning, "_memo", {})
    with override_settings(DATABASE_ROUTERS=ROUTERS, DATA_VERSION_MEMO_SECONDS=60):
        for database in ("replica1", "default", "replica1", "replica2"):
            token = pinned_database.set(database)
            try:
                versioning.current_version()
            finally:
                pinned_database.reset(token)
    assert read_from == ["replica1", "default", "replica2"]


def test_replica_urls_in_the_environment_become_databases_and_turn_the_router_on():
    import subprocess
    import sys

    from django.conf import settings

    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(sorted(settings.DATABASES), settings.DATABASE_ROUTERS, settings.MIDDLEWARE[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "jiangmen_api.settings",
            "DJANGO_SECRET_KEY": "router-test-only",
            "DATABASE_REPLICA_URLS": "postgres://r1/db,postgres://r2/db",
        },
    )
    assert result.stdout.strip() == (
        "['default', 'replica1', 'replica2'] ['jiangmen_api.routers.ReadReplicaRouter'] "
        "jiangmen_api.routers.DatabasePinMiddleware"
    )
