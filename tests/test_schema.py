"""The OpenAPI schema validates without warnings and the committed copy matches the code."""

from django.conf import settings
from django.core.management import call_command

from tests.api.base import openapi_paths


def test_schema_validates_without_warnings_and_matches_the_committed_file(tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(generated))
    committed = settings.BASE_DIR / "docs" / "openapi.yaml"
    assert generated.read_text() == committed.read_text(), "docs/openapi.yaml is stale: run `make schema`"


def test_schema_is_served_with_every_resource(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for resource in ("regions", "zones", "industries", "companies", "projects", "milestones", "facilities"):
        assert f"/api/v1/{resource}/" in paths
        assert f"/api/v1/{resource}/{{slug}}/" in paths
    for resource in ("indicators", "observations", "distinctions", "events", "sources"):
        assert f"/api/v1/{resource}/" in paths
    assert "/api/v1/timeline/" in paths


def test_documentation_pages_load_their_assets_from_the_server(client):
    for url in ("/api/docs/", "/api/redoc/"):
        page = client.get(url).content.decode()
        assert "/static/drf_spectacular_sidecar/" in page
        assert "cdn" not in page.lower()


def test_operations_are_described_by_their_own_views_only(client):
    """Base classes' docstrings explain the code; they must not reach the public reference."""
    from apps.core.api.language import LanguageNegotiationMixin
    from apps.core.api.views import PublicReadOnlyViewSet

    paths = openapi_paths(client)
    descriptions = [operation.get("description", "") for path in paths.values() for operation in path.values()]
    for base in (PublicReadOnlyViewSet, LanguageNegotiationMixin):
        first_line = base.__doc__.splitlines()[0]
        assert not any(first_line in description for description in descriptions)


def test_spreadsheet_bodies_are_documented_as_the_files_they_are(client):
    """A CSV or a workbook is a file, not the JSON shape of the records it holds."""
    paths = openapi_paths(client)
    bodies = [
        (media_type, body["schema"])
        for operations in paths.values()
        for operation in operations.values()
        for media_type, body in operation["responses"]["200"].get("content", {}).items()
        if not media_type.endswith(("/json", "+json"))
    ]
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert {media_type for media_type, _ in bodies} == {"text/csv", "application/x-ndjson", xlsx, "application/zip"}
    assert all(schema["type"] == "string" for _, schema in bodies)
    assert all(schema["format"] == "binary" for media_type, schema in bodies if media_type == xlsx)
