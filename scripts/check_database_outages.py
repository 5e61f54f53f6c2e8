"""Checks against a real PostgreSQL and gunicorn what the suite can only simulate: a database connection
killed between requests costs no request, one killed during a request (`pg_terminate_backend`) costs that
request only, answered 503 with Retry-After, and a database that cannot be reached answers 503 too.

The database named by --database-url must hold the migrated, loaded data; it is only read. CI runs this
after its PostgreSQL data steps (.ci/run).

Usage: .venv/bin/python scripts/check_database_outages.py --database-url postgres://…/db [--port N]
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path):
    """Status, Retry-After and body of a GET."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status, response.headers.get("Retry-After"), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After"), json.loads(error.read())


@contextmanager
def gunicorn(port, database_url):
    """One sync worker, so every request shares its kept connection, as production's workers each do."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": "outage-check-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_RATE": "",
        "DATA_VERSION_MEMO_SECONDS": "0",
        "DATABASE_CONNECT_TIMEOUT": "2",
    }
    env.pop("DJANGO_DEBUG", None)
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "jiangmen_api.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(60):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)


def backends(admin, database):
    return [
        pid
        for (pid,) in admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [database]
        )
    ]


def expect(label, outcome, status):
    code, retry_after, body = outcome
    ok = code == status and (status != 503 or (retry_after and body["error"]["code"] == "service_unavailable"))
    print(f"{'ok ' if ok else 'FAILED'} {label}: {code}, Retry-After {retry_after}")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    port = args.port or free_port()
    database = args.database_url.rsplit("/", 1)[1]
    results = []
    with psycopg.connect(args.database_url, autocommit=True) as admin, gunicorn(port, args.database_url):
        results.append(expect("a first read", get(port, "/api/v1/regions/?_=1"), 200))

        for pid in backends(admin, database):
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        results.append(expect("a read after its kept connection was killed", get(port, "/api/v1/regions/?_=2"), 200))

        # Hold the data version's table so the next read waits inside the database, then kill it there.
        locker = psycopg.connect(args.database_url)
        locker.execute("LOCK TABLE core_dataversion IN ACCESS EXCLUSIVE MODE")
        outcome = {}
        reader = threading.Thread(target=lambda: outcome.update(read=get(port, "/api/v1/regions/?_=3")))
        reader.start()
        for _ in range(100):
            waiting = [
                pid
                for (pid,) in admin.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'", [database]
                )
            ]
            if waiting:
                break
            time.sleep(0.1)
        for pid in waiting:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        reader.join(timeout=30)
        locker.rollback()
        locker.close()
        results.append(bool(waiting) and expect("the read whose connection was killed", outcome["read"], 503))
        results.append(expect("the next read", get(port, "/api/v1/regions/?_=4"), 200))

    unreachable = args.database_url.replace(
        args.database_url.split("@", 1)[1].split("/", 1)[0], f"127.0.0.1:{free_port()}"
    )
    with gunicorn(port, unreachable):
        results.append(expect("a read with the database unreachable", get(port, "/api/v1/regions/"), 503))
        code, _, body = get(port, "/healthz")
        print(f"{'ok ' if code == 503 else 'FAILED'} /healthz with the database unreachable: {code} {body}")
        results.append(code == 503)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
