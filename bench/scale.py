"""`make bench-scale`: a filtered, paginated list at 1x, 100x and 10,000x the curated data on PostgreSQL.

The response cache is off, so every request runs its queries. For each scale it reports p50 and p99
from wrk (8 connections, gunicorn 2 workers) for the queries below, then the plan of every ordering and
filter of every list endpoint (bench/plans.py): slow pages and sequential scans on large tables.
Finally it removes the synthetic data; the raw figures go to artifacts/bench-scale.json.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import serve, wrk

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
# Each query but the last matches at least a page of 10 records at 1x, so every scale serialises the
# same page size; the last matches nothing at any scale, which an unindexed search answers by reading
# every row.
QUERIES = [
    ("observations: kind=target, ordered by value", "/api/v1/observations/?kind=target&ordering=-value&limit=10"),
    ("observations: period from 2023", "/api/v1/observations/?period_from=2023-01-01&limit=10"),
    ("observations: search 亿元", "/api/v1/observations/?search=%E4%BA%BF%E5%85%83&limit=10"),
    ("zones: in Jiangmen, ordered by name", "/api/v1/zones/?region=jiangmen&ordering=name_en&limit=10"),
    ("events: firsts, ordered by date", "/api/v1/events/?is_first=true&ordering=date&limit=10"),
    ("observations: search 熊猫, no match", "/api/v1/observations/?search=%E7%86%8A%E7%8C%AB&limit=10"),
]


def manage(*args, env):
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout


def plans(env):
    """Plans of every ordering and filter of every list endpoint, and of the benchmark's queries."""
    output = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "bench" / "plans.py"), *(path for _, path in QUERIES)],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    return json.loads(output)


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
            found = plans(env)
            pidfile = serve({**env, "API_RESPONSE_CACHE_SECONDS": "0"})
            try:
                rows = []
                for name, path in QUERIES:
                    wrk(path, 2, 8)
                    rows.append((name, path, wrk(path, args.seconds, 8)))
            finally:
                subprocess.run(["kill", Path(pidfile).read_text().strip()], check=False)
            results[scale] = (rows, found, generated)
            print(f"scale {scale}x done ({generated:.0f} s to generate)", flush=True)
    finally:
        manage("remove_synthetic_data", env=env)
        # Millions of deleted rows leave stale statistics and bloated tables behind, which would send
        # a later `make bench` on this database to sequential scans; reclaim them now.
        subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", database, "-c", "VACUUM FULL ANALYZE"])
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bench-scale.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    base = {name: result["p50"] for name, _, result in results[min(results)][0]}
    print(f"\nMachine: {os.cpu_count()} cores. Response cache off; 8 connections; gunicorn 2 workers.\n")
    print("| scale | query | req/s | p50 ms | p99 ms | p50 vs 1x |")
    print("|---|---|---|---|---|---|")
    for scale, (rows, _, _) in results.items():
        for name, _, result in rows:
            latency = f"{result['p50']:.1f} | {result['p99']:.1f}"
            print(f"| {scale}x | {name} | {result['rps']:.0f} | {latency} | {result['p50'] / base[name]:.2f}x |")
    print("\nPage queries of every ordering and filter (EXPLAIN ANALYZE, best of two):\n")
    print("| scale | queries | over 20 ms | slowest count ms | seq scans on large tables | slowest (plan + run ms) |")
    print("|---|---|---|---|---|---|")
    for scale, (_, found, _) in results.items():
        total = {path: plan["planning"] + plan["execution"] for path, plan in found.items()}
        slowest = sorted(total, key=total.get, reverse=True)[:5]
        scans = sorted({f"{path}: {t}" for path, plan in found.items() for t in plan["seq_scans"]})
        print(
            f"| {scale}x | {len(found)} | {sum(t > 20 for t in total.values())} "
            f"| {max(plan['count'] for plan in found.values()):.0f} | {'; '.join(scans) or 'none'} "
            f"| {'; '.join(f'`{unquote(path)}` {total[path]:.0f}' for path in slowest)} |"
        )


if __name__ == "__main__":
    main()
