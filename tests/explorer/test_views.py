"""The explorer's pages: every resource and record reachable, the API's parameters and errors, the
edge's caching and validation, two languages, and no script."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.core.registry import registry
from apps.projects.models import Project

MODEL_RESOURCES = [resource.name for resource in registry.models()]
CALB = "calb-jiangmen-base"


def links(response):
    return re.findall(r'href="([^"]+)"', response.content.decode())


def test_the_index_links_every_model_resource_with_the_api_count(client):
    response = client.get("/explore/")
    assert response.status_code == 200
    for name in MODEL_RESOURCES:
        assert f"/explore/{name}/" in links(response)
        count = client.get(f"/api/v1/{name}/", {"limit": 1}).json()["count"]
        assert re.search(
            rf'/explore/{name}/">[^<]+</a></th>\s*<td class="number">{count}</td>', response.content.decode()
        )


def test_the_landing_page_links_the_explorer(client):
    assert "/explore/" in links(client.get("/"))


@pytest.mark.parametrize("name", MODEL_RESOURCES)
def test_every_list_links_each_record_and_the_same_query_in_the_api(client, name):
    resource = registry[name]
    response = client.get(f"/explore/{name}/", {"limit": 5})
    assert response.status_code == 200
    keys = [item[resource.natural_key] for item in client.get(f"/api/v1/{name}/", {"limit": 5}).json()["results"]]
    found = links(response)
    assert all(f"/explore/{name}/{key}/" in found for key in keys)
    assert f"/api/v1/{name}/?limit=5" in found
    assert f"/api/v1/{name}/?limit=5&amp;format=csv" in found


@pytest.mark.parametrize("name", MODEL_RESOURCES)
def test_every_record_page_shows_every_field_of_the_api_answer(client, name):
    resource = registry[name]
    key = client.get(f"/api/v1/{name}/", {"limit": 1}).json()["results"][0][resource.natural_key]
    response = client.get(f"/explore/{name}/{key}/")
    assert response.status_code == 200
    page = response.content.decode()
    data = client.get(f"/api/v1/{name}/{key}/").json()
    shown = [field for field in data if field not in ("name", "description", "title")]
    assert len(re.findall(r"<dt>", page.split('id="fields-heading"')[1])) >= len(shown)
    for citation in data.get("citations", []):
        assert citation["quote"] in page


def test_a_record_links_the_records_it_names_and_each_figure_its_sentence(client):
    page = client.get(f"/explore/projects/{CALB}/").content.decode()
    data = client.get(f"/api/v1/projects/{CALB}/").json()
    assert f"/explore/companies/{data['company']['slug']}/" in page
    for figure in data["observations"]:
        assert f"/explore/observations/{figure['slug']}/" in page
    assert re.search(r'href="/explore/sources/zhuxi-hub-take-off/#quote-[0-9a-f]{10}"', page)


def test_a_parameter_the_api_refuses_is_refused_with_its_message(client):
    response = client.get("/explore/observations/", {"value_min": "lots"})
    assert response.status_code == 400
    assert "value_min" in response.content.decode()


def test_an_unknown_record_or_resource_is_not_found(client):
    assert client.get("/explore/projects/no-such-project/").status_code == 404
    assert client.get("/explore/no-such-resource/").status_code == 404


def test_a_renamed_record_redirects_to_its_current_page(client):
    project = Project.objects.get(slug=CALB)
    project.slug = "calb-base-renamed"
    project.save()
    response = client.get(f"/explore/projects/{CALB}/", {"lang": "zh"})
    assert response.status_code == 301
    assert response["Location"] == "/explore/projects/calb-base-renamed/?lang=zh"


def test_a_format_asked_of_a_table_is_the_api_file(client):
    response = client.get("/explore/projects/", {"status": "operating", "format": "csv"})
    assert response.status_code == 302
    assert response["Location"] == "/api/v1/projects/?status=operating&format=csv"


def test_pages_are_validated_and_cached_by_the_data_version_and_never_stale(client):
    first = client.get(f"/explore/projects/{CALB}/")
    assert first["ETag"] and "public" in first["Cache-Control"]
    assert client.get(f"/explore/projects/{CALB}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    project = Project.objects.get(slug=CALB)
    project.name_en = "CALB base, renamed"
    project.save()
    after = client.get(f"/explore/projects/{CALB}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert "CALB base, renamed" in after.content.decode()


def test_the_language_follows_the_api_lang_parameter_and_accept_language(client):
    chinese = client.get(f"/explore/projects/{CALB}/", {"lang": "zh"})
    page = chinese.content.decode()
    assert chinese["Content-Language"] == "zh"
    assert '<html lang="zh-Hans">' in page
    assert Project.objects.get(slug=CALB).name_zh in re.search(r"<h1>(.*?)</h1>", page).group(1)
    assert "全部字段" in page
    assert 'href="?lang=en"' in page
    by_header = client.get("/explore/charts/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    assert "<h1>图表</h1>" in by_header.content.decode()
    assert "<h1>Charts</h1>" in client.get("/explore/charts/").content.decode()


@pytest.mark.parametrize(
    "url", ["/explore/", "/explore/charts/", "/explore/observations/", "/explore/sources/zhuxi-hub-take-off/"]
)
def test_pages_have_no_script_and_nothing_from_elsewhere(client, url):
    response = client.get(url)
    page = response.content.decode()
    assert "<script" not in page
    assert not re.search(r"<[^>]+\son\w+=", page)  # no inline event handlers either
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_charts_draw_one_mark_per_record_with_a_table_row_each(client):
    page = client.get("/explore/charts/").content.decode()
    for chart in ("targets", "timeline", "zones"):
        table = re.search(rf'<table class="data" data-chart="{chart}">(.*?)</table>', page, re.S).group(1)
        rows = table.count("<tr>") - 1
        assert rows > 0
        if chart == "timeline":
            svg = re.search(r'<svg[^>]*data-chart="timeline">(.*?)</svg>', page, re.S).group(1)
            assert svg.count('<circle class="mark') == rows
        else:
            figures = re.findall(rf'<figure class="panel" data-chart="{chart}">(.*?)</figure>', page, re.S)
            assert sum(figure.count('<rect class="mark') for figure in figures) == rows


@pytest.mark.parametrize(
    ("url", "cold", "warm"),
    [(f"/explore/projects/{CALB}/", 11, 2), ("/explore/observations/?kind=target", 26, 1)],
)
def test_a_page_costs_a_pinned_number_of_queries(url, cold, warm):
    """With nothing cached (`cold`), and for the same records under another URL (`warm`: `lang=en` says
    what the default already is), which finds the API's rendered records, lists, counts and facets kept. Each
    time a new client, whose middleware holds no response in its memory."""
    caches["default"].clear()
    caches["records"].clear()
    separator = "&" if "?" in url else "?"
    for expected, address in ((cold, url), (warm, f"{url}{separator}lang=en")):
        with CaptureQueriesContext(connection) as context:
            assert Client().get(address).status_code == 200
        assert len(context.captured_queries) == expected
