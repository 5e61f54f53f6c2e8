"""`make loadtest`: load with a curator's writes and two faults, on PostgreSQL and Redis.

gunicorn (2 sync workers) serves the curated data from a fresh PostgreSQL database with its cache in a
Redis server of the run's own; wrk drives 50 connections for 60 s over distinct URLs drawn from the schema
and the data (bench/urls.py, cycled once exhausted), while:

- a curator script saves one record (an observation's English description, with a save number) once a
  second through the ORM, and so through the signals and the history a save in the admin runs;
- two readers follow that record's detail in both languages, to see how long after a save it showed;
- a third of the way in, Redis is stopped, and started again 5 s later (empty);
- two thirds of the way in, one gunicorn worker is killed (SIGKILL); the master starts another.

Reported (printed, and kept in artifacts/load-test.json): requests, answers by status, socket errors by
kind, saves made and found in the record's history, the longest time a reader saw the record older than
the last save, and answers whose ETag carried a save's data version with content older than that save.
It fails on any 5xx, on more than one socket error (the killed worker's request in flight), on a save
made and not found, or on an ETag paired with older content. Everything it starts it stops, and it drops
its database, also on error.

    .venv/bin/python bench/load_test.py [--seconds 60] [--connections 50] [--database jiangmen_loadtest]
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import SUMMARY
from workload import PYTHON, ROOT, Server, base_env, generate_urls, log, manage, port_is_free, psql

ARTIFACTS = ROOT / "artifacts"
URL_COUNT = 30000
SAVE_MARK = re.compile(r"\(load test save (\d+)\)")
ETAG_VERSION = re.compile(r'^"(\d+)-')
REDIS_DOWN_SECONDS = 5
# The curator: one save a second for the given seconds, each printed as a JSON line once it returned.
CURATOR = """
import json, sys, time
import django
django.setup()
from apps.core.models import DataVersion
from apps.indicators.models import Observation
record = Observation.objects.get(slug=sys.argv[1])
base, seconds = record.description_en, float(sys.argv[2])
started, number = time.time(), 0
while time.time() - started < seconds - 1:
    number += 1
    time.sleep(max(0.0, started + number - time.time()))
    try:
        record.description_en = f"{base} (load test save {number})"
        record.save()
        version = DataVersion.objects.get(name="").version
        print(json.dumps({"save": number, "at": time.time(), "version": version}), flush=True)
    except Exception as error:
        print(json.dumps({"save": number, "error": repr(error)}), flush=True)
"""
# The saves the record's history holds, by number.
HISTORY = """
import json, re, sys
import django
django.setup()
from apps.indicators.models import Observation
texts = Observation.history.filter(slug=sys.argv[1]).values_list("description_en", flat=True)
print(json.dumps(sorted({int(found.group(1)) for found in map(re.compile(sys.argv[2]).search, texts) if found})))
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Redis:
    """A Redis server of the run's own, without persistence: stopped, it comes back empty."""

    def __init__(self, port, log_path):
        self.port, self.log_path, self.process = port, log_path, None

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        with open(self.log_path, "ab") as log_file:
            self.process = subprocess.Popen(command, stdout=log_file, stderr=log_file, start_new_session=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if not port_is_free(self.port):
                return
            time.sleep(0.05)
        sys.exit(f"redis-server did not listen on {self.port}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


class Readers:
    """Readers following the saved record: each answer's start time, status, data version and save number."""

    def __init__(self, port, paths):
        self.port, self.paths = port, paths
        self.answers, self.socket_errors = [], 0
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.follow, args=(path,)) for path in paths]

    def read(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        started = time.time()
        try:
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            body = response.read().decode()
        except OSError:
            self.socket_errors += 1
            return None
        finally:
            connection.close()
        etag = ETAG_VERSION.match(response.headers.get("ETag", ""))
        found = SAVE_MARK.search(body)
        answer = (started, response.status, int(etag.group(1)) if etag else None, int(found.group(1)) if found else 0)
        self.answers.append(answer)
        return answer

    def follow(self, path):
        while not self.stopping.is_set():
            self.read(path)
            time.sleep(0.02)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()


def staleness(answers, saves):
    """The longest time a reader saw the record older than the last save made before it asked, and how often.

    An answer asked for at t showing save n, when a later save had returned before t, was stale since the
    first save after n returned."""
    returned = sorted((save["at"], save["save"]) for save in saves)
    longest, stale = 0.0, 0
    for started, status, _, shown in answers:
        if status != 200:
            continue
        before = [number for at, number in returned if at < started]
        if before and max(before) > shown:
            stale += 1
            first_missed = min(at for at, number in returned if number > shown)
            longest = max(longest, started - first_missed)
    return longest, stale


def mismatched_etags(answers, saves):
    """Answers whose ETag carries the data version a save made, with content older than that save."""
    made = [(save["version"], save["save"]) for save in saves]
    return sum(
        1
        for _, status, version, shown in answers
        if status == 200 and version is not None and any(v <= version and shown < n for v, n in made)
    )


def run_wrk(port, urls_file, seconds, connections):
    command = ["wrk", "--threads", "2", "--connections", str(connections), "--duration", f"{seconds}s"]
    command += ["--timeout", "10s", "--script", str(ROOT / "bench" / "mix.lua"), f"http://127.0.0.1:{port}"]
    env = {**os.environ, "MIX_FILE": str(urls_file), "MIX_ONCE": "0", "MIX_THREADS": "2"}
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)


def parse_wrk(output):
    match = SUMMARY.search(output)
    if not match:
        sys.exit(f"wrk gave no summary:\n{output}")
    requests, _, _, p50, p99, rps = match.groups()
    extra = dict(part.split("=", 1) for part in output[match.end() :].split("\n")[0].split())
    statuses = {
        int(code): int(count) for code, count in (item.split(":") for item in extra["statuses"].split(",") if item)
    }
    return {
        "requests": int(requests),
        "statuses": statuses,
        "socket_errors": {kind: int(extra[kind]) for kind in ("connect", "read", "write", "timeout")},
        "p50_ms": float(p50),
        "p99_ms": float(p99),
        "rps": float(rps),
    }


def kill_one_worker(server):
    """SIGKILL to one of the gunicorn master's workers: its request in flight is lost, the master replaces it."""
    master = server.process.pid
    workers = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    os.kill(int(workers[0]), signal.SIGKILL)
    return int(workers[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--database", default="jiangmen_loadtest", help="made afresh on 127.0.0.1:5432, then dropped")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--redis-port", type=int, default=0, help="a free one when 0")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="jiangmen-load-test-"))
    redis = Redis(args.redis_port or free_port(), workdir / "redis.log")
    env = base_env() | {
        "DJANGO_SETTINGS_MODULE": "jiangmen_api.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "CACHE_URL": f"redis://127.0.0.1:{redis.port}/0",
    }
    psql("-c", f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)")
    psql("-c", f"CREATE DATABASE {args.database}")
    try:
        redis.start()
        log("loading the curated data")
        manage("migrate", "--noinput", env=env)
        manage("load_curated_data", env=env)
        manage("collectstatic", "--noinput", env=env)
        urls, _, took = generate_urls(env, workdir, URL_COUNT, seed=17)
        log(f"{len(urls)} distinct URLs drawn in {took:.0f} s")
        slug = manage(
            "shell",
            "--no-imports",
            "-c",
            "from apps.indicators.models import Observation; "
            "print(Observation.objects.filter(project__isnull=False).order_by('slug').first().slug)",
            env=env,
        ).strip()
        command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "jiangmen_api.wsgi", "--bind", f"127.0.0.1:{args.port}"]
        command += ["--workers", "2", "--access-logfile", "/dev/null", "--error-logfile", "-"]
        with Server("gunicorn", command, env, args.port, "/healthz", workdir / "gunicorn.log") as server:
            result = drive(args, server, redis, env, slug, workdir / "urls.txt")
        saved = [save for save in result["saves"] if "at" in save]
        found = json.loads(
            subprocess.run(
                [str(PYTHON), "-c", HISTORY, slug, SAVE_MARK.pattern],
                cwd=ROOT,
                env=env,
                check=True,
                text=True,
                capture_output=True,
            ).stdout
        )
        result["history"] = {
            "saves_made": len(saved),
            "saves_failed": len(result["saves"]) - len(saved),
            "found": len(set(found) & {save["save"] for save in saved}),
            "lost": sorted({save["save"] for save in saved} - set(found)),
        }
    finally:
        redis.stop()
        psql("-c", f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)")
        shutil.rmtree(workdir, ignore_errors=True)
    return report(result)


def drive(args, server, redis, env, slug, urls_file):
    """The run itself: wrk, the curator, the readers and the faults on their schedule."""
    paths = [f"/api/v1/observations/{slug}/", f"/api/v1/observations/{slug}/?lang=zh"]
    curator = subprocess.Popen(
        [str(PYTHON), "-c", CURATOR, slug, str(args.seconds)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    started = time.monotonic()
    wrk = run_wrk(args.port, urls_file, args.seconds, args.connections)
    faults = []
    with Readers(args.port, paths) as readers:
        schedule = [
            (args.seconds / 3, "Redis stopped", redis.stop),
            (args.seconds / 3 + REDIS_DOWN_SECONDS, "Redis started again, empty", redis.start),
            (2 * args.seconds / 3, "one gunicorn worker killed", lambda: kill_one_worker(server)),
        ]
        for at, what, act in schedule:
            time.sleep(max(0.0, started + at - time.monotonic()))
            act()
            faults.append({"at_s": round(time.monotonic() - started, 1), "what": what})
            log(f"{faults[-1]['at_s']:>5} s: {what}")
        wrk_output = wrk.communicate(timeout=args.seconds + 60)[0]
        saves = [json.loads(line) for line in curator.communicate(timeout=60)[0].splitlines()]
    last = max((save["save"] for save in saves if "at" in save), default=0)
    time.sleep(2)  # past DATA_VERSION_MEMO_SECONDS: the last save must show now
    final = readers.read(paths[0])
    readers.answers.pop()
    longest, stale = staleness(readers.answers, [save for save in saves if "at" in save])
    statuses = {}
    for _, status, _, _ in readers.answers:
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "args": vars(args),
        "cores": os.cpu_count(),
        "wrk": parse_wrk(wrk_output),
        "faults": faults,
        "saves": saves,
        "readers": {
            "answers": len(readers.answers),
            "statuses": statuses,
            "socket_errors": readers.socket_errors,
            "stale_answers": stale,
            "longest_stale_s": round(longest, 3),
            "etag_with_older_content": mismatched_etags(readers.answers, [save for save in saves if "at" in save]),
            "last_save_shown_after_the_run": final is not None and final[3] == last,
        },
    }


def report(result):
    wrk, readers, history = result["wrk"], result["readers"], result["history"]
    statuses = dict(wrk["statuses"])
    for status, count in readers["statuses"].items():
        statuses[status] = statuses.get(status, 0) + count
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    socket_errors = sum(wrk["socket_errors"].values()) + readers["socket_errors"]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load-test.json").write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    print(
        f"requests: {wrk['requests']} from wrk ({wrk['rps']:.0f}/s, p50 {wrk['p50_ms']:.1f} ms, "
        f"p99 {wrk['p99_ms']:.1f} ms) and {readers['answers']} from the readers"
    )
    print("answers by status: " + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items())))
    print(
        f"socket errors: {socket_errors} ({', '.join(f'{k} {v}' for k, v in wrk['socket_errors'].items())}, "
        f"readers {readers['socket_errors']})"
    )
    print("faults: " + "; ".join(f"{fault['what']} at {fault['at_s']} s" for fault in result["faults"]))
    print(
        f"saves: {history['saves_made']} made, {history['saves_failed']} failed, {history['found']} found in the "
        f"history, lost: {history['lost'] or 'none'}; the last shown after the run: "
        f"{readers['last_save_shown_after_the_run']}"
    )
    print(
        f"longest a reader saw the record older than the last save: {readers['longest_stale_s']:.3f} s "
        f"({readers['stale_answers']} of {readers['answers']} answers stale)"
    )
    print(f"answers whose ETag carried a save's version with older content: {readers['etag_with_older_content']}")
    failures = []
    if server_errors:
        failures.append(f"{server_errors} answers 5xx")
    if socket_errors > 1:
        failures.append(f"{socket_errors} socket errors (one is the killed worker's request)")
    if history["lost"] or not readers["last_save_shown_after_the_run"]:
        failures.append("a save was lost")
    if readers["etag_with_older_content"]:
        failures.append("an ETag paired older content with a newer version")
    print("load test " + ("FAILED: " + "; ".join(failures) if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
