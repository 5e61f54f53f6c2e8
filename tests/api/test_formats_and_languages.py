"""Spreadsheet exports of every list, and responses in the language the client asks for."""

import csv
import io

import openpyxl
import pytest

from tests.api.base import error_of, schema_operations

LISTS = [
    "/api/v1/regions/",
    "/api/v1/zones/",
    "/api/v1/industries/",
    "/api/v1/companies/",
    "/api/v1/projects/",
    "/api/v1/milestones/",
    "/api/v1/facilities/",
    "/api/v1/indicators/",
    "/api/v1/observations/",
    "/api/v1/units/",
    "/api/v1/distinctions/",
    "/api/v1/events/",
    "/api/v1/sources/",
    "/api/v1/timeline/",
]


def read_csv(response):
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("url", LISTS)
def test_every_list_exports_csv_with_one_row_per_record(client, url):
    page = client.get(url, {"limit": 500}).json()
    response = client.get(url, {"format": "csv", "limit": 500})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    assert len(rows) == len(page["results"])


@pytest.mark.parametrize("url", LISTS)
def test_every_list_exports_xlsx(client, url):
    response = client.get(url, {"format": "xlsx", "limit": 500})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row >= len(client.get(url, {"limit": 500}).json()["results"])


def test_csv_columns_are_flattened_and_filters_apply(client):
    rows = read_csv(client.get("/api/v1/observations/", {"format": "csv", "kind": "stretch_target"}))
    assert len(rows) == 1
    row = rows[0]
    assert row["text_as_written"] == "力争7%以上"
    assert row["period.start"] == "2023-01-01"
    assert row["unit.code"] == "percent"
    assert row["citations.0.quote"] == "力争7%以上"


def test_errors_stay_json_whatever_the_format(client):
    response = client.get("/api/v1/zones/", {"format": "csv", "kind": "castle"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "kind" in error_of(response)["details"]


@pytest.mark.parametrize(
    ("params", "headers", "language"),
    [
        ({"lang": "zh"}, {}, "zh"),
        ({"lang": "en"}, {"HTTP_ACCEPT_LANGUAGE": "zh-CN"}, "en"),
        ({}, {"HTTP_ACCEPT_LANGUAGE": "zh-CN,zh;q=0.9,en;q=0.8"}, "zh"),
        ({}, {"HTTP_ACCEPT_LANGUAGE": "fr-FR,en;q=0.5"}, "en"),
        ({}, {}, "en"),
    ],
)
def test_name_and_description_follow_the_requested_language(client, params, headers, language):
    response = client.get("/api/v1/projects/calb-jiangmen-base/", params, **headers)
    project = response.json()
    assert response["Content-Language"] == language
    assert project["name"] == project[f"name_{language}"]
    assert project["description"] == project[f"description_{language}"]
    assert project["company"]["name"] == project["company"][f"name_{language}"]
    assert project["milestones"][0]["name"] == project["milestones"][0][f"name_{language}"]
    assert {"name_zh", "name_en"} <= set(project)


def test_an_unknown_language_is_400(client):
    response = client.get("/api/v1/regions/", {"lang": "fr"})
    assert response.status_code == 400
    assert "lang" in error_of(response)["details"]


def test_the_landing_page_links_everywhere(client):
    page = client.get("/").content.decode()
    for url in ("/api/v1/", "/api/docs/", "/api/redoc/", "/api/schema/", "/admin/", "/api/v1/timeline/"):
        assert f'href="{url}"' in page
    assert "起跳 · 狂飙的珠西枢纽" in page


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_detail_exports_as_one_row(client, file_format):
    response = client.get("/api/v1/projects/calb-jiangmen-base/", {"format": file_format})
    assert response.status_code == 200
    if file_format == "csv":
        assert len(read_csv(response)) == 1
    else:
        assert openpyxl.load_workbook(io.BytesIO(response.content)).active.max_row >= 2


def test_options_describes_every_path_in_json_whatever_format_is_asked(client):
    """OPTIONS answers with the resource's description, which is JSON even where the resource is a file."""
    asked = 0
    for path, parameters in schema_operations(client):
        formats = next((p["schema"]["enum"] for p in parameters if p["name"] == "format"), [])
        for format_ in [None, *formats]:
            for params in ({}, {"as_of": "2100-01-01"}):
                query = {**params, **({"format": format_} if format_ else {})}
                response = client.options(path, query)
                assert response.status_code == 200, (path, query)
                assert response["Content-Type"] == "application/json", (path, query)
                description = response.json()
                assert description["renders"] and description["parses"] == [], (path, query)  # the API only reads
                asked += 1
    assert asked > 150
