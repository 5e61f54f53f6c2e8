from tests.api.base import APIEndpointTests, accepts_reference, accepts_text, accepts_value
from tests.api.test_regions import CURATED


class TestDistinctions(APIEndpointTests):
    url = "/api/v1/distinctions/"
    lookup = "zhuxi-hub-fourth-largest-transport-hub-guangdong"
    list_queries = 5
    detail_queries = 5
    item_fields = CURATED | {
        "kind",
        "scope",
        "rank",
        "date",
        "date_precision",
        "region",
        "zone",
        "industry",
        "company",
        "project",
        "facility",
        "event",
    }
    filters = [
        ("kind", "ranking", accepts_value("kind", "ranking")),
        ("scope", "world", accepts_value("scope", "world")),
        ("company", "fuwa-heavy-industries", accepts_reference("company", "fuwa-heavy-industries")),
        ("facility", "huangmaohai-sea-crossing", accepts_reference("facility", "huangmaohai-sea-crossing")),
        ("search", "单项冠军", accepts_text("单项冠军")),
    ]
    invalid_filters = [("kind", "rumour"), ("scope", "galactic")]
    orderings = ["rank", "kind"]
