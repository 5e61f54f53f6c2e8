"""Proves the read replicas on a real streaming hot standby: CI runs it, and so can anyone with PostgreSQL installed.

It makes a throwaway primary cluster and a hot standby of it (`pg_basebackup -R`, streaming), loads the
curated data into the primary, serves the API with gunicorn on `DATABASE_URL` (primary) and
`DATABASE_REPLICA_URLS` (standby), and checks, with the standby's replay paused to hold a lag open and
then resumed:

1. a curator's save in the admin succeeds (writes go to the primary; the standby is read-only) and the
   curator sees it at once in the admin's change form and history (the admin reads the primary);
2. the API goes on showing the old record with the old ETag while the standby lags, also after the data
   version's memo has run out (its reads, the version's included, go to the standby);
3. once the standby replays the save, the API shows it under a new ETag, and a client's old ETag gets a
   200 with the new content, the new one a 304;
4. throughout, over many saves and concurrent reads, no ETag pairs content older than a save with a
   version that save made (the version and the content come from one database).

Everything it starts (both clusters, gunicorn) it stops, and it removes the clusters' files, also on error.

    .venv/bin/python scripts/replica_check.py [--primary-port 5434 --standby-port 5433 --web-port 8120]
"""

import argparse
import glob
import http.client
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
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
DATABASE = "jiangmen"
CURATOR, PASSWORD = "replica-curator", "a-long-replica-check-password"
# The record the curator edits, and the API answers that show it.
REGION = "zhongshan"
API_PATHS = [f"/api/v1/regions/{REGION}/", f"/api/v1/regions/{REGION}/?lang=zh", "/api/v1/regions/?limit=500"]
REVISION = re.compile(r"replica check revision (\d+)")
ETAG_VERSION = re.compile(r'^"(\d+)-')
SAVES_UNDER_LOAD = 8


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin():
    """The newest installed PostgreSQL's programs (Debian keeps them off the PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
    if not found:
        sys.exit("PostgreSQL's initdb is not installed")
    return Path(found[-1]).parent


class Clusters:
    """A throwaway primary and its streaming hot standby, owned by the postgres user when run as root."""

    def __init__(self, primary_port, standby_port):
        self.bin = postgres_bin()
        self.root = Path(tempfile.mkdtemp(prefix="jiangmen-replica-"))
        self.ports = {"primary": primary_port, "standby": standby_port}
        self.started = []
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.root, "postgres")

    def run(self, program, *args):
        subprocess.run([*self.as_postgres, str(self.bin / program), *args], check=True, stdout=subprocess.DEVNULL)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.ports[name]}/{DATABASE}"

    def start(self, name):
        options = f"-p {self.ports[name]} -k {self.root} -c listen_addresses=127.0.0.1"
        log = str(self.root / f"{name}.log")
        self.run("pg_ctl", "-D", str(self.root / name), "-l", log, "-o", options, "-w", "start")
        self.started.append(name)

    def create(self):
        self.run("initdb", "-D", str(self.root / "primary"), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start("primary")
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.ports["primary"]), "-U", "postgres", DATABASE)

    def create_standby(self):
        primary = ["-h", "127.0.0.1", "-p", str(self.ports["primary"]), "-U", "postgres"]
        self.run("pg_basebackup", *primary, "-D", str(self.root / "standby"), "-R", "-X", "stream", "-c", "fast")
        self.start("standby")

    def sql(self, name, statement):
        import psycopg

        with psycopg.connect(self.url(name), autocommit=True) as connection:
            return connection.execute(statement).fetchone()

    def remove(self):
        for name in reversed(self.started):
            self.run("pg_ctl", "-D", str(self.root / name), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


class FormFields(HTMLParser):
    """The fields a browser would submit from the admin's change form, as they stand."""

    def __init__(self):
        super().__init__()
        self.fields, self.select, self.textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append([name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")])
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append([self.select, attrs.get("value", "")])
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.fields.append(self.textarea)

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


class Client:
    """One HTTP client with its own cookies (the admin's are Secure, which a check over plain HTTP ignores)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=()):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "127.0.0.1", **dict(headers)}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if body is not None:
            body = urlencode([tuple(field) for field in body]).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
        return response, content

    def csrf_form(self, path):
        response, content = self.request("GET", path)
        fields = FormFields()
        fields.feed(content)
        return response, content, fields.fields


class Check:
    def __init__(self):
        self.passed, self.failed = 0, 0

    def __call__(self, condition, message):
        print(f"{'ok  ' if condition else 'FAIL'} {message}", flush=True)
        if condition:
            self.passed += 1
        else:
            self.failed += 1
        return condition


def revision_of(content):
    found = REVISION.search(content)
    return int(found.group(1)) if found else 0


def api_read(client, path, headers=()):
    response, content = client.request("GET", path, headers=headers)
    etag = response.headers.get("ETag", "")
    version = int(ETAG_VERSION.match(etag).group(1)) if ETAG_VERSION.match(etag) else None
    return response.status, etag, version, revision_of(content)


class Curator:
    """Saves the region's English description with a revision number, in the admin, as a curator would."""

    def __init__(self, port, clusters):
        self.client = Client(port)
        self.clusters = clusters
        self.revision = 0
        self.change_path = None
        self.versions = {}  # revision -> the primary's data version once its save returned

    def log_in(self):
        _, _, fields = self.client.csrf_form("/admin/login/")
        form = dict(fields) | {"username": CURATOR, "password": PASSWORD, "next": "/admin/"}
        response, _ = self.client.request("POST", "/admin/login/?next=/admin/", list(form.items()))
        region_id = self.clusters.sql("primary", f"SELECT id FROM regions_region WHERE slug = '{REGION}'")[0]
        self.change_path = f"/admin/regions/region/{region_id}/change/"
        return response.status == 302

    def save(self):
        self.revision += 1
        _, _, fields = self.client.csrf_form(self.change_path)
        for field in fields:
            if field[0] == "description_en":
                field[1] = REVISION.sub("", field[1]).rstrip() + f" (replica check revision {self.revision})"
            elif field[0] == "change_note":  # the public reason every save in the admin gives
                field[1] = f"Replica check, revision {self.revision}."
        response, _ = self.client.request("POST", self.change_path, [*fields, ("_save", "Save")])
        version = self.clusters.sql("primary", "SELECT version FROM core_dataversion WHERE name = ''")[0]
        self.versions[self.revision] = version
        return response.status == 302


def pairs_old_content_with_new_version(version, revision, saves):
    """Whether an answer's content is older than a save whose data version its ETag already carries."""
    if version is None:
        return False
    return any(saved_version <= version and revision < saved for saved, saved_version in saves.items())


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def serve(clusters, port):
    env = os.environ | {
        "DATABASE_URL": clusters.url("primary"),
        "DATABASE_REPLICA_URLS": clusters.url("standby"),
        "DJANGO_SECRET_KEY": "replica-check-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_RATE": "",
    }
    env.pop("DJANGO_DEBUG", None)
    env.pop("CACHE_URL", None)
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "jiangmen_api.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--access-logfile", "/dev/null"]
    command += ["--error-logfile", str(clusters.root / "gunicorn.log")]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    client = Client(port)
    if not wait_for(lambda: _answers(client), 60):
        server.terminate()
        sys.exit("gunicorn did not answer")
    return server


def _answers(client):
    try:
        return client.request("GET", "/healthz")[0].status == 200
    except OSError:
        return False


def prepare(clusters):
    env = os.environ | {"DATABASE_URL": clusters.url("primary"), "DJANGO_DEBUG": "1"}
    env.pop("DATABASE_REPLICA_URLS", None)
    env |= {"DJANGO_SUPERUSER_PASSWORD": PASSWORD}
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_curated_data", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["createsuperuser", "--noinput", "--username", CURATOR, "--email", "curator@example.org"],
    ):
        subprocess.run([str(PYTHON), "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prove(clusters, port, check):
    reader = Client(port)
    curator = Curator(port, clusters)
    replay_lag = "SELECT pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()"
    check(clusters.sql("standby", "SELECT pg_is_in_recovery()")[0], "the standby is a hot standby in recovery")
    check(wait_for(lambda: clusters.sql("standby", replay_lag)[0], 30), "the standby has replayed the primary")
    status, first_etag, _, revision = api_read(reader, API_PATHS[0])
    check(status == 200 and revision == 0, f"the API answers from the standby: {status}, ETag {first_etag}")

    clusters.sql("standby", "SELECT pg_wal_replay_pause()")
    check(
        wait_for(lambda: clusters.sql("standby", "SELECT pg_get_wal_replay_pause_state()")[0] == "paused", 10),
        "the standby's replay is paused: it lags from here on",
    )
    check(curator.log_in(), "the curator logs into the admin (the session is written to and read from the primary)")
    check(curator.save(), "the curator's save in the admin succeeds (the write went to the primary)")
    _, form, _ = curator.client.csrf_form(curator.change_path)
    check(revision_of(form) == 1, "the curator sees their change at once in the admin's change form")
    _, history = curator.client.request("GET", curator.change_path.replace("/change/", "/history/"))
    check(CURATOR in history and "Changed" in history, "and in the record's history")
    primary_has_it = clusters.sql("primary", f"SELECT description_en FROM regions_region WHERE slug = '{REGION}'")[0]
    check(revision_of(primary_has_it) == 1, "the primary holds the save")

    time.sleep(2.5)  # past DATA_VERSION_MEMO_SECONDS in every worker
    lagging = [api_read(reader, path) for path in API_PATHS for _ in range(4)]
    check(
        all(status == 200 and revision == 0 for status, _, _, revision in lagging),
        "while the standby lags, the API shows the old record (its reads go to the standby)",
    )
    check(
        {etag for _, etag, _, _ in lagging[:4]} == {first_etag},
        "with the old ETag: the data version is read from the standby too, not from the primary",
    )

    clusters.sql("standby", "SELECT pg_wal_replay_resume()")
    started = time.monotonic()
    seen = []
    shown = wait_for(lambda: seen.append(api_read(reader, API_PATHS[0])) or seen[-1][3] == 1, 30)
    check(shown, f"once the standby replays the save, the API shows it ({time.monotonic() - started:.2f} s after)")
    status, new_etag, _, revision = seen[-1]
    check(new_etag != first_etag, f"under a new ETag {new_etag}")
    check(
        not any(pairs_old_content_with_new_version(v, r, curator.versions) for _, _, v, r in seen),
        f"no answer while catching up ({len(seen)}) paired the old record with the new version",
    )
    # A worker that read the version just before the replay may keep it for DATA_VERSION_MEMO_SECONDS: past
    # that, every worker answers with the replayed one.
    time.sleep(2.5)
    status, _, _, revision = api_read(reader, API_PATHS[0], {"If-None-Match": first_etag})
    check(status == 200 and revision == 1, "a client's old ETag gets 200 and the new record")
    status, _, _, _ = api_read(reader, API_PATHS[0], {"If-None-Match": new_etag})
    check(status == 304, "the new ETag gets 304")

    answers, stop = [], threading.Event()

    def read_while_saving(path):
        client = Client(port)
        while not stop.is_set():
            answers.append(api_read(client, path))

    readers = [threading.Thread(target=read_while_saving, args=(path,)) for path in API_PATHS]
    for thread in readers:
        thread.start()
    saved = 0
    for number in range(SAVES_UNDER_LOAD):
        if number == SAVES_UNDER_LOAD // 2:
            clusters.sql("standby", "SELECT pg_wal_replay_pause()")
        saved += curator.save()
        time.sleep(0.3)
    clusters.sql("standby", "SELECT pg_wal_replay_resume()")
    last = curator.revision
    caught_up = wait_for(lambda: revision_of(Client(port).request("GET", API_PATHS[0])[1]) == last, 30)
    time.sleep(1.5)
    stop.set()
    for thread in readers:
        thread.join()
    check(saved == SAVES_UNDER_LOAD and caught_up, f"{saved} more saves, half while the standby lagged, all shown")
    mismatched = [a for a in answers if pairs_old_content_with_new_version(a[2], a[3], curator.versions)]
    check(
        all(a[0] == 200 and a[2] is not None for a in answers) and not mismatched,
        f"{len(answers)} concurrent API answers: all 200, none paired content older than a save with its version",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--primary-port", type=int, default=0, help="a free one when 0")
    parser.add_argument("--standby-port", type=int, default=0)
    parser.add_argument("--web-port", type=int, default=0)
    args = parser.parse_args()
    clusters = Clusters(args.primary_port or free_port(), args.standby_port or free_port())
    server = None
    check = Check()
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    try:
        clusters.create()
        prepare(clusters)
        clusters.create_standby()
        port = args.web_port or free_port()
        server = serve(clusters, port)
        prove(clusters, port, check)
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)
        clusters.remove()
        signal.signal(signal.SIGTERM, previous)
    print(f"replica check: {check.passed} passed, {check.failed} failed")
    sys.exit(1 if check.failed else 0)


if __name__ == "__main__":
    main()
