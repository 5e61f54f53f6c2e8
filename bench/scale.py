"""`make bench-scale`: a filtered, paginated list at 1x, 100x and 10,000x the curated data on PostgreSQL.

The response cache is off, so every request runs its queries. For each scale it reports p50 and p99
from wrk (8 connections, gunicorn 2 workers), checks the query plans for sequential scans on large
tables, and finally removes the synthetic data.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import serve, wrk

ROOT = Path(__file__).resolve().parent.parent
# Each query matches at least a page of 10 records at 1x, so every scale serialises the same page size.
QUERIES = [
    ("observations: kind=target, ordered by value", "/api/v1/observations/?kind=target&ordering=-value&limit=10"),
    ("observations: period from 2023", "/api/v1/observations/?period_from=2023-01-01&limit=10"),
    ("observations: search 亿元", "/api/v1/observations/?search=%E4%BA%BF%E5%85%83&limit=10"),
    ("zones: in Jiangmen, ordered by name", "/api/v1/zones/?region=jiangmen&ordering=name_en&limit=10"),
    ("events: firsts, ordered by date", "/api/v1/events/?is_first=true&ordering=date&limit=10"),
]
LARGE_TABLE_ROWS = 10_000


def manage(*args, env):
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout


EXPLAIN = """
import json
from django.db import connection
from django.test import RequestFactory
from rest_framework.request import Request
from django.urls import resolve
results = {}
for path in PATHS:
    match = resolve(path.split("?")[0])
    view = match.func.cls(action="list", format_kwarg=None)
    request = Request(RequestFactory().get(path))
    view.request = request
    queryset = view.filter_queryset(view.get_queryset())[:50]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    scans = []
    def walk(node):
        if node.get("Node Type") == "Seq Scan":
            scans.append((node["Relation Name"], node.get("Plan Rows", 0)))
        for child in node.get("Plans", []):
            walk(child)
    walk(plan[0]["Plan"] if isinstance(plan, list) else json.loads(plan)[0]["Plan"])
    sizes = {}
    for table, _ in scans:
        cursor = connection.cursor()
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table])
        sizes[table] = cursor.fetchone()[0]
    results[path] = [(table, sizes[table]) for table, _ in scans]
print(json.dumps(results))
"""


def seq_scans_on_large_tables(env):
    code = f"PATHS = {json.dumps([path for _, path in QUERIES])}\n{EXPLAIN}"
    output = manage("shell", "-c", code, env=env).strip().splitlines()[-1]
    found = json.loads(output)
    return {path: [t for t, rows in scans if rows >= LARGE_TABLE_ROWS] for path, scans in found.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="1,100,10000")
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    database = os.environ.get("BENCH_DATABASE", "jiangmen_bench")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "DJANGO_SECRET_KEY": "bench-only-secret-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_RATE": "",
    }
    subprocess.run(
        ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {database}"], capture_output=True
    )
    manage("migrate", "--noinput", env=env)
    manage("load_curated_data", env=env)
    results = {}
    try:
        for scale in [int(s) for s in args.scales.split(",")]:
            started = time.monotonic()
            manage("generate_synthetic_data", f"--scale={scale}", env=env)
            subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", database, "-c", "VACUUM ANALYZE"])
            generated = time.monotonic() - started
            scans = seq_scans_on_large_tables(env)
            pidfile = serve({**env, "API_RESPONSE_CACHE_SECONDS": "0"})
            try:
                rows = []
                for name, path in QUERIES:
                    wrk(path, 2, 8)
                    rows.append((name, path, wrk(path, args.seconds, 8)))
            finally:
                subprocess.run(["kill", Path(pidfile).read_text().strip()], check=False)
            results[scale] = (rows, scans, generated)
            print(f"scale {scale}x done ({generated:.0f} s to generate)", flush=True)
    finally:
        manage("remove_synthetic_data", env=env)
    base = {name: result["p50"] for name, _, result in results[min(results)][0]}
    print(f"\nMachine: {os.cpu_count()} cores. Response cache off; 8 connections; gunicorn 2 workers.\n")
    print("| scale | query | req/s | p50 ms | p99 ms | p50 vs 1x | seq scans on large tables |")
    print("|---|---|---|---|---|---|---|")
    for scale, (rows, scans, _) in results.items():
        for name, path, result in rows:
            ratio = result["p50"] / base[name]
            print(
                f"| {scale}x | {name} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} "
                f"| {ratio:.2f}x | {', '.join(scans[path]) or 'none'} |"
            )


if __name__ == "__main__":
    main()
