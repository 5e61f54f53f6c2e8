"""Records kept rendered: the bytes are what the serializers and DRF's renderers produce, for every record,
both languages and every format, and a write re-renders exactly what shows the record it changed."""

import io

import openpyxl
import pytest
from django.core.management import call_command
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIRequestFactory

from apps.companies.models import Company
from apps.core import versioning
from apps.core.api.fragments import MEMO, READ_AHEADS, ReadAhead
from apps.core.api.renderers import SpreadsheetCSVRenderer
from apps.core.memo import BytesMemo
from apps.core.registry import registry
from apps.core.versioning import GENERATION, current_version
from apps.indicators.models import Observation, Unit
from apps.projects.models import Milestone
from apps.zones.models import Zone

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


def snapshot():
    """{(resource, pk, form): bytes} of what the serializers make of every record, in English."""
    found = {}
    for resource in RESOURCES:
        viewset = resource.viewset
        request = APIRequestFactory().get("/")
        request.response_language = "en"
        forms = {"item": (viewset.serializer_class, viewset.queryset)}
        forms["detail"] = (
            viewset.detail_serializer_class or viewset.serializer_class,
            viewset.queryset.prefetch_related(*viewset.detail_prefetch),
        )
        for form, (serializer_class, queryset) in forms.items():
            for record in queryset.all():
                data = serializer_class(record, context={"request": request}).data
                found[resource.name, record.pk, form] = JSONRenderer().render(data)
    return found


def most_shown(resource, before):
    """The record of the resource whose natural key the other resources' records name most often."""
    others = b"".join(content for (name, _, _), content in before.items() if name != resource.name)
    key = resource.natural_key
    return max(
        resource.model.objects.all(),
        key=lambda record: others.count(f'"{key}":"{getattr(record, key)}"'.encode()),
    )


def edit(record, natural_key):
    """Change what every representation that shows the record shows of it: its names and its key."""
    for name in ("name_en", "title_en", natural_key):
        if hasattr(record, name):
            limit = type(record)._meta.get_field(name).max_length
            setattr(record, name, f"{getattr(record, name)[: limit - 7]}-edited")
    record.save()


def moved(before, after):
    """{(resource, pk)} of the records whose own write counters moved."""
    return {
        (resource.name, pk)
        for resource in RESOURCES
        for pk, counter in after.of_records(resource.name).items()
        if before.of_records(resource.name).get(pk, 0) != counter
    }


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda resource: resource.name)
def test_a_write_rerenders_every_record_that_shows_it_and_only_those(client, resource):
    """Whichever record is written, every kept rendering that shows it is rebuilt and the others are kept."""
    lists = {other.name: f"/api/v1/{other.name}/?lang=en&limit=500" for other in RESOURCES}
    for url in lists.values():
        client.get(url)
    before, version = snapshot(), current_version()
    edit(most_shown(resource, before), resource.natural_key)
    after = snapshot()
    changed = {(name, pk) for (name, pk, form), content in after.items() if before.get((name, pk, form)) != content}
    rerendered = moved(version, current_version())
    assert changed <= rerendered
    # What is rebuilt without having changed: records related to it through a relation they do not show.
    assert len(rerendered - changed) <= len(changed) / 10 + 1
    assert current_version().of(GENERATION) == version.of(GENERATION)
    for other in RESOURCES:
        response = client.get(lists[other.name])
        pks = dict(other.model.objects.values_list(other.natural_key, "pk"))
        items = [after[other.name, pks[item[other.natural_key]], "item"] for item in response.json()["results"]]
        envelope = JSONRenderer().render({"count": len(items), "next": None, "previous": None, "results": []})
        assert response.content == envelope[:-2] + b",".join(items) + b"]}", other.name
    for (name, pk, form), content in after.items():
        if form == "detail" and (name, pk) in changed:
            key = getattr(registry[name].model.objects.get(pk=pk), registry[name].natural_key)
            assert client.get(f"/api/v1/{name}/{key}/", {"lang": "en"}).content == content, (name, key)


def test_a_write_keeps_the_renderings_of_records_that_do_not_show_it(client):
    unit = Unit.objects.get(code="percent")
    other = Observation.objects.exclude(unit=unit).exclude(display_unit=unit).first()
    shown = Observation.objects.filter(unit=unit).first()
    version = current_version()
    unit.name_en = "per cent"
    unit.save()
    rerendered = moved(version, current_version())
    assert ("units", unit.pk) in rerendered and ("observations", shown.pk) in rerendered
    assert ("observations", other.pk) not in rerendered
    assert not {name for name, _ in rerendered} & {"milestones", "sources"}
    assert client.get(f"/api/v1/observations/{shown.slug}/").json()["unit"]["name_en"] == "per cent"


def test_a_new_link_rerenders_both_ends(client):
    company = Company.objects.exclude(zones__isnull=False).first() or Company.objects.first()
    zone = Zone.objects.exclude(companies=company).first()
    client.get(f"/api/v1/companies/{company.slug}/")
    client.get(f"/api/v1/zones/{zone.slug}/")
    version = current_version()
    company.zones.add(zone)
    assert {("companies", company.pk), ("zones", zone.pk)} <= moved(version, current_version())
    assert zone.slug in {item["slug"] for item in client.get(f"/api/v1/companies/{company.slug}/").json()["zones"]}


def test_a_deletion_rerenders_what_showed_the_record(client):
    milestone = Milestone.objects.first()
    project = milestone.project
    assert milestone.slug in {
        item["slug"] for item in client.get(f"/api/v1/projects/{project.slug}/").json()["milestones"]
    }
    version = current_version()
    milestone.delete()
    assert ("projects", project.pk) in moved(version, current_version())
    assert milestone.slug not in {
        item["slug"] for item in client.get(f"/api/v1/projects/{project.slug}/").json()["milestones"]
    }


def test_past_so_many_record_counters_a_write_counts_as_one_in_bulk(client, monkeypatch):
    """The records' counters are read with every data version, so they are kept few."""
    monkeypatch.setattr(versioning, "MAX_RECORD_COUNTERS", 3)
    unit = Unit.objects.get(code="percent")
    version = current_version()
    unit.name_en = "per cent"
    unit.save()
    after = current_version()
    assert after.of(GENERATION) == version.of(GENERATION) + 1
    assert after.records == {}
    assert client.get("/api/v1/units/percent/").json()["name_en"] == "per cent"


def test_a_load_counts_as_one_write_in_bulk():
    """Loading every record does not look for what shows each one: it starts the records' counters again."""
    version = current_version()
    call_command("load_curated_data", verbosity=0)
    assert current_version().records == {}
    assert current_version().of(GENERATION) in (version.of(GENERATION), version.of(GENERATION) + 1)


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


def test_reading_ahead_stops_where_the_records_read_ahead_are_not_asked_for(client, monkeypatch):
    """At scale a worker does not meet again the records after the one asked for: rendering them is waste."""
    monkeypatch.setattr(ReadAhead, "TRIAL", 10)
    first, second = Observation.objects.order_by("pk")[:2]
    client.get(f"/api/v1/observations/{first.slug}/", {"lang": "en"})
    assert READ_AHEADS["observations:detail"].rendered >= 10
    BytesMemo.clear_all()
    client.get(f"/api/v1/observations/{second.slug}/", {"lang": "en"})
    names = [name for name in MEMO.entries if name.startswith("record:observations:detail:")]
    assert len(names) == 1


def test_a_renamed_key_filters_by_its_new_name_at_once(client):
    """Natural keys are looked up once per data version: a write makes the next request look them up again."""
    unit = Unit.objects.get(code="percent")
    before = client.get("/api/v1/observations/", {"unit": "percent"}).json()["count"]
    unit.code = "pct"
    unit.save()
    assert before > 0
    assert client.get("/api/v1/observations/", {"unit": "pct"}).json()["count"] == before
    assert client.get("/api/v1/observations/", {"unit": "percent"}).json()["count"] == 0
