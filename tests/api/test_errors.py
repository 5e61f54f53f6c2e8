"""One JSON error shape for every error status, whichever layer raises it."""

from decimal import Decimal
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError

from apps.regions.api.views import RegionViewSet
from tests.api.base import error_of


def test_an_unknown_path_is_a_json_404(client):
    response = client.get("/api/v1/no-such-resource/")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_an_unsupported_media_type_is_406(client):
    response = client.get("/api/v1/regions/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    assert error_of(response)["code"] == "not_acceptable"


def test_a_write_with_any_body_is_405(client):
    response = client.post("/api/v1/regions/", "<x/>", content_type="application/xml")
    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"


def test_an_internal_error_is_a_json_500_without_a_trace(client):
    client.raise_request_exception = False
    with mock.patch.object(RegionViewSet, "list", side_effect=RuntimeError("secret detail")):
        response = client.get("/api/v1/regions/")
    assert response.status_code == 500
    assert error_of(response)["code"] == "error"
    assert b"secret detail" not in response.content
    assert b"Traceback" not in response.content


def test_a_bad_filter_value_names_the_parameter_and_its_problem(client):
    response = client.get("/api/v1/observations/", {"value_min": "lots", "kind": "rumour"})
    assert response.status_code == 400
    details = error_of(response)["details"]
    assert set(details) == {"value_min", "kind"}
    assert all(isinstance(messages, list) and messages for messages in details.values())


def test_permission_and_throttling_errors_share_the_shape(client):
    """The API has no authentication, so DRF answers 403 where a 401 would otherwise be."""
    from rest_framework.exceptions import NotAuthenticated, PermissionDenied, Throttled

    client.raise_request_exception = False
    for exception, status in ((NotAuthenticated(), 403), (PermissionDenied(), 403), (Throttled(wait=7), 429)):
        with mock.patch.object(RegionViewSet, "list", side_effect=exception):
            response = client.get("/api/v1/regions/")
        assert response.status_code == status
        assert error_of(response)["status"] == status
    assert response["Retry-After"] == "7"


def test_several_ordering_fields_apply_in_turn(client):
    items = client.get("/api/v1/observations/", {"ordering": "measure,-value", "limit": 500}).json()["results"]
    measures = [o["measure"] for o in items]
    assert measures == sorted(measures)
    for measure in set(measures):
        values = [Decimal(o["value"]) for o in items if o["measure"] == measure]
        assert values == sorted(values, reverse=True)


@pytest.mark.parametrize(
    "outage", [OperationalError("connection refused"), InterfaceError("connection already closed")]
)
def test_a_database_outage_in_a_view_is_a_503_to_retry(client, outage):
    client.raise_request_exception = False
    with mock.patch.object(RegionViewSet, "list", side_effect=outage):
        response = client.get("/api/v1/regions/")
    assert response.status_code == 503
    assert error_of(response)["code"] == "service_unavailable"
    assert int(response["Retry-After"]) > 0


def test_a_database_outage_before_any_view_is_a_503_too_and_reads_recover(client):
    """The data version is read by the edge middleware, before DRF: Django's own last resort answers there."""
    client.raise_request_exception = False
    with mock.patch("apps.core.versioning.read_version", side_effect=OperationalError("server closed the connection")):
        for url in ("/api/v1/regions/", "/api/v1/projects/calb-jiangmen-base/", "/api/v1/datasets/"):
            response = client.get(url)
            assert response.status_code == 503
            assert error_of(response)["code"] == "service_unavailable"
            assert int(response["Retry-After"]) > 0
    assert client.get("/api/v1/regions/").status_code == 200
