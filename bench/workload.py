"""`make bench`: what clients that do not repeat one URL get, as ratios to the bare Django view, in one run.

Repeating one URL measures the response cache, not the cost of building a response (issue #12). So
this run, on a fresh copy of the curated data (an SQLite file by default, as a new user would serve
it), with gunicorn at 2 sync workers, wrk at 16 connections and one server up at a time, measures:

1. cache off (API_RESPONSE_CACHE_SECONDS=0): the bare view, the observations list of 50, a filtered
   and ordered list of 50 and the CALB project's detail; first a sample of the generated URLs is
   checked to answer 200 (on this server, so the check warms no cache of the next);
2. the response cache as shipped (local memory): the bare view, then the distinct-URL workload
   (bench/urls.py: URLs drawn from the schema and the data, none sent twice), then one curator save
   through the ORM in another process, then the workload again on fresh URLs for the time that follows;
3. Datasette 0.65 (its own virtual environment, 2 uvicorn workers) on the same SQLite file, asked the
   three questions of step 1 with `_labels=on`.

The bare view is run at the start and at the end of each API server's turn; its mean rate is the
denominator of that server's ratios. The API's cache-off rates are divided by Datasette's for the
same question. It prints a markdown table for docs/performance.md and keeps the raw figures in
artifacts/bench-workload.json. Every server it starts it stops, also on error.
"""

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import SUMMARY

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
DATASETTE_VENV = ROOT / "bench" / ".venv-datasette"
ARTIFACTS = ROOT / "artifacts"
API_PORT = 8812
DATASETTE_PORT = 8813
POSTGRES_DATABASE = "jiangmen_bench12"
WARM_URLS = 1000
# The questions asked of both servers with the response cache off: (name, API path, Datasette query, target).
QUESTIONS = [
    ("list of 50 observations", "/api/v1/observations/?limit=50", "indicators_observation.json?_size=50", 0.20),
    (
        "filtered and ordered list of 50",
        "/api/v1/observations/?kind=target&ordering=-value&limit=50",
        "indicators_observation.json?kind=target&_sort_desc=value&_size=50",
        0.20,
    ),
    (
        "one record by slug (CALB project)",
        "/api/v1/projects/calb-jiangmen-base/",
        "projects_project.json?slug=calb-jiangmen-base",
        0.30,
    ),
]
DISTINCT_TARGET, DISTINCT_P99_MS, AFTER_WRITE_TARGET, DATASETTE_TARGET = 0.35, 100, 0.25, 3.0
# One curator's save: an observation of a project (embedded in the project's answers), its English
# description revised, through the ORM and so through the signals that a save in the admin runs.
CURATOR_SAVE = """
from apps.core.models import DataVersion
from apps.indicators.models import Observation
before = DataVersion.objects.get(pk=1).version
record = Observation.objects.filter(project__isnull=False).order_by("slug").first()
record = record or Observation.objects.order_by("slug").first()
record.description_en = record.description_en.rstrip() + " (revised)"
record.save()
print(record.slug, before, DataVersion.objects.get(pk=1).version)
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


def base_env():
    """The caller's environment without the project's settings, so every default is the shipped one."""
    prefixes = ("DJANGO_", "DATABASE_", "API_", "CACHE_URL", "DATA_VERSION_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(prefixes)}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "jiangmen_api.settings_bench",
        "DJANGO_SECRET_KEY": "bench-only-secret-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_RATE": "",
    }


def manage(*args, env):
    return subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    ).stdout


def psql(*args, database="postgres"):
    return subprocess.run(
        ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", *args],
        check=True,
        text=True,
        capture_output=True,
    )


def prepare_database(kind, workdir, scale, env, existing=None):
    """A fresh database with the curated data (and synthetic copies at a scale above 1): (env, SQLite path).

    An existing PostgreSQL database is used as it is: generating 10,000x the data takes most of an hour.
    """
    if existing:
        return {**env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{existing}"}, None
    if kind == "sqlite":
        path = workdir / "jiangmen.sqlite3"
        env = {**env, "DATABASE_URL": f"sqlite:///{path}"}
    else:
        path = None
        psql("-c", f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE} WITH (FORCE)")
        psql("-c", f"CREATE DATABASE {POSTGRES_DATABASE}")
        env = {**env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{POSTGRES_DATABASE}"}
    manage("migrate", "--noinput", env=env)
    manage("load_curated_data", env=env)
    if scale > 1:
        manage("generate_synthetic_data", f"--scale={scale}", env=env)
        if kind == "postgres":
            psql("-c", "VACUUM ANALYZE", database=POSTGRES_DATABASE)
    return env, path


def generate_urls(env, workdir, count, seed):
    """Distinct URLs from the schema and the data (bench/urls.py), and its report per operation."""
    out, report = workdir / "urls.txt", workdir / "urls.json"
    started = time.monotonic()
    subprocess.run(
        [str(PYTHON), "bench/urls.py", "--count", str(count), "--seed", str(seed), "--out", out, "--report", report],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "jiangmen_api.settings"},
        check=True,
        text=True,
        capture_output=True,
    )
    urls = out.read_text().splitlines()
    if len(set(urls)) != len(urls):
        sys.exit("bench/urls.py repeated a URL")
    return urls, json.loads(report.read_text()), time.monotonic() - started


def port_is_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


class Server:
    """A server process group on 127.0.0.1, up once `ready_path` answers, stopped (the whole group) on exit."""

    def __init__(self, name, command, env, port, ready_path, log_path):
        self.name, self.command, self.env, self.port, self.ready_path = name, command, env, port, ready_path
        self.log_path = log_path
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        if not port_is_free(self.port):
            sys.exit(f"port {self.port} is already serving; stop that server first")
        with open(self.log_path, "ab") as log_file:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log_file, stderr=log_file, start_new_session=True
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                sys.exit(f"{self.name} exited at start:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base + self.ready_path, timeout=5) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        self.stop()
        sys.exit(f"{self.name} did not answer within 60 s:\n{self.log_tail()}")

    def log_tail(self):
        """The end of the server's log: the run's folder, and the log with it, is removed on the way out."""
        return "\n".join(Path(self.log_path).read_text(errors="replace").splitlines()[-30:])

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def worker_rss_mib(self):
        """Resident memory of each worker (the server's child processes), in MiB."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        sizes = []
        for child in children:
            status = Path(f"/proc/{child}/status").read_text()
            sizes.append(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))))
        return [round(size / 1024, 1) for size in sizes]


def api_server(env, workdir):
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "jiangmen_api.wsgi", "--bind", f"127.0.0.1:{API_PORT}"]
    command += ["--workers", "2", "--access-logfile", "/dev/null", "--error-logfile", "-"]
    return Server("gunicorn", command, env, API_PORT, "/healthz", workdir / "gunicorn.log")


def wrk(base, paths, seconds, connections, once=False, threads=2):
    """wrk over the paths (cycled, or each sent once at most), from its own process: one summary."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as mix:
        mix.write("".join(f"{path}\n" for path in paths))
    command = ["wrk", "--threads", str(threads), "--connections", str(connections), "--duration", f"{seconds}s"]
    command += ["--timeout", "10s", "--script", str(ROOT / "bench" / "mix.lua"), base]
    env = {**os.environ, "MIX_FILE": mix.name, "MIX_ONCE": "1" if once else "0", "MIX_THREADS": str(threads)}
    try:
        output = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 60).stdout
    finally:
        os.unlink(mix.name)
    match = SUMMARY.search(output)
    if not match:
        sys.exit(f"wrk gave no summary:\n{output}")
    requests, http_errors, socket_errors, p50, p99, rps = match.groups()
    extra = dict(part.split("=") for part in output[match.end() :].split("\n")[0].split())
    return {
        "requests": int(requests),
        "errors": int(http_errors) + int(socket_errors),
        "p50": float(p50),
        "p99": float(p99),
        "rps": float(rps),
        "sent": int(extra.get("sent", 0)),
        "exhausted": int(extra.get("exhausted", 0)),
        "seconds": float(extra.get("seconds", seconds)),
    }


def fetch(url, timeout=30):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body = response.read()
            if response.headers.get_content_type() == "application/json":
                json.loads(body)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError, ValueError) as error:
        return type(error).__name__


def check_sample(base, urls, size, seed):
    """GET a random sample of the URLs (2 at a time): the statuses other than 200, with their URLs."""
    sample = random.Random(seed).sample(urls, min(size, len(urls)))
    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = list(pool.map(lambda path: fetch(base + path), sample))
    return len(sample), [(path, status) for path, status in zip(sample, statuses, strict=True) if status != 200]


def curator_save(env):
    """One record saved through the ORM in another process, as a curator's save would: (slug, version before, after)."""
    output = manage("shell", "-c", CURATOR_SAVE, env={**env, "DJANGO_SETTINGS_MODULE": "jiangmen_api.settings"})
    slug, before, after = output.split()[-3:]
    return slug, int(before), int(after)


def measure_cache_off(env, workdir, args, pools):
    """Step 1: the URL sample checked, then the bare view and the three questions, response cache off."""
    results = {}
    with api_server({**env, "API_RESPONSE_CACHE_SECONDS": "0"}, workdir) as server:
        checked, failed = check_sample(server.base, pools["distinct"] + pools["after_write"], args.check, args.seed)
        results["check"] = {"checked": checked, "failed": failed}
        log(f"checked {checked} generated URLs against the server: {checked - len(failed)} answered 200")
        for path in ["/bench/bare/", *(q[1] for q in QUESTIONS)]:
            wrk(server.base, [path], 2, args.connections)
        results["bare"] = wrk(server.base, ["/bench/bare/"], args.seconds, args.connections)
        for name, path, _, _ in QUESTIONS:
            results[name] = wrk(server.base, [path], args.seconds, args.connections)
            log(f"cache off, {name}: {results[name]['rps']:.0f} req/s")
        results["bare_end"] = wrk(server.base, ["/bench/bare/"], args.seconds, args.connections)
        results["rss_mib"] = server.worker_rss_mib()
    return results


def measure_distinct(env, workdir, args, pools):
    """Step 2: the bare view, the distinct-URL workload, one curator save, the workload again on fresh URLs."""
    results = {}
    with api_server(env, workdir) as server:
        wrk(server.base, ["/bench/bare/"], 2, args.connections)
        wrk(server.base, pools["warm"], 3, args.connections, once=True)
        results["bare"] = wrk(server.base, ["/bench/bare/"], args.seconds, args.connections)
        for pool in ("distinct", "after_write"):
            if results["bare"]["rps"] * args.seconds > len(pools[pool]):
                log(f"warning: at the bare view's rate, {len(pools[pool])} URLs last under {args.seconds} s")
        results["distinct"] = wrk(server.base, pools["distinct"], args.seconds, args.connections, once=True)
        results["rss_mib_after_distinct"] = server.worker_rss_mib()
        log(f"distinct URLs, cache as shipped: {results['distinct']['rps']:.0f} req/s")
        started = time.monotonic()
        slug, before, after = curator_save(env)
        results["write"] = {"record": f"observations/{slug}", "version_before": before, "version_after": after}
        results["write"]["seconds"] = round(time.monotonic() - started, 2)
        results["after_write"] = wrk(server.base, pools["after_write"], args.seconds, args.connections, once=True)
        results["rss_mib"] = server.worker_rss_mib()
        results["bare_end"] = wrk(server.base, ["/bench/bare/"], args.seconds, args.connections)
        log(f"distinct URLs after a save: {results['after_write']['rps']:.0f} req/s")
    return results


def measure_datasette(sqlite_path, workdir, args):
    """Step 3: Datasette on the same file, 2 uvicorn workers, the three questions with `_labels=on`."""
    database = sqlite_path.stem
    command = [str(DATASETTE_VENV / "bin" / "uvicorn"), "datasette_app:app", "--app-dir", str(ROOT / "bench")]
    command += ["--host", "127.0.0.1", "--port", str(DATASETTE_PORT), "--workers", "2", "--no-access-log"]
    command += ["--log-level", "warning"]
    env = {**os.environ, "DATASETTE_DB": str(sqlite_path)}
    results = {}
    with Server("datasette", command, env, DATASETTE_PORT, "/-/versions.json", workdir / "datasette.log") as server:
        with urllib.request.urlopen(server.base + "/-/versions.json", timeout=30) as response:
            results["version"] = json.loads(response.read())["datasette"]["version"]
        for name, _, query, _ in QUESTIONS:
            path = f"/{database}/{query}&_labels=on" + ("&_nosuggest=1" if args.datasette_nosuggest else "")
            with urllib.request.urlopen(server.base + path, timeout=30) as response:
                rows = len(json.loads(response.read())["rows"])
            if not rows:
                sys.exit(f"Datasette found no rows for {path}")
            wrk(server.base, [path], 2, args.connections)
            results[name] = {**wrk(server.base, [path], args.seconds, args.connections), "path": path, "rows": rows}
            log(f"Datasette, {name}: {results[name]['rps']:.0f} req/s")
    return results


def magnitude(number):
    return f"{number:,}" if number < 10**6 else f"~10^{len(str(number)) - 1}"


def verdict(met):
    return "met" if met else "NOT met"


def ceiling(results, row, server):
    """The bare view's rate on a server: the mean of a run before and one after its workloads, so that
    noise from a machine shared with other work weighs less on every ratio."""
    first, last = results["bare"], results["bare_end"]
    rps = (first["rps"] + last["rps"]) / 2
    mean = {
        **first,
        "rps": rps,
        "p99": max(first["p99"], last["p99"]),
        "errors": first["errors"] + last["errors"],
    }
    row(f"bare Django view (ceiling), {server}: {first['rps']:.0f} before, {last['rps']:.0f} after", mean, "1", "—")
    return rps


def table(run):
    """The markdown table: every figure as a ratio to the bare view of the same server, in the same run."""
    lines = [
        "| workload | req/s | p50 ms | p99 ms | ratio | target | errors |",
        "|---|---|---|---|---|---|---|",
    ]

    def row(name, result, ratio, target):
        lines.append(
            f"| {name} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} | {ratio} | {target} "
            f"| {result['errors']} |"
        )

    off, distinct, datasette = run["cache_off"], run["distinct"], run.get("datasette")
    bare = ceiling(distinct, row, "cache-as-shipped server")
    ratio = distinct["distinct"]["rps"] / bare
    p99 = distinct["distinct"]["p99"]
    met = ratio >= DISTINCT_TARGET and p99 < DISTINCT_P99_MS
    row(
        f"distinct URLs, cache as shipped ({distinct['distinct']['sent']} sent, none repeated)",
        distinct["distinct"],
        f"{ratio:.3f}",
        f"≥ {DISTINCT_TARGET}, p99 < {DISTINCT_P99_MS} ms: {verdict(met)}",
    )
    ratio = distinct["after_write"]["rps"] / bare
    row(
        f"distinct URLs, {distinct['after_write']['seconds']:.0f} s after one curator save (fresh URLs)",
        distinct["after_write"],
        f"{ratio:.3f}",
        f"≥ {AFTER_WRITE_TARGET}: {verdict(ratio >= AFTER_WRITE_TARGET)}",
    )
    bare = ceiling(off, row, "cache-off server")
    for name, _, _, target in QUESTIONS:
        ratio = off[name]["rps"] / bare
        row(f"cache off: {name}", off[name], f"{ratio:.3f}", f"≥ {target}: {verdict(ratio >= target)}")
    if datasette:
        nosuggest = ", `_nosuggest=1`" if run["args"]["datasette_nosuggest"] else ""
        for name, _, _, _ in QUESTIONS:
            times = off[name]["rps"] / datasette[name]["rps"]
            row(
                f"Datasette {datasette['version']}{nosuggest}: {name}",
                datasette[name],
                f"API {times:.2f}x",
                f"API ≥ {DATASETTE_TARGET:.0f}x: {verdict(times >= DATASETTE_TARGET)}",
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--urls", type=int, default=20_000, help="distinct URLs for each distinct-URL run")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--check", type=int, default=300, help="generated URLs checked to answer 200")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scale", type=int, default=1, help="copies of the curated data (generate_synthetic_data)")
    parser.add_argument(
        "--postgres-database",
        help="an existing PostgreSQL database with the data loaded (and generated), used as it is and kept",
    )
    parser.add_argument("--without-datasette", action="store_true")
    parser.add_argument(
        "--datasette-nosuggest",
        action="store_true",
        help="ask Datasette not to compute the facet suggestions it adds to every table answer by default",
    )
    args = parser.parse_args()
    if args.postgres_database:
        args.database = "postgres"
    with_datasette = args.database == "sqlite" and not args.without_datasette
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk (make bench installs it)")
    if with_datasette and not (DATASETTE_VENV / "bin" / "uvicorn").exists():
        sys.exit(f"Datasette is missing: make bench installs it into {DATASETTE_VENV.relative_to(ROOT)}")
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="jiangmen-bench12-"))
    run = {"args": vars(args), "cores": os.cpu_count()}
    try:
        env, sqlite_path = prepare_database(args.database, workdir, args.scale, base_env(), args.postgres_database)
        log(f"{args.database} database with the curated data ready ({time.monotonic() - started:.0f} s)")
        urls, report, seconds = generate_urls(env, workdir, WARM_URLS + 2 * args.urls, args.seed)
        pools = {
            "warm": urls[:WARM_URLS],
            "distinct": urls[WARM_URLS : WARM_URLS + args.urls],
            "after_write": urls[WARM_URLS + args.urls :],
        }
        run["urls"] = {"generated": len(urls), "seconds": round(seconds, 1), "operations": report}
        log(f"{len(urls)} distinct URLs generated in {seconds:.0f} s")
        run["cache_off"] = measure_cache_off(env, workdir, args, pools)
        run["distinct"] = measure_distinct(env, workdir, args, pools)
        if with_datasette:
            run["datasette"] = measure_datasette(sqlite_path, workdir, args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if args.database == "postgres" and not args.postgres_database:
            psql("-c", f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE} WITH (FORCE)")
    run["seconds"] = round(time.monotonic() - started)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bench-workload.json").write_text(json.dumps(run, ensure_ascii=False, indent=1))
    print_report(run, args)


def print_report(run, args):
    database = "the embedded SQLite file" if args.database == "sqlite" else "PostgreSQL"
    scale = "" if args.scale == 1 else f" at {args.scale}x"
    print(
        f"\n### {database}{scale}, curated data: {run['cores']} cores; gunicorn 2 sync workers; wrk, "
        f"{args.connections} connections, {args.seconds} s per row; one server up at a time\n"
    )
    print(table(run))
    distinct, check = run["distinct"], run["cache_off"]["check"]
    lists = [o for o in run["urls"]["operations"] if o["kind"] == "list"]
    print(
        f"\nURLs: {run['urls']['generated']} distinct, drawn from the schema and the data (bench/urls.py, seed "
        f"{args.seed}): {len(lists)} list operations, {sum(o['generated'] for o in lists)} list URLs; "
        f"{sum(o['generated'] for o in run['urls']['operations'] if o['kind'] != 'list')} details and roots. "
        f"{check['checked'] - len(check['failed'])} of a sample of {check['checked']} answered 200."
    )
    for failure in check["failed"][:10]:
        print(f"- {failure[1]}: `{failure[0]}`")
    print("\n| operation | URLs drawn | distinct URLs it has (lists: combinations of parameters, an upper bound) |")
    print("|---|---|---|")
    details = [o for o in run["urls"]["operations"] if o["kind"] == "detail"]
    for operation in [o for o in run["urls"]["operations"] if o["kind"] != "detail"]:
        print(f"| `{operation['path']}` | {operation['generated']} | {magnitude(operation['space'])} |")
    drawn, space = sum(o["generated"] for o in details), sum(o["space"] for o in details)
    print(f"| {len(details)} details, by slug or code | {drawn} | {magnitude(space)} |\n")
    for key in ("distinct", "after_write"):
        result = distinct[key]
        if result["exhausted"]:
            print(f"- {key}: ran out of URLs after {result['seconds']:.1f} s (rate taken over that time)")
    write = distinct["write"]
    print(
        f"Write: `{write['record']}` saved through the ORM in {write['seconds']} s (data version "
        f"{write['version_before']} → {write['version_after']}); the after-write row starts right after."
    )
    print(
        f"Worker RSS (MiB): cache off {run['cache_off']['rss_mib']}; cache as shipped after the distinct URLs "
        f"{distinct['rss_mib_after_distinct']}, at the end {distinct['rss_mib']}."
    )
    print(f"Whole run: {run['seconds']} s; raw figures in artifacts/bench-workload.json.")


if __name__ == "__main__":
    main()
