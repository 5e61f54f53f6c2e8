"""Curators' tools: change history with revert, and spreadsheet import and export validated like the loader."""

import json

import pytest
import tablib
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.curation.spreadsheets import resource_for
from apps.projects.models import Project
from apps.regions.models import Region
from apps.zones.models import Zone


@pytest.fixture
def curator(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    client.force_login(user)
    return user


def test_an_admin_edit_is_in_the_history_with_who_and_can_be_reverted(client, curator):
    project = Project.objects.get(slug="calb-jiangmen-base")
    project.history.all().delete()
    project.save()
    original = project.name_en
    project.name_en = "CALB Jiangmen Base (renamed)"
    project._history_user = curator
    project.save()
    history_page = client.get(f"/admin/projects/project/{project.pk}/history/").content.decode()
    assert "editor" in history_page
    first = project.history.earliest()
    response = client.post(
        f"/admin/projects/project/{project.pk}/history/{first.history_id}/",
        {
            **{f: getattr(first, f) or "" for f in ("slug", "name_zh", "name_en", "description_zh", "description_en")},
            "company": first.company_id or "",
            "industry": first.industry_id or "",
            "zone": first.zone_id or "",
            "region": first.region_id,
            "status": first.status,
            "phase_count": first.phase_count or "",
            "basis": first.basis,
            "basis_note": first.basis_note,
            "change_note": "Reverted: the source names it so.",
            "_change_history": "1",
        },
    )
    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).name_en == original
    assert project.history.latest().history_change_reason == "Reverted: the source names it so."


def test_export_names_related_records_by_slug_and_carries_citations():
    dataset = resource_for(Region)().export(Region.objects.filter(slug="jiangmen"))
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert row["parent"] == "guangdong"
    assert json.loads(row["citations"])[0]["document"] == "zhuxi-hub-take-off"


def exported_regions():
    return resource_for(Region)().export(Region.objects.filter(slug__in=["jiangmen", "zhongshan"]))


def test_an_import_updates_records_and_keeps_their_citations():
    dataset = exported_regions()
    names = dataset.headers.index("name_en")
    rows = [list(row) for row in dataset]
    rows[0][names] = rows[0][names] + " (edited)"
    edited = tablib.Dataset(*rows, headers=dataset.headers)
    result = resource_for(Region)().import_data(edited, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    region = Region.objects.get(slug=rows[0][dataset.headers.index("slug")])
    assert region.name_en.endswith("(edited)")
    assert region.citations.count() >= 1


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("citations", json.dumps([{"document": "zhuxi-hub-take-off", "quote": "不存在的句子"}]), "Does not occur"),
        ("citations", "[]", "At least one citation"),
        ("level", "planet", "not a valid choice"),
        ("parent", "atlantis", ""),
    ],
)
def test_an_invalid_import_saves_nothing(column, value, message):
    dataset = exported_regions()
    rows = [list(row) for row in dataset]
    rows[0][dataset.headers.index(column)] = value
    rows[1][dataset.headers.index("name_en")] = "Should not be saved"
    before = list(Region.objects.order_by("pk").values_list("name_en", "level", "parent_id"))
    result = resource_for(Region)().import_data(tablib.Dataset(*rows, headers=dataset.headers), dry_run=False)
    assert result.has_errors() or result.has_validation_errors()
    reported = str([row.error for row in result.invalid_rows]) + str(result.row_errors())
    assert message in reported
    assert list(Region.objects.order_by("pk").values_list("name_en", "level", "parent_id")) == before


def import_regions(client, dataset, **fields):
    content = dataset.export("csv").encode("utf-8")
    return client.post(
        "/admin/regions/region/import/",
        {
            "format": "0",
            "resource": "0",
            "import_file": SimpleUploadedFile("regions.csv", content, "text/csv"),
            **fields,
        },
    )


def test_the_admin_previews_an_import_before_saving(client, curator):
    response = import_regions(client, exported_regions(), change_note="Names checked against the source.")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Confirm import" in page or "confirm" in page.lower()
    assert Region.objects.get(slug="jiangmen").name_en == "Jiangmen"


def test_an_import_needs_a_change_note(client, curator):
    response = import_regions(client, exported_regions())
    assert response.status_code == 200
    assert response.context["form"].errors == {"change_note": ["This field is required."]}
    assert "confirm_form" not in response.context


def test_an_imported_change_keeps_its_note_as_the_reason(client, curator):
    dataset = exported_regions()
    row = dataset.dict[0]
    row["name_en"] = f"{row['name_en']} (imported)"
    edited = tablib.Dataset(headers=dataset.headers)
    edited.append([row[header] for header in dataset.headers])
    preview = import_regions(client, edited, change_note="English name as the source gives it.")
    confirm = preview.context["confirm_form"]
    response = client.post("/admin/regions/region/process_import/", confirm.initial)
    assert response.status_code == 302
    region = Region.objects.get(slug=row["slug"])
    assert region.name_en == row["name_en"]
    assert region.history.latest().history_change_reason == "English name as the source gives it."


def test_the_admin_exports_csv(client, curator):
    resource = resource_for(Zone)
    selected = {f"{resource.__name__.lower()}_{name}": "on" for name in resource().get_export_order()}
    response = client.post("/admin/zones/zone/export/", {"format": "0", "resource": "0", **selected})
    assert response.status_code == 200
    assert "north-group" in response.content.decode("utf-8")
