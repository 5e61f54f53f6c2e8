from decimal import Decimal

from tests.api.base import APIEndpointTests, accepts_reference, accepts_text, accepts_value
from tests.api.test_regions import CURATED

MILESTONE_FIELDS = {
    "kind",
    "date",
    "date_precision",
    "date_text",
    "is_expected",
    "phase",
    "building_zh",
    "building_en",
}


class TestProjects(APIEndpointTests):
    url = "/api/v1/projects/"
    lookup = "calb-jiangmen-base"
    list_queries = 5
    detail_queries = 11
    item_fields = CURATED | {"company", "industry", "zone", "region", "status", "phase_count"}
    detail_fields = item_fields | {"milestones", "observations", "distinctions"}
    filters = [
        ("company", "calb", accepts_reference("company", "calb")),
        ("zone", "fengshan-lake-park", accepts_reference("zone", "fengshan-lake-park")),
        ("investment_min", "10000000000", accepts_value("slug", "calb-jiangmen-base")),
        ("search", "LONGi", accepts_text("longi")),
    ]
    invalid_filters = [("investment_min", "two hundred"), ("status", "dreamt")]
    orderings = ["name_en", "slug"]

    def test_calb_detail_answers_how_much_and_when(self, client):
        project = client.get(self.detail_url()).json()
        assert project["company"]["slug"] == "calb"
        assert project["phase_count"] == 2
        investment = next(o for o in project["observations"] if o["indicator"]["slug"] == "project-total-investment")
        assert Decimal(investment["value"]) == Decimal("20000000000")
        assert investment["unit"]["code"] == "cny"
        assert Decimal(investment["display_value"]) == 200
        assert investment["text_as_written"] == "200亿元"
        dated = [m for m in project["milestones"] if m["date"]]
        assert [m["date"] for m in dated] == sorted(m["date"] for m in dated)
        assert dated[0]["kind"] == "signing"
        assert dated[0]["date"] == "2022-01-26"
        assert all(m["citations"] for m in project["milestones"])


class TestMilestones(APIEndpointTests):
    url = "/api/v1/milestones/"
    lookup = "calb-jiangmen-base-m2-topping-out"
    list_queries = 5
    detail_queries = 5
    item_fields = CURATED | MILESTONE_FIELDS | {"project"}
    filters = [
        ("kind", "topping_out", accepts_value("kind", "topping_out")),
        ("project", "longi-jiangmen-base", accepts_reference("project", "longi-jiangmen-base")),
        ("date_from", "2022-07-01", lambda m: m["date"] >= "2022-07-01"),
        ("date_to", "2022-03-31", lambda m: m["date"] <= "2022-03-31"),
        ("is_expected", "true", accepts_value("is_expected", True)),
        ("search", "M1", accepts_text("m1")),
    ]
    invalid_filters = [("date_from", "2022-02-30"), ("kind", "party"), ("is_expected", "perhaps"), ("phase", "one")]
    orderings = ["date"]
