"""A query parameter an operation does not declare is a 400 naming it; what is accepted is what the schema lists."""

import re

import pytest

from apps.core.registry import registry
from tests.api.base import error_of, openapi_paths, schema_operations


def accepted_in(message):
    return set(re.search(r"It accepts: (.*)\.$", message).group(1).split(", "))


def test_a_misspelt_filter_is_refused_not_ignored(client):
    response = client.get("/api/v1/projects/", {"stauts": "operating"})
    assert response.status_code == 400
    details = error_of(response)["details"]
    assert set(details) == {"stauts"}
    assert {"status", "zone", "limit", "offset", "ordering", "format", "lang"} <= accepted_in(details["stauts"][0])


def test_every_unknown_parameter_is_named(client):
    response = client.get("/api/v1/observations/", {"kind": "target", "knd": "x", "vaule_min": "1"})
    assert response.status_code == 400
    assert set(error_of(response)["details"]) == {"knd", "vaule_min"}


def test_a_detail_takes_no_filters_or_paging(client):
    for params in ({"zone": "north-group"}, {"limit": "1"}):
        response = client.get("/api/v1/projects/calb-jiangmen-base/", params)
        assert response.status_code == 400
        assert set(error_of(response)["details"]) == set(params)


def test_the_cache_busting_parameter_is_allowed_and_changes_nothing(client):
    plain = client.get("/api/v1/regions/")
    busted = client.get("/api/v1/regions/", {"_": "1700000000000"})
    assert busted.status_code == 200
    assert busted.content == plain.content


def test_writes_stay_405_whatever_their_parameters(client):
    assert client.post("/api/v1/regions/?stauts=x").status_code == 405


def test_every_operation_accepts_exactly_what_its_schema_documents(client):
    operations = list(schema_operations(client))
    assert len(operations) > len(list(registry))
    for url, parameters in operations:
        documented = {parameter["name"] for parameter in parameters if parameter["in"] == "query"}
        response = client.get(url, {"no_such_parameter": "1"})
        assert response.status_code == 400, url
        assert accepted_in(error_of(response)["details"]["no_such_parameter"][0]) == documented, url


@pytest.mark.parametrize("url", ["/api/v1/", "/api/v1/datasets/"])
def test_views_with_json_alone_document_json_alone(client, url):
    (format_parameter,) = [p for p in openapi_paths(client)[url]["get"]["parameters"] if p["name"] == "format"]
    assert format_parameter["schema"]["enum"] == ["json"]
    assert client.get(url, {"format": "csv"}).status_code == 400


def test_a_parameter_given_twice_is_refused_rather_than_one_value_winning(client):
    response = client.get("/api/v1/regions/?offset=x&offset=1")
    assert response.status_code == 400
    assert set(error_of(response)["details"]) == {"offset"}
