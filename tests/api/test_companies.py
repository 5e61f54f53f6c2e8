from tests.api.base import APIEndpointTests, accepts_text
from tests.api.test_regions import CURATED


class TestCompanies(APIEndpointTests):
    url = "/api/v1/companies/"
    lookup = "calb"
    list_queries = 7
    detail_queries = 12
    item_fields = CURATED | {"short_name_zh", "short_name_en", "headquarters", "industries", "zones"}
    detail_fields = item_fields | {"projects", "observations", "distinctions"}
    filters = [
        ("search", "CALB", accepts_text("calb")),
        ("search", "隆基", accepts_text("隆基")),
    ]
    invalid_filters = [("search", "x" * 201)]
    orderings = ["name_en", "name_zh"]

    def test_detail_names_the_company_projects(self, client):
        company = client.get(self.detail_url()).json()
        assert company["name_en"].startswith("CALB")
        assert {p["slug"] for p in company["projects"]} == {"calb-jiangmen-base"}
