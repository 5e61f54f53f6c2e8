from tests.api.base import APIEndpointTests, accepts_reference, accepts_text, accepts_value
from tests.api.test_regions import CURATED


class TestFacilities(APIEndpointTests):
    url = "/api/v1/facilities/"
    lookup = "huangmaohai-sea-crossing"
    list_queries = 6
    detail_queries = 11
    item_fields = CURATED | {"kind", "status", "region", "connected_regions", "zone", "parent", "expected_completion"}
    detail_fields = item_fields | {"children", "observations", "distinctions"}
    filters = [
        ("kind", "freight_train_service", accepts_value("kind", "freight_train_service")),
        ("parent", "yamen-outbound-channel", accepts_reference("parent", "yamen-outbound-channel")),
        ("completion_from", "2024-01-01", lambda f: f["expected_completion"]["date"] >= "2024-01-01"),
        ("expected_completion_precision", "half_year", lambda f: f["expected_completion"]["precision"] == "half_year"),
        ("search", "黄茅海", accepts_text("黄茅海")),
    ]
    invalid_filters = [("kind", "teleporter"), ("completion_to", "soon")]
    orderings = ["name_en", "kind"]

    def test_expected_completion_carries_its_precision(self, client):
        crossing = client.get(self.detail_url()).json()
        assert crossing["expected_completion"] == {
            "date": "2024-01-01",
            "precision": "year",
            "text": crossing["expected_completion"]["text"],
        }
        assert "2024" in crossing["expected_completion"]["text"]
