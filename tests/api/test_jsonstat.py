"""Observations as JSON-stat 2.0: valid against the format's schema, and read back by a JSON-stat reader."""

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from pyjstat import pyjstat

from tests.api.base import error_of

SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "json-stat-2.0.json").read_text())


def jsonstat(client, **params):
    response = client.get("/api/v1/observations/", {"format": "jsonstat", **params})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cube_validates_against_the_json_stat_schema(client, lang):
    dataset = jsonstat(client, limit=500, lang=lang).json()
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(dataset)
    assert dataset["id"] == ["indicator", "region", "subject", "period", "kind"]
    assert dataset["role"] == {"metric": ["indicator"], "geo": ["region"], "time": ["period"]}
    assert len(dataset["value"]) == 66


def test_a_json_stat_reader_gives_back_every_value(client):
    figures = client.get("/api/v1/observations/", {"limit": 500}).json()["results"]
    response = jsonstat(client, limit=500)
    frame = pyjstat.Dataset.read(response.content.decode()).write("dataframe", naming="id").dropna()
    read = Counter(
        (row.indicator.split(".")[0], row.region, row.kind, Decimal(str(row.value))) for row in frame.itertuples()
    )
    served = Counter(
        (f["indicator"]["slug"], f["region"]["slug"], f["kind"], Decimal(f["value"]).normalize()) for f in figures
    )
    assert read == served


def test_units_quotes_and_comparators_travel_with_the_values(client):
    dataset = jsonstat(client, kind="stretch_target").json()
    (index,) = dataset["value"]
    assert dataset["value"][index] == 7
    assert dataset["status"] == {index: "at_least"}
    indicator = dataset["dimension"]["indicator"]["category"]
    (key,) = indicator["index"]
    assert key.endswith(".growth_rate")
    assert indicator["unit"][key]["label"] == "percent"
    assert any("“力争7%以上”" in note for note in dataset["note"])
    slug = dataset["extension"]["figures"][index]
    assert client.get(f"/api/v1/observations/{slug}/").json()["text_as_written"] == "力争7%以上"


def test_names_follow_the_language_and_paging_links_follow(client):
    dataset = jsonstat(client, lang="zh", region="jiangmen", limit=5).json()
    assert dataset["dimension"]["region"]["category"]["label"] == {"jiangmen": "江门"}
    assert dataset["extension"]["count"] > 5
    assert "offset=5" in dataset["link"]["next"][0]["href"]
    assert "format=jsonstat" in dataset["link"]["next"][0]["href"]


def test_every_figure_keeps_a_cell_of_its_own(client):
    """Two figures about the same project, indicator, period and kind are told apart by the subject."""
    dataset = jsonstat(client, project="calb-jiangmen-base", limit=500).json()
    count = client.get("/api/v1/observations/", {"project": "calb-jiangmen-base"}).json()["count"]
    assert len(dataset["value"]) == len(set(dataset["extension"]["figures"].values())) == count


def test_json_stat_is_a_format_of_observations_only(client):
    error = error_of(client.get("/api/v1/projects/", {"format": "jsonstat"}))
    assert error["status"] == 400
    assert "format" in error["details"]


def test_the_schema_documents_the_format_and_its_body(client):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]
    operation = paths["/api/v1/observations/"]["get"]
    (format_parameter,) = [p for p in operation["parameters"] if p["name"] == "format"]
    assert "jsonstat" in format_parameter["schema"]["enum"]
    documented, jsonstat_body = operation["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"]
    assert documented == {"$ref": "#/components/schemas/PaginatedObservationList"}
    assert jsonstat_body["title"] == "JSON-stat 2.0 dataset"
    (projects_format,) = [p for p in paths["/api/v1/projects/"]["get"]["parameters"] if p["name"] == "format"]
    assert "jsonstat" not in projects_format["schema"]["enum"]
