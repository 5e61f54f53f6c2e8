"""load_curated_data: idempotent, all-or-nothing, and precise about what is wrong."""

import json
import shutil

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from apps.core.models import natural_key
from apps.curation.loader import model_order


def snapshot():
    """Every curated row as (model, natural key) -> primary key, plus citation count."""
    rows = {}
    for label in model_order():
        model = apps.get_model(label)
        key = natural_key(model)
        rows.update({(label, natural): pk for natural, pk in model.objects.values_list(key, "pk")})
    rows["citations"] = apps.get_model("sources.citation").objects.count()
    return rows


@pytest.fixture
def fixtures_copy(tmp_path):
    target = tmp_path / "fixtures"
    shutil.copytree(settings.FIXTURES_DIR, target)
    return target


def edit(directory, filename, label, slug, **changes):
    path = directory / filename
    content = json.loads(path.read_text(encoding="utf-8"))
    record = next(r for r in content[label] if r.get("slug", r.get("code")) == slug)
    record.update(changes)
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")


def load(directory, capsys):
    with pytest.raises(CommandError, match="nothing was loaded"):
        call_command("load_curated_data", fixtures_dir=str(directory), verbosity=0)
    return capsys.readouterr().err


def test_loading_twice_changes_nothing(capsys):
    before = snapshot()
    call_command("load_curated_data")
    assert "0 created, 0 updated" in capsys.readouterr().out
    assert snapshot() == before


def test_a_changed_record_is_updated_in_place(fixtures_copy):
    before = snapshot()
    edit(fixtures_copy, "zones.json", "zones.zone", "north-group", name_en="Northern Group")
    call_command("load_curated_data", fixtures_dir=str(fixtures_copy), verbosity=0)
    assert snapshot() == before
    assert apps.get_model("zones.zone").objects.get(slug="north-group").name_en == "Northern Group"


def test_an_omitted_field_returns_to_its_default(fixtures_copy):
    path = fixtures_copy / "zones.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    record = next(r for r in content["zones.zone"] if r["slug"] == "north-group")
    del record["focus_en"]
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    call_command("load_curated_data", fixtures_dir=str(fixtures_copy), verbosity=0)
    assert apps.get_model("zones.zone").objects.get(slug="north-group").focus_en == ""


@pytest.mark.parametrize(
    ("filename", "label", "slug", "changes", "field", "message"),
    [
        ("zones.json", "zones.zone", "north-group", {"region": "atlantis"}, "region", "No regions.region"),
        ("zones.json", "zones.zone", "north-group", {"kind": "castle"}, "kind", "not a valid choice"),
        ("zones.json", "zones.zone", "north-group", {"colour": "red"}, "colour", "Unknown field"),
        ("zones.json", "zones.zone", "north-group", {"citations": []}, "citations", "At least one citation"),
        (
            "zones.json",
            "zones.zone",
            "north-group",
            {"citations": [{"document": "zhuxi-hub-take-off", "quote": "北组团主攻月球合作"}]},
            "citations[1].quote",
            "Does not occur",
        ),
        (
            "indicators.json",
            "indicators.observation",
            "industrial-investment-share-2023-jan-feb",
            {"value": "150"},
            "__all__",
            "observation_share_within_0_100",
        ),
        (
            "indicators.json",
            "indicators.observation",
            "gdp-2023-target",
            {"period_start": "2023-02-30"},
            "period_start",
            "invalid date",
        ),
        (
            "projects.json",
            "projects.milestone",
            "calb-jiangmen-base-phase-1-groundbreaking",
            {"date_precision": "month"},
            "date",
            "first day",
        ),
    ],
)
def test_a_broken_record_loads_nothing_and_is_named(
    fixtures_copy, capsys, filename, label, slug, changes, field, message
):
    edit(fixtures_copy, "regions.json", "regions.region", "jiangmen", name_en="Changed before the broken record")
    edit(fixtures_copy, filename, label, slug, **changes)
    before = snapshot()
    errors = load(fixtures_copy, capsys)
    assert f"{filename} › {label} › {slug} › {field}:" in errors
    assert message in errors
    assert snapshot() == before
    assert apps.get_model("regions.region").objects.get(slug="jiangmen").name_en == "Jiangmen"


def test_malformed_json_is_named(fixtures_copy, capsys):
    (fixtures_copy / "zones.json").write_text('{"zones.zone": [', encoding="utf-8")
    errors = load(fixtures_copy, capsys)
    assert "zones.json › - › - › -: Not valid JSON" in errors


def test_a_duplicate_natural_key_is_named(fixtures_copy, capsys):
    path = fixtures_copy / "extra.json"
    zone = json.loads((fixtures_copy / "zones.json").read_text(encoding="utf-8"))["zones.zone"][0]
    path.write_text(json.dumps({"zones.zone": [zone]}, ensure_ascii=False), encoding="utf-8")
    errors = load(fixtures_copy, capsys)
    assert f"zones.zone › {zone['slug']} › slug: Duplicate slug" in errors


def test_a_missing_seed_file_is_named(fixtures_copy, capsys):
    edit(fixtures_copy, "sources.json", "sources.sourcedocument", "zhuxi-hub-take-off", path="gone.txt")
    errors = load(fixtures_copy, capsys)
    assert "sources.json › sources.sourcedocument › zhuxi-hub-take-off › path: seeds/gone.txt does not exist" in errors


def test_an_unknown_model_label_is_named(fixtures_copy, capsys):
    (fixtures_copy / "extra.json").write_text('{"auth.user": []}', encoding="utf-8")
    errors = load(fixtures_copy, capsys)
    assert "extra.json › auth.user › - › -: Unknown model label" in errors


def test_a_record_renamed_in_the_fixtures_keeps_its_row_and_its_former_slug(fixtures_copy, client):
    zone = apps.get_model("zones.zone").objects.get(slug="north-group")
    for path in fixtures_copy.glob("*.json"):
        path.write_text(path.read_text(encoding="utf-8").replace('"north-group"', '"northern-group"'), encoding="utf-8")
    edit(fixtures_copy, "zones.json", "zones.zone", "northern-group", former_slugs=["north-group"])
    call_command("load_curated_data", fixtures_dir=str(fixtures_copy), verbosity=0)
    assert apps.get_model("zones.zone").objects.get(slug="northern-group").pk == zone.pk
    response = client.get("/api/v1/zones/north-group/?lang=zh")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/api/v1/zones/northern-group/?lang=zh"
    assert client.get(response["Location"]).json()["name_zh"] == zone.name_zh
    call_command("load_curated_data", fixtures_dir=str(fixtures_copy), verbosity=0)
    assert apps.get_model("core.formerslug").objects.filter(slug="north-group").count() == 1


def test_a_former_slug_may_not_be_a_current_one(fixtures_copy, capsys):
    edit(fixtures_copy, "zones.json", "zones.zone", "north-group", former_slugs=["south-group"])
    errors = load(fixtures_copy, capsys)
    assert "zones.json › zones.zone › north-group › former_slugs: 'south-group' is the slug of a record" in errors


def test_former_slugs_are_a_list_of_slugs(fixtures_copy, capsys):
    edit(fixtures_copy, "zones.json", "zones.zone", "north-group", former_slugs="north")
    assert "former_slugs: Expected a list of slugs." in load(fixtures_copy, capsys)


def test_a_change_carries_the_reason_given(fixtures_copy):
    edit(fixtures_copy, "zones.json", "zones.zone", "north-group", name_en="Northern Group")
    call_command(
        "load_curated_data", fixtures_dir=str(fixtures_copy), verbosity=0, reason="Names as the source gives them."
    )
    zone = apps.get_model("zones.zone").objects.get(slug="north-group")
    assert zone.history.latest().history_change_reason == "Names as the source gives them."
    assert zone.history.earliest().history_change_reason == "Loaded from the curated fixtures."


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("", "basis_note: Say what is inferred"),
        ("Parent inferred from the paragraph.", "basis_note: Quote the passage"),
        ("Parent inferred from 「北组团主攻月球合作」.", "basis_note: 「北组团主攻月球合作」 does not occur"),
    ],
)
def test_an_inferred_record_must_quote_what_it_is_inferred_from(fixtures_copy, capsys, note, message):
    edit(fixtures_copy, "zones.json", "zones.zone", "north-group", basis="inferred", basis_note=note)
    assert f"zones.json › zones.zone › north-group › {message}" in load(fixtures_copy, capsys)


def test_a_stated_record_carries_no_basis_note(fixtures_copy, capsys):
    edit(fixtures_copy, "zones.json", "zones.zone", "north-group", basis_note="Stated in 「北组团主攻中欧合作」.")
    assert "north-group › basis_note: Only an inferred record" in load(fixtures_copy, capsys)


def test_a_record_whose_citations_alone_change_is_found_by_updated_since(fixtures_copy, client):
    since = timezone.now()
    path = fixtures_copy / "zones.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    record = next(r for r in content["zones.zone"] if r["slug"] == "north-group")
    record["citations"].append({"document": record["citations"][0]["document"], "quote": "东组团主攻深江合作"})
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    call_command("load_curated_data", fixtures_dir=str(fixtures_copy), verbosity=0)
    zones = client.get("/api/v1/zones/", {"updated_since": since.isoformat()}).json()["results"]
    assert [zone["slug"] for zone in zones] == ["north-group"]
