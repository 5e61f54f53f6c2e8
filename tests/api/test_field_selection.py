"""`fields` and `omit`: every list and detail, nested fields by dotted path, in every format, unknown names 400."""

import io

import openpyxl
import pytest

from apps.core.registry import registry
from tests.api.base import error_of

RESOURCES = [resource for resource in registry if resource.viewset is not None]


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_fields_keep_and_omit_leaves_out_on_every_list_and_detail(client, resource):
    url = f"/api/v1/{resource.name}/"
    key = resource.natural_key
    whole = client.get(url, {"limit": 500}).json()["results"]
    other = list(whole[0])[-1]
    kept = client.get(url, {"limit": 500, "fields": f"{other},{key}"}).json()["results"]
    assert kept == [{key: item[key], other: item[other]} for item in whole]
    omitted = client.get(url, {"limit": 500, "omit": other}).json()["results"]
    assert omitted == [{name: value for name, value in item.items() if name != other} for item in whole]
    detail_url = f"{url}{whole[0][key]}/"
    assert client.get(detail_url, {"fields": key}).json() == {key: whole[0][key]}
    detail = client.get(detail_url).json()
    assert client.get(detail_url, {"omit": key}).json() == {n: v for n, v in detail.items() if n != key}


def test_nested_fields_by_dotted_path(client):
    url = "/api/v1/projects/calb-jiangmen-base/"
    project = client.get(url).json()
    kept = client.get(url, {"fields": "slug,company.slug,milestones.date,citations.quote"}).json()
    assert kept == {
        "slug": "calb-jiangmen-base",
        "company": {"slug": "calb"},
        "milestones": [{"date": milestone["date"]} for milestone in project["milestones"]],
        "citations": [{"quote": citation["quote"]} for citation in project["citations"]],
    }
    omitted = client.get(url, {"omit": "company.name_zh,citations,milestones.citations"}).json()
    assert "citations" not in omitted
    assert set(omitted["company"]) == set(project["company"]) - {"name_zh"}
    assert all("citations" not in milestone and "date" in milestone for milestone in omitted["milestones"])
    both = client.get(url, {"fields": "slug,company", "omit": "company.name"}).json()
    assert both == {
        "slug": "calb-jiangmen-base",
        "company": {k: v for k, v in project["company"].items() if k != "name"},
    }


def test_a_whole_field_named_with_its_parts_is_kept_whole(client):
    url = "/api/v1/projects/calb-jiangmen-base/"
    company = client.get(url).json()["company"]
    assert client.get(url, {"fields": "company.slug,company"}).json() == {"company": company}
    assert client.get(url, {"fields": "company,company.slug"}).json() == {"company": company}


def test_selected_fields_reach_csv_and_xlsx(client):
    params = {"fields": "slug,unit.code,period.start", "kind": "stretch_target"}
    csv = client.get("/api/v1/observations/", {**params, "format": "csv"})
    assert csv.content.decode("utf-8-sig").splitlines() == [
        "slug,unit.code,period.start",
        "gdp-growth-2023-stretch-target,percent,2023-01-01",
    ]
    xlsx = client.get("/api/v1/observations/", {**params, "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert [cell.value for cell in next(sheet.iter_rows(max_row=1)) if cell.value] == [
        "slug",
        "unit.code",
        "period.start",
    ]
    xlsx = client.get("/api/v1/observations/", {"omit": "citations,unit", "kind": "stretch_target", "format": "xlsx"})
    header = [cell.value for cell in next(openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(max_row=1))]
    assert "slug" in header
    assert not [column for column in header if str(column).startswith(("citations", "unit"))]


def test_the_timeline_selects_fields(client):
    whole = client.get("/api/v1/timeline/", {"limit": 3}).json()["results"]
    kept = client.get("/api/v1/timeline/", {"limit": 3, "fields": "slug,date"}).json()["results"]
    assert kept == [{"slug": entry["slug"], "date": entry["date"]} for entry in whole]


@pytest.mark.parametrize(
    ("url", "params", "parameter", "named"),
    [
        ("/api/v1/zones/", {"fields": "slug,colour"}, "fields", "`colour`"),
        ("/api/v1/projects/", {"fields": "company.colour"}, "fields", "`company.colour`"),
        ("/api/v1/projects/", {"omit": "slug.length"}, "omit", "`slug.length`"),
        ("/api/v1/projects/calb-jiangmen-base/", {"omit": "milestones.nope"}, "omit", "`milestones.nope`"),
        ("/api/v1/zones/", {"fields": ""}, "fields", "empty"),
        ("/api/v1/zones/", {"omit": "slug,"}, "omit", "empty"),
        ("/api/v1/zones/", {"fields": "colour", "format": "csv"}, "fields", "`colour`"),
    ],
)
def test_an_unknown_field_is_400_naming_it(client, url, params, parameter, named):
    response = client.get(url, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert named in error_of(response)["details"][parameter][0]


def test_selections_are_cached_apart_and_share_the_count(client, django_assert_num_queries):
    """A page cut to fields counts its list (the whole records' pages read short lists whole instead); cut to
    other fields, it is another response that shares the count."""
    whole = client.get("/api/v1/zones/", {"limit": 1, "fields": "slug,name_en"})
    with django_assert_num_queries(5):
        kept = client.get("/api/v1/zones/", {"limit": 1, "fields": "slug"})
    assert kept.content != whole.content
    assert kept.json()["count"] == whole.json()["count"]
