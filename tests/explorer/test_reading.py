"""The explorer shows what the API answers: the same JSON, and facet counts the API's filters agree with."""

import pytest
from django.http import QueryDict
from django.test import RequestFactory

from apps.core.registry import registry
from apps.explorer.reading import api_read, facets
from apps.explorer.views import browsable

RESOURCES = [resource.name for resource in browsable()]


def request_for(query=""):
    return RequestFactory().get(f"/explore/?{query}")


@pytest.mark.parametrize("name", RESOURCES)
def test_a_list_read_is_the_api_answer(client, name):
    resource = registry[name]
    answer = api_read(request_for("limit=5&ordering=-" + resource.natural_key), resource)
    assert answer.ok
    assert answer.data == client.get(f"/api/v1/{name}/", {"limit": 5, "ordering": f"-{resource.natural_key}"}).json()


@pytest.mark.parametrize("name", RESOURCES)
def test_a_record_read_is_the_api_answer(client, name):
    resource = registry[name]
    key = client.get(f"/api/v1/{name}/", {"limit": 1}).json()["results"][0][resource.natural_key]
    answer = api_read(request_for("lang=zh"), resource, key=key)
    assert answer.data == client.get(f"/api/v1/{name}/{key}/", {"lang": "zh"}).json()


def test_a_bad_parameter_is_the_api_error():
    answer = api_read(request_for("value_min=lots"), registry["observations"])
    assert answer.status == 400
    message, details = answer.message
    assert message
    assert "value_min" in details


def test_a_format_asked_of_the_explorer_is_left_to_the_api_links():
    assert api_read(request_for("format=csv"), registry["projects"]).ok


@pytest.mark.parametrize("name", RESOURCES)
def test_each_facet_count_is_the_count_the_api_gives_for_that_value(client, name):
    resource = registry[name]
    found = facets(request_for(), resource)
    checked = 0
    for facet in found:
        for value in facet.values:
            params = QueryDict(value.url.lstrip("?"))
            assert client.get(f"/api/v1/{name}/", params).json()["count"] == value.count, (facet.name, value.value)
            checked += 1
    # Source documents are filtered by language, a free text, and have nothing to count by.
    assert (checked > 0) == (name != "sources")


def test_facets_count_within_the_current_filter(client):
    resource = registry["observations"]
    request = request_for("kind=target")
    measures = next(facet for facet in facets(request, resource) if facet.name == "measure")
    for value in measures.values:
        expected = client.get("/api/v1/observations/", {"kind": "target", "measure": value.value}).json()["count"]
        assert value.count == expected
    kinds = next(facet for facet in facets(request, resource) if facet.name == "kind")
    assert [(value.value, value.selected, value.url) for value in kinds.values] == [("target", True, "?")]
