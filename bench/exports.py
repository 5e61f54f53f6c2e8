"""`make bench-exports`: a whole export's worker memory, and cursor pages at the start and the end of a list.

For each scale (synthetic copies of the curated data on PostgreSQL, as `make bench-scale` makes them) one
gunicorn worker serves with the response cache off and the export limits lifted. The benchmark streams the
whole observation list as CSV and as NDJSON, sampling the worker's resident memory every 10 ms, and
reports it before and at its peak, with the rows, bytes and time. Then it times pages of 50 (median of 20
requests, after two to warm up) at the start and at the end of the observation list, by cursor and by
offset, in the default order and by value: a cursor page should cost the same at both ends. The end cursor
is the start page's `next` with the values of the record 51st from the end (its format is the API's own:
base64 of `{"o": ordering, "v": values}`). The synthetic data is removed afterwards.

    .venv/bin/python bench/exports.py --scales 1,100,10000 --database jiangmen_bench_exports --port 8792
    .venv/bin/python bench/exports.py --scales 10000 --database jiangmen_scale10k --prepared   # made beforehand
"""

import argparse
import base64
import json
import os
import statistics
import subprocess
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
PAGE = 50
LIST = "/api/v1/observations/"
ORDERINGS = [("default order", {}, ["slug"]), ("by value, descending", {"ordering": "-value"}, ["value", "slug"])]


def psql(database, sql):
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", database, "-c", sql], check=True)


def manage(env, *args):
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True)


def serve(env, port):
    """One gunicorn worker; returns its master's pid."""
    result = subprocess.run(
        [str(ROOT / "bench" / "serve.sh"), str(port), "--workers", "1", "--timeout", "3600"],
        env={**env, "DJANGO_SETTINGS_MODULE": "jiangmen_api.settings_bench"},
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(result.stdout.strip().splitlines()[-1]).read_text().strip()


def worker_rss_kib(master):
    child = Path(f"/proc/{master}/task/{master}/children").read_text().split()[0]
    status = Path(f"/proc/{child}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))


def get(base, path, params=None):
    url = f"{base}{path}" + (f"?{urlencode(params)}" if params else "")
    with urllib.request.urlopen(url, timeout=3600) as response:
        return json.loads(response.read())


def export(base, master, file_format):
    """Stream the whole list, sampling the worker's memory while it is written."""
    before = worker_rss_kib(master)
    samples, done = [before], threading.Event()

    def sample():
        while not done.is_set():
            samples.append(worker_rss_kib(master))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    started = time.monotonic()
    sampler.start()
    size = 0
    try:
        with urllib.request.urlopen(f"{base}{LIST}export/?format={file_format}", timeout=3600) as response:
            rows = int(response.headers["X-Total-Count"])
            while chunk := response.read(1 << 16):
                size += len(chunk)
    finally:
        done.set()
        sampler.join()
    return {
        "rows": rows,
        "bytes": size,
        "seconds": time.monotonic() - started,
        "rss_before_mib": before / 1024,
        "rss_peak_mib": max(samples) / 1024,
    }


def median_ms(url, repeat=20):
    for _ in range(2):
        urllib.request.urlopen(url).read()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        urllib.request.urlopen(url).read()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def end_cursor(base, params, fields, total):
    """The cursor of the last page: the start page's, pointing after the record 51st from the end."""
    start = get(base, LIST, {**params, "cursor": "start", "limit": PAGE})
    token = parse_qs(urlparse(start["next"]).query)["cursor"][0]
    position = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    before_end = get(base, LIST, {**params, "offset": total - PAGE - 1, "limit": 1, "fields": ",".join(fields)})
    position["v"] = [before_end["results"][0][name] for name in fields]
    return base64.urlsafe_b64encode(json.dumps(position, separators=(",", ":")).encode()).decode().rstrip("=")


def pages(base, total):
    rows = []
    for name, params, fields in ORDERINGS:
        cursor = end_cursor(base, params, fields, total)
        urls = {
            "cursor, first page": {**params, "cursor": "start", "limit": PAGE},
            "cursor, last page": {**params, "cursor": cursor, "limit": PAGE},
            "offset, first page": {**params, "limit": PAGE},
            "offset, last page": {**params, "offset": total - PAGE, "limit": PAGE},
        }
        assert len(get(base, LIST, urls["cursor, last page"])["results"]) == PAGE
        rows.append((name, {label: median_ms(f"{base}{LIST}?{urlencode(query)}") for label, query in urls.items()}))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10000")
    parser.add_argument("--database", default="jiangmen_bench_exports")
    parser.add_argument("--port", type=int, default=8792)
    parser.add_argument(
        "--prepared",
        action="store_true",
        help="The database already holds the one scale given (generate_synthetic_data run beforehand): it is "
        "migrated, neither loaded nor generated, and left as it is.",
    )
    parser.add_argument("--formats", default="csv,ndjson")
    args = parser.parse_args()
    env = {
        **os.environ,
        "BENCH_DATABASE": args.database,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "DJANGO_SECRET_KEY": "bench-only-secret-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_RATE": "",
        "API_EXPORT_THROTTLE_RATE": "",
        "API_EXPORT_MAX_ROWS": str(10**9),
        "API_RESPONSE_CACHE_SECONDS": "0",
    }
    base = f"http://127.0.0.1:{args.port}"
    if not args.prepared:
        subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {args.database}"])
    manage(env, "migrate", "--noinput", "-v0")
    if not args.prepared:
        manage(env, "load_curated_data", "-v0")
    formats = args.formats.split(",")
    results = {}
    try:
        for scale in [int(s) for s in args.scales.split(",")]:
            if scale > 1 and not args.prepared:
                manage(env, "generate_synthetic_data", f"--scale={scale}")
            psql(args.database, "VACUUM ANALYZE")
            master = serve(env, args.port)
            try:
                get(base, LIST)  # the worker's baseline: it has answered a request
                exported = {file_format: export(base, master, file_format) for file_format in formats}
                results[scale] = (exported, pages(base, exported[formats[0]]["rows"]))
            finally:
                subprocess.run(["kill", master], check=False)
                time.sleep(1)
            if not args.prepared:
                manage(env, "remove_synthetic_data")
            print(f"scale {scale}x done", flush=True)
    finally:
        if not args.prepared:
            manage(env, "remove_synthetic_data")
            psql(args.database, "VACUUM FULL ANALYZE")
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "bench-exports.json").write_text(json.dumps(results, indent=1))
    print(f"\nWhole export of {LIST} (one gunicorn worker, response cache off):\n")
    print("| scale | format | rows | MiB | seconds | rows/s | worker RSS before | peak | growth |")
    print("|---|---|---|---|---|---|---|---|---|")
    for scale, (exported, _) in results.items():
        for file_format, run in exported.items():
            print(
                f"| {scale}x | {file_format} | {run['rows']:,} | {run['bytes'] / 2**20:.1f} | {run['seconds']:.1f} "
                f"| {run['rows'] / run['seconds']:,.0f} | {run['rss_before_mib']:.1f} MiB | {run['rss_peak_mib']:.1f} "
                f"MiB | {run['rss_peak_mib'] - run['rss_before_mib']:+.1f} MiB |"
            )
    print(f"\nPages of {PAGE} of {LIST} (median ms of 20 requests):\n")
    labels = ["cursor, first page", "cursor, last page", "offset, first page", "offset, last page"]
    print(f"| scale | order | {' | '.join(labels)} |")
    print("|---|---|" + "---|" * len(labels))
    for scale, (_, rows) in results.items():
        for name, times in rows:
            print(f"| {scale}x | {name} | " + " | ".join(f"{times[label]:.1f}" for label in labels) + " |")


if __name__ == "__main__":
    main()
