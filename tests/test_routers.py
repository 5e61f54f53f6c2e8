"""Read replicas: reads spread over them, writes and migrations stay on the primary."""

from apps.regions.models import Region
from jiangmen_api.routers import ReadReplicaRouter


def test_reads_go_to_replicas_and_writes_to_the_primary():
    router = ReadReplicaRouter({"default": {}, "replica1": {}, "replica2": {}})
    assert {router.db_for_read(Region) for _ in range(50)} == {"replica1", "replica2"}
    assert router.db_for_write(Region) == "default"
    assert router.allow_migrate("default", "regions")
    assert not router.allow_migrate("replica1", "regions")


def test_without_replicas_everything_uses_the_primary():
    router = ReadReplicaRouter()
    assert router.db_for_read(Region) == "default"


def test_replica_urls_in_the_environment_become_databases_and_turn_the_router_on():
    import subprocess
    import sys

    from django.conf import settings

    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(sorted(settings.DATABASES), settings.DATABASE_ROUTERS)"
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
    assert result.stdout.strip() == "['default', 'replica1', 'replica2'] ['jiangmen_api.routers.ReadReplicaRouter']"
