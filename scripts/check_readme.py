"""Runs the README's API examples against a freshly started server with the curated data, so they cannot drift.

Every `curl` command in the README's ```sh blocks runs as written, its documented address
(http://127.0.0.1:8000) pointed at the fresh server, and must answer 2xx with its documented content type:
JSON (application/json) unless the line ends with a comment naming another media type, e.g. `# text/csv`.
Every URL in the README's tables must answer 2xx, redirects followed, as it does in a browser. Any other
command in a ```sh block that names the address is an error, so nothing that talks to the API goes unrun.

The server is started as `make run` starts it (migrate, load_curated_data, runserver with DJANGO_DEBUG=1),
on a fresh SQLite file unless --database-url names a database, or not at all with --base-url.

The README's PostgreSQL block is not run as written: it names a fixed database on a server others share and
ends in `make run`, which serves until stopped. .ci/run takes its steps on a throwaway database (createdb,
DATABASE_URL, the data steps, these examples with --database-url, the suite), and tests/test_readme.py checks
that every environment variable the README names is one the settings read.

Usage: .venv/bin/python scripts/check_readme.py [--port N] [--database-url URL | --base-url URL] [README]
"""

import argparse
import contextlib
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://127.0.0.1:8000"
JSON = "application/json"
SHELLS = {"sh", "bash", "shell", "console"}
# A media type in the comment that ends a curl line: `curl '…?format=csv'   # CSV (text/csv)`.
DOCUMENTED_TYPE = re.compile(r"#.*?\b([a-z]+/[a-z0-9.+-]+)[^#]*$")
TABLE_URL = re.compile(re.escape(BASE) + r"[^\s|`)<>]*")


@dataclass(frozen=True)
class Example:
    line: int
    text: str
    url: str
    argv: tuple = ()  # the curl command's words; empty for a table URL
    content_type: str | None = None  # the media type it must answer with; None for a table URL

    def __str__(self):
        return f"README.md:{self.line}: {self.text}"


def examples(readme):
    """The curl commands of the ```sh blocks and the URLs of the tables, in the README's order."""
    found = []
    fence = None
    pending = []  # a command continued over lines ending in a backslash
    for number, line in enumerate(readme.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = stripped[3:].strip() if fence is None else None
            continue
        if fence is None:
            if stripped.startswith("|"):
                found += [Example(number, url, url) for url in TABLE_URL.findall(line)]
            continue
        if fence not in SHELLS:
            continue
        if stripped.endswith("\\"):
            pending.append(stripped[:-1].rstrip())
            continue
        command = " ".join([*pending, stripped])
        start = number - len(pending)
        pending = []
        words = shlex.split(command, comments=True)
        if not any(BASE in word for word in words):
            continue
        if words[0] != "curl":
            raise ValueError(f"README.md:{start}: only curl examples are run, and this talks to {BASE}: {command}")
        urls = [word for word in words if word.startswith(BASE)]
        if len(urls) != 1:
            raise ValueError(f"README.md:{start}: a curl example names exactly one URL under {BASE}: {command}")
        documented = DOCUMENTED_TYPE.search(command)
        found.append(Example(start, command, urls[0], tuple(words), documented.group(1) if documented else JSON))
    return found


def failure(example, status, content_type):
    """Why an answer is not the documented one, or None when it is."""
    if not 200 <= status < 300:
        return f"answered {status}"
    media_type = content_type.split(";")[0].strip().lower()
    if example.content_type and media_type != example.content_type:
        return f"answered {media_type or 'no content type'}, not {example.content_type}"
    return None


def check(found, fetch, out=None):
    """Fetches every example, fetch(example) -> (status, content type), prints each; returns the failures."""
    out = out or sys.stdout
    failures = []
    for example in found:
        try:
            status, content_type = fetch(example)
        except Exception as error:  # a failed request is a failed example, reported with the rest
            problem = f"failed: {error}"
        else:
            problem = failure(example, status, content_type)
        if problem:
            failures.append(f"{example}  -> {problem}")
            print(f"FAIL {example}  -> {problem}", file=out)
        else:
            print(f"ok   {status} {content_type.split(';')[0]}  {example}", file=out)
    return failures


def curl_fetch(base):
    """Runs a curl example as written, or fetches a table URL with curl, against the server at base."""

    def fetch(example):
        with tempfile.NamedTemporaryFile() as body:
            report = ["--silent", "--show-error", "--max-time", "60", "--output", body.name]
            report += ["--write-out", "%{http_code} %{content_type}"]
            if example.argv:
                command = [word.replace(BASE, base, 1) if word.startswith(BASE) else word for word in example.argv]
                command += report
            else:
                command = ["curl", "--location", *report, example.url.replace(BASE, base, 1)]
            done = subprocess.run(command, capture_output=True, text=True, timeout=90)
        if done.returncode:
            raise RuntimeError(f"curl exited {done.returncode}: {done.stderr.strip()}")
        status, _, content_type = done.stdout.partition(" ")
        return int(status), content_type

    return fetch


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def fresh_server(port, database_url=None):
    """Serves the curated data as `make run` does, on a fresh SQLite file unless database_url is given."""
    with tempfile.TemporaryDirectory() as directory:
        env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": database_url or f"sqlite:///{directory}/db.sqlite3"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--noinput", "-v0"], ["load_curated_data", "-v0"]):
            subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True)
        log = Path(directory) / "server.log"
        with log.open("wb") as output:
            server = subprocess.Popen(
                [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                if server.poll() is not None:
                    raise RuntimeError(f"the server stopped: {log.read_text()}")
                try:
                    with urllib.request.urlopen(f"{base}/healthz", timeout=5):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"the server did not answer in 120 s: {log.read_text()}") from None
                    time.sleep(0.5)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readme", nargs="?", default=ROOT / "README.md", type=Path)
    parser.add_argument("--port", type=int, help="port for the fresh server (default: a free one)")
    parser.add_argument("--database-url", help="serve from this database instead of a fresh SQLite file")
    parser.add_argument("--base-url", help="check the server already running here instead of starting one")
    args = parser.parse_args(argv)

    found = examples(args.readme.read_text(encoding="utf-8"))
    commands = sum(1 for example in found if example.argv)
    with contextlib.ExitStack() as stack:
        base = args.base_url or stack.enter_context(fresh_server(args.port or free_port(), args.database_url))
        print(f"{args.readme.name}: {commands} curl examples and {len(found) - commands} table URLs against {base}")
        failures = check(found, curl_fetch(base.rstrip("/")))
    if failures:
        print(f"{len(failures)} of {len(found)} README examples did not answer as documented:", file=sys.stderr)
        print("\n".join(failures), file=sys.stderr)
        return 1
    print(f"all {commands} curl examples and {len(found) - commands} table URLs answered as documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
