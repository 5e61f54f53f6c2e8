from apps.core.filtersets import StableOrderingFilter, StrictFilterSet
from apps.sources.models import SourceDocument


class SourceDocumentFilterSet(StrictFilterSet):
    ordering = StableOrderingFilter(fields=["slug", "title_en"])

    class Meta:
        model = SourceDocument
        fields = ["language"]
