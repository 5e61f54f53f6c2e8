import pytest
from django.core.cache import cache
from rest_framework.serializers import Serializer
from rest_framework.test import APIRequestFactory

from apps.core.api.pagination import KEY_LISTS
from apps.events.api.serializers import TimelineEntrySerializer
from apps.events.models import Event
from apps.events.timeline import timeline
from apps.projects.models import Milestone
from tests.api.base import APIEndpointTests, accepts_reference, accepts_text, accepts_value, error_of
from tests.api.test_regions import CURATED


class TestEvents(APIEndpointTests):
    url = "/api/v1/events/"
    lookup = "rcep-exchange-centre-established"
    list_queries = 11
    detail_queries = 14
    item_fields = CURATED | {
        "kind",
        "date",
        "date_precision",
        "date_text",
        "is_first",
        "first_scope",
        "region",
        "regions",
        "zones",
        "industries",
        "companies",
        "projects",
        "facilities",
    }
    detail_fields = item_fields | {"observations", "distinctions"}
    filters = [
        ("is_first", "true", accepts_value("is_first", True)),
        ("first_scope", "provincial", accepts_value("first_scope", "provincial")),
        ("kind", "meeting", accepts_value("kind", "meeting")),
        ("date_from", "2023-01-01", lambda e: e["date"] >= "2023-01-01"),
        ("date_to", "2021-12-31", lambda e: e["date"] <= "2021-12-31"),
        ("date_precision", "month", accepts_value("date_precision", "month")),
        ("zone", "rcep-exchange-centre", accepts_reference("zones", "rcep-exchange-centre")),
        ("region", "zhongshan", lambda e: "zhongshan" in {r["slug"] for r in [e["region"], *e["regions"]]}),
        ("search", "RCEP", accepts_text("rcep")),
    ]
    invalid_filters = [("is_first", "maybe"), ("date_to", "yesterday"), ("first_scope", "galactic")]
    orderings = ["date", "kind"]


class TestTimeline:
    url = "/api/v1/timeline/"

    @pytest.mark.parametrize("language", ["en", "zh"])
    def test_each_entry_is_what_its_fields_make_of_it(self, client, language):
        """Entries are built directly from their rows; the declared fields, which the schema documents, agree."""
        request = APIRequestFactory().get("/")
        request.response_language = language
        entries = timeline(Milestone.objects.all(), Event.objects.all())
        serializer = TimelineEntrySerializer(context={"request": request})
        assert len(entries) > 20
        for entry in entries:
            assert serializer.to_representation(entry) == Serializer.to_representation(serializer, entry)
        body = client.get(self.url, {"limit": 500, "lang": language}).json()
        assert body["results"] == [dict(Serializer.to_representation(serializer, entry)) for entry in entries]

    def test_entries_come_in_date_order_across_milestones_and_events(self, client):
        body = client.get(self.url, {"limit": 500}).json()
        dates = [entry["date"] for entry in body["results"]]
        assert dates == sorted(dates)
        assert {entry["type"] for entry in body["results"]} == {"milestone", "event"}
        assert body["count"] == len(body["results"])

    def test_filters_by_date_range_type_and_record(self, client):
        calb = client.get(self.url, {"project": "calb-jiangmen-base", "limit": 500}).json()["results"]
        assert calb and all(e["project"] == "calb-jiangmen-base" for e in calb)
        events = client.get(self.url, {"type": "event", "date_from": "2023-01-01"}).json()["results"]
        assert events and all(e["type"] == "event" and e["date"] >= "2023-01-01" for e in events)
        toppings = client.get(self.url, {"kind": "topping_out", "date_to": "2022-08-01"}).json()["results"]
        assert [e["slug"] for e in toppings] == [
            "calb-jiangmen-base-r1-topping-out",
            "calb-jiangmen-base-m1-topping-out",
        ]

    def test_entries_link_to_their_records(self, client):
        entry = client.get(self.url, {"limit": 1}).json()["results"][0]
        assert client.get(entry["url"]).status_code == 200

    def test_a_bad_date_is_400_naming_the_parameter(self, client):
        response = client.get(self.url, {"date_from": "2023-02-30"})
        assert response.status_code == 400
        assert "date_from" in error_of(response)["details"]

    def test_query_count_is_independent_of_page_size(self, client, django_assert_num_queries):
        """The data version and the whole timeline, which counts itself; its other pages are cut from it."""
        for limit in (1, 2, 500):
            cache.clear()
            KEY_LISTS.clear()
            with django_assert_num_queries(2):
                assert client.get(self.url, {"limit": limit}).status_code == 200
        with django_assert_num_queries(1):
            body = client.get(self.url, {"limit": 2, "offset": 3, "lang": "zh"}).json()
        assert body["results"] == client.get(self.url, {"limit": 500, "lang": "zh"}).json()["results"][3:5]


def test_an_event_nests_the_figures_it_reports(client):
    event = client.get("/api/v1/events/high-quality-development-site-meeting-2-and-2023-q1-projects/").json()
    assert {o["text_as_written"] for o in event["observations"]} >= {"200个", "1445亿元", "83.5%"}


def test_a_timeline_filter_matching_nothing_is_an_empty_page(client):
    body = client.get("/api/v1/timeline/", {"type": "milestone", "facility": "huangmaohai-sea-crossing"}).json()
    assert body == {"count": 0, "next": None, "previous": None, "results": []}
