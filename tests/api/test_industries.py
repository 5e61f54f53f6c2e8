from tests.api.base import APIEndpointTests, accepts_reference, accepts_text, accepts_value
from tests.api.test_regions import CURATED


class TestIndustries(APIEndpointTests):
    url = "/api/v1/industries/"
    lookup = "new-energy-battery"
    list_queries = 6
    detail_queries = 13
    item_fields = CURATED | {"kind", "level", "parent", "zones"}
    detail_fields = item_fields | {"children", "companies", "projects", "observations", "distinctions"}
    filters = [
        ("kind", "track", accepts_value("kind", "track")),
        ("level", "city_featured", accepts_value("level", "city_featured")),
        ("parent", "new-energy-battery", accepts_reference("parent", "new-energy-battery")),
        ("search", "battery", accepts_text("battery")),
    ]
    invalid_filters = [("kind", "guild"), ("level", "galactic")]
    orderings = ["name_en", "kind"]
