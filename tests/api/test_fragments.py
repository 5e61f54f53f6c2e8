"""Records kept rendered: the bytes are what the serializers and DRF's renderers produce, for every record,
both languages and every format, and a write re-renders exactly what shows the record it changed."""

import io

import openpyxl
import pytest
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIRequestFactory

from apps.core.api.fragments import stamp
from apps.core.api.renderers import SpreadsheetCSVRenderer
from apps.core.registry import registry
from apps.core.versioning import current_version
from apps.indicators.models import Observation, Unit

RESOURCES = [resource for resource in registry if resource.viewset is not None]
LANGUAGES = ["en", "zh"]


def serialized(resource, language, detail):
    """What the resource's serializer makes of each of its records, by natural key, in the language."""
    viewset = resource.viewset
    request = APIRequestFactory().get("/")
    request.response_language = language
    serializer_class = (viewset.detail_serializer_class if detail else None) or viewset.serializer_class
    queryset = viewset.queryset.prefetch_related(*viewset.detail_prefetch) if detail else viewset.queryset
    return {
        getattr(record, resource.natural_key): serializer_class(record, context={"request": request}).data
        for record in queryset
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_every_detail_is_its_serializer_rendered(client, resource, language):
    for key, expected in serialized(resource, language, detail=True).items():
        response = client.get(f"/api/v1/{resource.name}/{key}/", {"lang": language})
        assert response.content == JSONRenderer().render(expected), (resource.name, key)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_every_list_page_is_its_serializer_rendered(client, resource, language):
    response = client.get(f"/api/v1/{resource.name}/", {"lang": language, "limit": 500})
    body = response.json()
    expected = serialized(resource, language, detail=False)
    assert body["count"] == len(expected) == len(body["results"])
    results = [expected[item[resource.natural_key]] for item in body["results"]]
    envelope = {"count": body["count"], "next": None, "previous": None, "results": results}
    assert response.content == JSONRenderer().render(envelope)


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_spreadsheets_hold_what_the_json_holds(client, resource):
    url = f"/api/v1/{resource.name}/"
    items = client.get(url, {"lang": "zh", "limit": 500}).json()["results"]
    csv = client.get(url, {"lang": "zh", "limit": 500, "format": "csv"})
    assert csv.content == SpreadsheetCSVRenderer().render(items)
    xlsx = client.get(url, {"lang": "zh", "limit": 500, "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    key_column = [cell.value for cell in next(sheet.iter_rows(max_row=1))].index(resource.natural_key)
    keys = [row[key_column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert keys == [item[resource.natural_key] for item in items]


def test_a_write_rerenders_what_shows_the_record_and_nothing_else(client):
    before = current_version()
    unit = Unit.objects.get(code="percent")
    unit.name_en = "per cent"
    unit.save()
    after = current_version()
    changed = {resource.name for resource in RESOURCES if stamp(resource.name, before) != stamp(resource.name, after)}
    assert changed == {"units", *(resource.name for resource in registry.embedding("units"))}
    assert "milestones" not in changed and "sources" not in changed
    target = Observation.objects.get(slug="gdp-growth-2023-target")
    shown = client.get("/api/v1/projects/", {"limit": 500})
    assert client.get(f"/api/v1/observations/{target.slug}/").json()["unit"]["name_en"] == "per cent"
    assert client.get("/api/v1/projects/", {"limit": 500}).content == shown.content


def test_a_changed_figure_shows_in_the_detail_that_nests_it(client):
    client.get("/api/v1/projects/calb-jiangmen-base/")
    figure = Observation.objects.get(slug="calb-jiangmen-base-total-investment")
    figure.name_en = "Edited for the test"
    figure.save()
    nested = client.get("/api/v1/projects/calb-jiangmen-base/").json()["observations"]
    assert [item["name_en"] for item in nested if item["slug"] == figure.slug] == ["Edited for the test"]


def test_a_record_rendered_alone_brings_the_records_after_it(client, django_assert_num_queries):
    """Rendering reads ahead: the next records' details are rendered in the same queries, so asking for
    one of them costs only the data version and its key."""
    first, second = Observation.objects.order_by("pk")[:2]
    client.get(f"/api/v1/observations/{first.slug}/")
    with django_assert_num_queries(2):
        response = client.get(f"/api/v1/observations/{second.slug}/", {"lang": "en"})
    assert response.json()["slug"] == second.slug


def test_a_renamed_key_filters_by_its_new_name_at_once(client):
    """Natural keys are looked up once per data version: a write makes the next request look them up again."""
    unit = Unit.objects.get(code="percent")
    before = client.get("/api/v1/observations/", {"unit": "percent"}).json()["count"]
    unit.code = "pct"
    unit.save()
    assert before > 0
    assert client.get("/api/v1/observations/", {"unit": "pct"}).json()["count"] == before
    assert client.get("/api/v1/observations/", {"unit": "percent"}).json()["count"] == 0
