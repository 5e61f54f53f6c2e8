"""Only curators change data: staff-only admin, a least-privilege group, login lockout, safe headers."""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import DatabaseError

PASSWORD = "a-long-test-password"


@pytest.fixture
def curator():
    call_command("create_curator_group", verbosity=0)
    user = get_user_model().objects.create_user("curator", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Curators"))
    return user


def test_the_admin_is_for_staff_only(client):
    user = get_user_model().objects.create_user("reader", password=PASSWORD)
    client.force_login(user)
    response = client.get("/admin/zones/zone/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_curator_group_has_exactly_the_curation_permissions():
    call_command("create_curator_group", verbosity=0)
    call_command("create_curator_group", verbosity=0)
    group = Group.objects.get(name="Curators")
    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("zones", "change_zone") in codenames
    assert ("sources", "delete_citation") in codenames
    assert ("sources", "change_sourcedocument") in codenames
    assert ("sources", "delete_sourcedocument") not in codenames
    assert not {label for label, _ in codenames} & {"auth", "admin", "sessions", "contenttypes", "axes"}
    assert len(codenames) == 13 * 4 + 4 - 2


def test_a_curator_edits_data_but_not_accounts(client, curator):
    client.force_login(curator)
    assert client.get("/admin/projects/project/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


def test_repeated_failed_logins_lock_the_account_out(client, curator):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "curator", "password": "wrong"})
        assert response.status_code == 200
    assert client.post("/admin/login/", {"username": "curator", "password": "wrong"}).status_code == 429
    response = client.post("/admin/login/", {"username": "curator", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_successful_login_before_the_limit_works(client, curator):
    client.post("/admin/login/", {"username": "curator", "password": "wrong"})
    response = client.post("/admin/login/?next=/admin/", {"username": "curator", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(curator.pk)


def test_responses_carry_security_headers(client):
    response = client.get("/api/v1/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_documentation_pages_need_no_inline_script_and_nothing_from_elsewhere(client, url):
    page = client.get(url).content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
    assert scripts
    assert all("src=" in attributes and not body.strip() for attributes, body in scripts)
    assert not re.search(r"(src|href)=\"https?://", page)


def test_the_swagger_initialiser_is_served_as_a_script(client):
    page = client.get("/api/docs/").content.decode()
    script_url = re.findall(r'<script src="([^"]*\?script[^"]*)"', page)[0]
    response = client.get(script_url.replace("&amp;", "&"))
    assert response.status_code == 200
    assert "SwaggerUIBundle" in response.content.decode()


def test_production_settings_pass_the_deployment_checklist():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "API_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="jiangmen_api.settings",
        DJANGO_SECRET_KEY="a-production-like-secret-key-with-plenty-of-entropy-0123456789abcdef",
        DJANGO_ALLOWED_HOSTS="api.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    env["DJANGO_SETTINGS_MODULE"] = "jiangmen_api.settings"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_health_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_reports_an_unavailable_database(client, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise DatabaseError("down")

    monkeypatch.setattr("apps.core.health.connection", Unreachable())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_errors_reveal_no_versions_or_traces(client):
    client.raise_request_exception = False
    for url in ("/api/v1/nope/", "/api/v1/regions/?limit=x", "/nothing-here"):
        body = client.get(url).content.decode()
        assert "Traceback" not in body
        assert "Django" not in body
        assert "Python" not in body


def test_a_forged_forwarded_for_does_not_escape_the_lockout(client, curator, settings):
    settings.TRUSTED_PROXIES = 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/", {"username": "curator", "password": "wrong"}, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        )
    response = client.post(
        "/admin/login/", {"username": "curator", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.200"
    )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_lockout_holds_the_client_not_the_proxy(client, curator, settings):
    settings.TRUSTED_PROXIES = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "curator", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.1",
        )
    locked = client.post(
        "/admin/login/",
        {"username": "curator", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.1",
    )
    assert locked.status_code == 429
    elsewhere = client.post(
        "/admin/login/",
        {"username": "curator", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.2",
    )
    assert elsewhere.status_code == 302
