"""`make bench-cache`: the API against a bare Django view on PostgreSQL, one URL repeated per endpoint.

For each endpoint, wrk drives the server from its own process for a fixed time at a fixed number of
connections; the table gives requests per second, p50 and p99 latency, and the ratio to the bare view.
Repeating one URL measures the response cache; `make bench` (bench/workload.py) measures distinct URLs.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8792
ENDPOINTS = [
    ("bare Django view (ceiling)", "/bench/bare/", None, None),
    ("list: observations, default page", "/api/v1/observations/", "list", 0.5),
    ("list: zones, default page", "/api/v1/zones/", "list", 0.5),
    ("list: filtered and ordered", "/api/v1/observations/?kind=target&ordering=-value", "list", 0.5),
    ("detail: project with nested records", "/api/v1/projects/calb-jiangmen-base/", "detail", 0.6),
    ("detail: zone with nested records", "/api/v1/zones/jiangmen-industrial-agglomeration-zone/", "detail", 0.6),
    ("conditional: detail answered 304", "/api/v1/projects/calb-jiangmen-base/", "304", 0.8),
]
SUMMARY = re.compile(
    r"requests=(\d+) errors_http=(\d+) errors_socket=(\d+) p50_ms=([\d.]+) p99_ms=([\d.]+) rps=([\d.]+)"
)


def wrk(path, seconds, connections, headers=()):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as mix:
        mix.write(path + "\n")
    command = ["wrk", "--threads", "2", "--connections", str(connections), "--duration", f"{seconds}s"]
    command += ["--timeout", "10s", "--script", str(ROOT / "bench" / "mix.lua")]
    for header in headers:
        command += ["--header", header]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{PORT}"], env={**os.environ, "MIX_FILE": mix.name}, capture_output=True, text=True
    ).stdout
    os.unlink(mix.name)
    match = SUMMARY.search(output)
    if not match:
        sys.exit(f"wrk gave no summary for {path}:\n{output}")
    requests, http_errors, socket_errors, p50, p99, rps = match.groups()
    return {
        "requests": int(requests),
        "errors": int(http_errors) + int(socket_errors),
        "p50": float(p50),
        "p99": float(p99),
        "rps": float(rps),
    }


def serve(extra_env, workers=2):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "jiangmen_api.settings_bench", **extra_env}
    result = subprocess.run(
        [str(ROOT / "bench" / "serve.sh"), str(PORT), "--workers", str(workers)],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    return result.stdout.strip().splitlines()[-1]


def etag_of(path):
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}") as response:
        return response.headers["ETag"]


def run(label, extra_env, seconds, connections):
    pidfile = serve(extra_env)
    try:
        for _, path, _, _ in ENDPOINTS:
            wrk(path, 2, connections)
        rows = []
        for name, path, kind, _ in ENDPOINTS:
            headers = [f"If-None-Match: {etag_of(path)}"] if kind == "304" else []
            rows.append((name, kind, wrk(path, seconds, connections, headers)))
    finally:
        subprocess.run(["kill", Path(pidfile).read_text().strip()], check=False)
    bare = rows[0][2]["rps"]
    print(f"\n### {label}: {seconds} s per endpoint, {connections} connections, gunicorn 2 workers\n")
    print("| endpoint | req/s | p50 ms | p99 ms | vs bare | target | errors |")
    print("|---|---|---|---|---|---|---|")
    for (name, _kind, result), (_, _, _, target) in zip(rows, ENDPOINTS, strict=True):
        ratio = result["rps"] / bare
        goal = "—" if target is None else f"≥ {target:.0%} {'met' if ratio >= target else 'NOT met'}"
        print(
            f"| {name} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} | {ratio:.0%} | {goal} "
            f"| {result['errors']} |"
        )
    worst = max(result["p99"] for _, _, result in rows)
    print(f"\nWorst p99: {worst:.1f} ms (target ≤ 50 ms: {'met' if worst <= 50 else 'NOT met'})")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--cache-url", default="", help="e.g. redis://127.0.0.1:6379/1; local memory if empty")
    parser.add_argument("--without-response-cache", action="store_true", help="measure the uncached path")
    args = parser.parse_args()
    extra = {"API_THROTTLE_RATE": "", "CACHE_URL": args.cache_url}
    if args.without_response_cache:
        extra["API_RESPONSE_CACHE_SECONDS"] = "0"
    cache = args.cache_url or "local memory"
    label = f"response cache {'off' if args.without_response_cache else 'on'} ({cache})"
    print(f"Machine: {os.cpu_count()} cores; server, PostgreSQL and wrk share it.")
    run(label, extra, args.seconds, args.connections)


if __name__ == "__main__":
    main()
