from apps.core.filtersets import CuratedFilterSet, StableOrderingFilter, slug_filter
from apps.regions.models import Region


class RegionFilterSet(CuratedFilterSet):
    parent = slug_filter("parent", "parent region")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh", "level"])

    class Meta:
        model = Region
        fields = ["level"]
