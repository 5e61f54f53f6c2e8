"""A real server for the browser tests: gunicorn with DEBUG off on its own SQLite file, and Chromium.

The server runs the production settings (security headers, CSP, WhiteNoise) with the curated data and
a curator account, so what the browser sees is what a visitor sees. Screenshots go to artifacts/.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CURATOR = ("curator", "a-long-browser-test-password")
ARTIFACTS = settings.BASE_DIR / "artifacts"
# How long a page may take to show what is expected: generous, since a busy two-core machine renders
# ReDoc's whole reference in several seconds. Not a speed check; benchmarks measure speed.
expect.set_options(timeout=30_000)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def live_url(tmp_path_factory):
    directory = tmp_path_factory.mktemp("browser-server")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jiangmen_api.settings",
        "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
        "DJANGO_SECRET_KEY": "browser-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_RATE": "",
        "DJANGO_SUPERUSER_USERNAME": CURATOR[0],
        "DJANGO_SUPERUSER_PASSWORD": CURATOR[1],
        "DJANGO_SUPERUSER_EMAIL": "curator@example.org",
    }
    env.pop("DJANGO_DEBUG", None)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "-v0"], ["load_curated_data", "-v0"], ["createsuperuser", "--noinput"]):
        subprocess.run([*manage, *command], cwd=settings.BASE_DIR, env=env, check=True, capture_output=True)
    static_root = directory / "static"
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env={**env, "DJANGO_STATIC_ROOT": str(static_root)},
        check=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "jiangmen_api.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=settings.BASE_DIR,
        env={**env, "DJANGO_STATIC_ROOT": str(static_root)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.console_errors = errors
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=False)
    context.close()


@pytest.fixture(autouse=True)
def _database_access():
    """Browser tests talk to their own server and database, not the test database."""


@pytest.fixture(autouse=True)
def _empty_cache():
    """The server under test has its own cache."""
