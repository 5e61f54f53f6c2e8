"""The shared FilterSet parts: natural-key filters, the slug tie-break of orderings, figure ranges."""

import pytest

from apps.industries.models import Industry
from apps.zones.models import Zone


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/zones/", "region"),
        ("/api/v1/zones/", "industry"),
        ("/api/v1/observations/", "indicator"),
        ("/api/v1/observations/", "unit"),
        ("/api/v1/events/", "region"),
    ],
)
def test_an_unknown_natural_key_matches_nothing(client, url, parameter):
    response = client.get(url, {parameter: "no-such-record"})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_a_natural_key_filter_over_a_many_to_many_link_finds_every_linked_record(client):
    industry = Industry.objects.filter(zones__isnull=False).order_by("slug").first()
    expected = set(Zone.objects.filter(industries=industry).values_list("slug", flat=True))
    found = {
        z["slug"] for z in client.get("/api/v1/zones/", {"industry": industry.slug, "limit": 500}).json()["results"]
    }
    assert expected
    assert found == expected


@pytest.mark.parametrize("ordering", ["kind", "-kind"])
def test_ties_break_on_the_slug_in_the_direction_of_the_ordering(client, ordering):
    """Slug order is taken from the database itself, as collations differ between databases."""
    by_slug = [z["slug"] for z in client.get("/api/v1/zones/", {"ordering": "slug", "limit": 500}).json()["results"]]
    zones = client.get("/api/v1/zones/", {"ordering": ordering, "limit": 500}).json()["results"]
    groups = {}
    for zone in zones:
        groups.setdefault(zone["kind"], []).append(by_slug.index(zone["slug"]))
    assert any(len(ranks) > 1 for ranks in groups.values())
    for ranks in groups.values():
        assert ranks == sorted(ranks, reverse=ordering.startswith("-"))


def test_figure_ranges_compare_the_named_indicator_only(client):
    at_least = {z["slug"] for z in client.get("/api/v1/zones/", {"area_min": "100", "limit": 500}).json()["results"]}
    at_most = {z["slug"] for z in client.get("/api/v1/zones/", {"area_max": "100", "limit": 500}).json()["results"]}
    with_area = set(
        Zone.objects.filter(observations__indicator__slug="planned-area").values_list("slug", flat=True).distinct()
    )
    assert at_least and at_most
    assert at_least | at_most == with_area


@pytest.mark.parametrize(
    ("since", "everything"),
    [
        ("0129-03-06T17:51:25-17:15", True),  # an offset PostgreSQL does not take: compared in UTC
        ("0001-01-01T00:00:00+23:59", True),  # before the year 1 in UTC: the earliest there is
        ("9999-12-31T23:59:59-23:59", False),  # after the year 9999 in UTC: the latest there is
    ],
)
def test_times_are_compared_in_utc_whatever_their_offset(client, since, everything):
    every = client.get("/api/v1/sources/").json()["count"]
    for url in ("/api/v1/sources/", "/api/v1/changes/"):
        response = client.get(url, {"updated_since": since})
        assert response.status_code == 200
    assert client.get("/api/v1/sources/", {"updated_since": since}).json()["count"] == (every if everything else 0)
