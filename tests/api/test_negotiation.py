"""Content negotiation: what was chosen for a view's renderers, `format` and Accept header is reused."""

import pytest
from rest_framework.exceptions import NotAcceptable, ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from apps.core.api import negotiation
from apps.core.api.negotiation import StrictContentNegotiation
from apps.indicators.api.views import ObservationViewSet

ACCEPTS = [None, "*/*", "application/json", "text/csv", "text/html;q=0.9, application/json", "application/x-ndjson"]


def negotiate(negotiator, query, accept):
    headers = {} if accept is None else {"HTTP_ACCEPT": accept}
    request = Request(APIRequestFactory().get(f"/api/v1/observations/{query}", **headers))
    renderers = ObservationViewSet().get_renderers()
    renderer, media_type = negotiator.select_renderer(request, renderers)
    return type(renderer), media_type


@pytest.mark.parametrize("accept", ACCEPTS)
@pytest.mark.parametrize("query", ["", "?format=json", "?format=csv", "?format=xlsx"])
def test_a_kept_choice_is_the_one_negotiated_afresh(query, accept, monkeypatch):
    monkeypatch.setattr(negotiation, "CHOICES", {})
    try:
        expected = negotiate(DefaultContentNegotiation(), query, accept)
    except NotAcceptable:
        with pytest.raises(NotAcceptable):
            negotiate(StrictContentNegotiation(), query, accept)
        assert negotiation.CHOICES == {}
        return
    assert negotiate(StrictContentNegotiation(), query, accept) == expected
    assert len(negotiation.CHOICES) == 1
    assert negotiate(StrictContentNegotiation(), query, accept) == expected


def test_an_unknown_format_is_refused_every_time(monkeypatch):
    monkeypatch.setattr(negotiation, "CHOICES", {})
    for _ in range(2):
        with pytest.raises(ValidationError):
            negotiate(StrictContentNegotiation(), "?format=pdf", None)
    assert negotiation.CHOICES == {}


def test_choices_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(negotiation, "CHOICES", {})
    monkeypatch.setattr(negotiation, "CHOICES_KEPT", 3)
    for number in range(10):
        negotiate(StrictContentNegotiation(), "", f"application/json;q=0.{number}")
    assert len(negotiation.CHOICES) == 3
