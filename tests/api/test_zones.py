from decimal import Decimal

from tests.api.base import APIEndpointTests, accepts_reference, accepts_text, accepts_value
from tests.api.test_regions import CURATED


def has_area(predicate):
    def accepts(item):
        return item["slug"] in {"jiangmen-industrial-agglomeration-zone"} or predicate(item)

    return accepts


class TestZones(APIEndpointTests):
    url = "/api/v1/zones/"
    lookup = "jiangmen-industrial-agglomeration-zone"
    list_queries = 7
    detail_queries = 15
    item_fields = CURATED | {
        "kind",
        "status",
        "parent",
        "region",
        "partner_regions",
        "industries",
        "focus_zh",
        "focus_en",
    }
    detail_fields = item_fields | {"children", "projects", "companies", "facilities", "observations", "distinctions"}
    filters = [
        ("kind", "zone_group", accepts_value("kind", "zone_group")),
        (
            "parent",
            "jiangmen-industrial-agglomeration-zone",
            accepts_reference("parent", "jiangmen-industrial-agglomeration-zone"),
        ),
        ("partner_region", "europe", accepts_reference("partner_regions", "europe")),
        ("search", "中欧", accepts_text("中欧")),
        ("search", "cooperation", accepts_text("cooperation")),
    ]
    invalid_filters = [("kind", "castle"), ("status", "dreamt"), ("area_min", "large"), ("area_max", "1e")]
    orderings = ["name_en", "kind"]

    def test_area_filters_use_the_planned_area_in_square_kilometres(self, client):
        large = self.get(client, area_min="1000").json()["results"]
        assert {z["slug"] for z in large} == {"daguanghai-bay-economic-zone"}
        small = self.get(client, area_max="60").json()["results"]
        assert {"shenzhen-jiangmen-core-area", "shenzhen-jiangmen-industrial-parks"} <= {z["slug"] for z in small}
        assert "daguanghai-bay-economic-zone" not in {z["slug"] for z in small}

    def test_detail_nests_sub_zones_and_figures(self, client):
        zone = client.get(self.detail_url()).json()
        assert {c["slug"] for c in zone["children"]} >= {"north-group", "east-group", "south-group"}
        output = next(o for o in zone["observations"] if o["slug"] == "agglomeration-zone-industrial-output-2022")
        assert Decimal(output["value"]) == Decimal("330172000000")
        assert output["text_as_written"] == "3301.72亿元"
        assert output["display_unit"]["code"] == "cny-100m"
