from tests.api.base import APIEndpointTests, accepts_reference, accepts_text, accepts_value

CURATED = {
    "slug",
    "name",
    "name_zh",
    "name_en",
    "description",
    "description_zh",
    "description_en",
    "citations",
    "basis",
    "basis_note",
}


class TestRegions(APIEndpointTests):
    url = "/api/v1/regions/"
    lookup = "jiangmen"
    list_queries = 5
    detail_queries = 10
    item_fields = CURATED | {"level", "parent"}
    detail_fields = item_fields | {"children", "observations", "distinctions"}
    filters = [
        ("level", "county_city", accepts_value("level", "county_city")),
        ("parent", "jiangmen", accepts_reference("parent", "jiangmen")),
        ("search", "Macao", accepts_text("macao")),
        ("search", "江门", accepts_text("江门")),
    ]
    invalid_filters = [("level", "planet")]
    orderings = ["name_en", "level"]
