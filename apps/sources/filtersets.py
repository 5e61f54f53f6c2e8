import django_filters

from apps.core.filtersets import StableOrderingFilter
from apps.sources.models import SourceDocument


class SourceDocumentFilterSet(django_filters.FilterSet):
    ordering = StableOrderingFilter(fields=["slug", "title_en"])

    class Meta:
        model = SourceDocument
        fields = ["language"]
