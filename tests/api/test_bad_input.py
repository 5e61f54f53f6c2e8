"""A catalogue of bad inputs: each gets the documented error in the one error shape, never a 500."""

import pytest

from tests.api.base import error_of

BAD_PARAMETERS = {
    "non-numeric number": ("/api/v1/observations/", {"value_min": "abc"}, "value_min"),
    "number out of range": ("/api/v1/observations/", {"value_max": "1e400"}, "value_max"),
    "fractional integer": ("/api/v1/milestones/", {"phase": "0.5"}, "phase"),
    "unknown enum value": ("/api/v1/zones/", {"kind": "castle"}, "kind"),
    "malformed date": ("/api/v1/events/", {"date_from": "yesterday"}, "date_from"),
    "impossible date": ("/api/v1/milestones/", {"date_to": "2023-02-30"}, "date_to"),
    "month thirteen": ("/api/v1/observations/", {"period_from": "2023-13-01"}, "period_from"),
    "limit over the maximum": ("/api/v1/regions/", {"limit": "501"}, "limit"),
    "limit of zero": ("/api/v1/regions/", {"limit": "0"}, "limit"),
    "limit not a number": ("/api/v1/regions/", {"limit": "ten"}, "limit"),
    "negative offset": ("/api/v1/regions/", {"offset": "-1"}, "offset"),
    "offset beyond any page": ("/api/v1/regions/", {"offset": str(10**20)}, "offset"),
    "unknown ordering field": ("/api/v1/projects/", {"ordering": "password"}, "ordering"),
    "empty ordering item": ("/api/v1/projects/", {"ordering": "slug,"}, "ordering"),
    "10,000-character search": ("/api/v1/companies/", {"search": "江" * 10_000}, "search"),
    "empty parameter": ("/api/v1/zones/", {"kind": ""}, "kind"),
    "flag that is not true or false": ("/api/v1/events/", {"is_first": "yes"}, "is_first"),
    "NUL character in a search": ("/api/v1/regions/", {"search": "江\x00门"}, "search"),
    "NUL character in a slug filter": ("/api/v1/observations/", {"indicator": "gdp\x00"}, "indicator"),
}


@pytest.mark.parametrize(("url", "params", "parameter"), BAD_PARAMETERS.values(), ids=BAD_PARAMETERS.keys())
def test_bad_parameter_is_400_naming_it(client, url, params, parameter):
    response = client.get(url, params)
    assert response.status_code == 400
    assert parameter in error_of(response)["details"]


HARMLESS_TEXT = {
    "SQL metacharacters": "'; DROP TABLE regions_region; --",
    "HTML metacharacters": "<script>alert('江门')</script>",
    "percent and underscore wildcards": "%_%",
    "backslashes and quotes": "\\\"\\'",
}


@pytest.mark.parametrize("text", HARMLESS_TEXT.values(), ids=HARMLESS_TEXT.keys())
def test_metacharacters_are_searched_for_literally(client, text):
    response = client.get("/api/v1/regions/", {"search": text})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["count"] == 0
    assert client.get("/api/v1/regions/").json()["count"] > 0


@pytest.mark.parametrize(
    "query_string",
    ["search=%E6%B1", "search=%ZZ", "search=%", "search=%FF%FE", "kind=%00"],
    ids=["truncated UTF-8", "invalid escape", "lone percent", "non-UTF-8 bytes", "encoded NUL"],
)
def test_broken_encodings_are_never_a_server_error(client, query_string):
    response = client.get(f"/api/v1/zones/?{query_string}")
    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "path",
    ["/api/v1/regions/no-such-region/", "/api/v1/regions/%00/", "/api/v1/units/%E6%B1/", "/api/v1/zones/a.b/"],
    ids=["unknown slug", "NUL", "broken UTF-8", "dot"],
)
def test_bad_lookups_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_unsupported_methods_are_405(client, method):
    response = getattr(client, method)("/api/v1/projects/calb-jiangmen-base/", "x=1", content_type="text/plain")
    assert response.status_code == 405


def test_unsupported_media_type_is_406(client):
    response = client.get("/api/v1/projects/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    assert error_of(response)["code"] == "not_acceptable"


def test_an_unknown_format_is_400_naming_it(client):
    for url in ("/api/v1/zones/", "/api/v1/zones/north-group/"):
        response = client.get(url, {"format": "pdf"})
        assert response.status_code == 400
        assert "format" in error_of(response)["details"]
