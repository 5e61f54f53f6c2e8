from apps.core.filtersets import CuratedFilterSet, NaturalKeyFilter, StableOrderingFilter
from apps.regions.models import Region


class RegionFilterSet(CuratedFilterSet):
    parent = NaturalKeyFilter("parent", "parent region")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh", "level"])

    class Meta:
        model = Region
        fields = ["level"]
