from decimal import Decimal

from tests.api.base import APIEndpointTests, accepts_reference, accepts_text, accepts_value
from tests.api.test_regions import CURATED

FIGURE_FIELDS = {
    "slug",
    "name",
    "name_zh",
    "name_en",
    "indicator",
    "kind",
    "measure",
    "comparator",
    "value",
    "unit",
    "display_value",
    "display_unit",
    "text_as_written",
    "period",
    "benchmark_region",
    "citations",
    "basis",
    "basis_note",
}


class TestUnits(APIEndpointTests):
    url = "/api/v1/units/"
    lookup = "cny-100m"
    key_field = "code"
    cited = False
    list_queries = 4
    detail_queries = 4
    item_fields = {"code", "name", "name_zh", "name_en", "symbol", "base", "factor"}
    filters = [("base", "cny", accepts_value("base", "cny"))]
    orderings = ["code"]


class TestIndicators(APIEndpointTests):
    url = "/api/v1/indicators/"
    lookup = "gdp"
    list_queries = 5
    detail_queries = 7
    item_fields = CURATED | {"unit"}
    detail_fields = item_fields | {"observations"}
    filters = [
        ("unit", "km2", lambda i: i["unit"]["code"] == "km2"),
        ("search", "投资", accepts_text("投资")),
    ]
    orderings = ["name_en", "slug"]

    def test_detail_nests_the_observations(self, client):
        gdp = client.get(self.detail_url()).json()
        kinds = {(o["kind"], o["measure"]) for o in gdp["observations"]}
        assert {("target", "growth_rate"), ("stretch_target", "growth_rate"), ("actual", "rank")} <= kinds


class TestObservations(APIEndpointTests):
    url = "/api/v1/observations/"
    lookup = "gdp-growth-2023-target"
    list_queries = 5
    detail_queries = 5
    item_fields = FIGURE_FIELDS | {
        "region",
        "zone",
        "industry",
        "company",
        "project",
        "facility",
        "event",
        "description",
        "description_zh",
        "description_en",
    }
    filters = [
        ("kind", "stretch_target", accepts_value("kind", "stretch_target")),
        ("measure", "difference_pp", accepts_value("measure", "difference_pp")),
        ("comparator", "at_least", accepts_value("comparator", "at_least")),
        ("indicator", "gdp", accepts_reference("indicator", "gdp")),
        ("benchmark_region", "guangdong", accepts_reference("benchmark_region", "guangdong")),
        ("zone", "north-group", accepts_reference("zone", "north-group")),
        ("project", "calb-jiangmen-base", accepts_reference("project", "calb-jiangmen-base")),
        ("unit", "percent", lambda o: o["unit"]["code"] == "percent"),
        ("value_min", "1000000000", lambda o: Decimal(o["value"]) >= 1000000000),
        ("value_max", "5", lambda o: Decimal(o["value"]) <= 5),
        ("period_from", "2023-01-01", lambda o: o["period"]["start"] >= "2023-01-01"),
        ("period_to", "2022-12-31", lambda o: o["period"]["start"] <= "2022-12-31"),
        ("period_precision", "month", lambda o: o["period"]["precision"] == "month"),
        ("search", "以上", accepts_text("以上")),
        ("search", "1—2月", accepts_text("1—2月")),
    ]
    invalid_filters = [
        ("kind", "rumour"),
        ("measure", "vibe"),
        ("value_min", "lots"),
        ("period_from", "2023-13-01"),
        ("period_precision", "decade"),
    ]
    orderings = ["value"]

    def test_the_target_keeps_its_comparator_and_words(self, client):
        target = client.get(self.detail_url()).json()
        assert (target["kind"], target["measure"], target["comparator"]) == ("target", "growth_rate", "at_least")
        assert Decimal(target["value"]) == 6
        assert target["text_as_written"] == "6%以上"
        assert target["period"]["start"] == "2023-01-01"
        assert target["period"]["precision"] == "year"
