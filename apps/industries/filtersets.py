from apps.core.filtersets import CuratedFilterSet, StableOrderingFilter, slug_filter
from apps.industries.models import Industry


class IndustryFilterSet(CuratedFilterSet):
    parent = slug_filter("parent", "parent industry")
    zone = slug_filter("zones", "zone hosting the industry")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh", "kind", "level"])

    class Meta:
        model = Industry
        fields = ["kind", "level"]
