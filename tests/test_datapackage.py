"""The dataset zip is a Frictionless Data Package: the `frictionless` library validates it with no errors."""

import io
import json
import zipfile

import frictionless
import pytest

from apps.core.registry import registry


@pytest.fixture
def package(client, tmp_path):
    """The dataset zip, unpacked."""
    zipfile.ZipFile(io.BytesIO(client.get("/api/v1/datasets/curated.zip").content)).extractall(tmp_path)
    return tmp_path


def descriptor(directory):
    return json.loads((directory / "datapackage.json").read_text())


def schema_of(directory, table):
    return next(r["schema"] for r in descriptor(directory)["resources"] if r["name"] == table)


def test_frictionless_validates_the_package_with_no_errors(package):
    report = frictionless.validate(package / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["errors"] == 0
    assert {task.name for task in report.tasks} == {r.name for r in registry.models()}


def test_every_csv_is_described_with_its_checksum(package):
    resources = descriptor(package)["resources"]
    assert sorted(f"{r['name']}.csv" for r in resources) == sorted(p.name for p in package.glob("*.csv"))
    sums = dict(reversed(line.split("  ")) for line in (package / "SHA256SUMS").read_text().splitlines())
    assert "datapackage.json" in sums
    for resource in resources:
        assert resource["hash"] == f"sha256:{sums[resource['path']]}"


def test_types_keys_and_units_come_from_the_models(package):
    schema = schema_of(package, "observations")
    fields = {field["name"]: field for field in schema["fields"]}
    assert fields["value"]["type"] == "number"
    assert "unit.code" in fields["value"]["description"]
    assert fields["display_value"]["type"] == "number"
    assert "display_unit.code" in fields["display_value"]["description"]
    assert fields["period.start"]["type"] == "date"
    assert fields["kind"]["constraints"]["enum"] == ["actual", "target", "stretch_target", "planned"]
    assert schema["primaryKey"] == "slug"
    keys = {key["fields"]: key["reference"] for key in schema["foreignKeys"]}
    assert keys["indicator.slug"] == {"resource": "indicators", "fields": "slug"}
    assert keys["display_unit.code"] == {"resource": "units", "fields": "code"}
    assert keys["citations.0.document"] == {"resource": "sources", "fields": "slug"}
    units = schema_of(package, "units")
    assert units["primaryKey"] == "code"
    assert units["foreignKeys"] == [{"fields": "base", "reference": {"resource": "", "fields": "code"}}]
    assert {f["name"]: f["type"] for f in units["fields"]}["factor"] == "number"


def test_the_package_names_its_licence_publisher_and_source(package):
    package_descriptor = descriptor(package)
    assert package_descriptor["licenses"][0]["name"] == "other-at"
    assert "cite the source documents" in package_descriptor["description"]
    assert package_descriptor["contributors"][0]["role"] == "publisher"
    (source,) = package_descriptor["sources"]
    assert source["path"].endswith("/api/v1/sources/zhuxi-hub-take-off/")


def test_a_reference_to_a_missing_record_fails_validation(package):
    """The foreign keys are checked, not only declared: a dangling indicator is reported."""
    path = package / "observations.csv"
    path.write_bytes(path.read_bytes().replace(b",industrial-output-value,", b",no-such-indicator,", 1))
    manifest = descriptor(package)
    for resource in manifest["resources"]:
        resource.pop("hash")
        resource.pop("bytes")
    (package / "datapackage.json").write_text(json.dumps(manifest))
    report = frictionless.validate(package / "datapackage.json")
    assert not report.valid
    assert [row[0] for row in report.flatten(["type"])] == ["foreign-key"]
