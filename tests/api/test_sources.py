import pytest

from tests.api.base import APIEndpointTests
from tests.factories import SourceDocumentFactory


class TestSources(APIEndpointTests):
    url = "/api/v1/sources/"
    lookup = "zhuxi-hub-take-off"
    cited = False
    list_queries = 4
    detail_queries = 4
    item_fields = {"slug", "title", "title_zh", "title_en", "language", "path", "sha256", "description_en"}

    @pytest.fixture(autouse=True)
    def second_source(self):
        """The dataset has one source; a second shows paging and ordering at work."""
        return SourceDocumentFactory(slug="a-second-source", title_en="A second source")
