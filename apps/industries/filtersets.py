from apps.core.filtersets import CuratedFilterSet, NaturalKeyFilter, StableOrderingFilter
from apps.industries.models import Industry


class IndustryFilterSet(CuratedFilterSet):
    parent = NaturalKeyFilter("parent", "parent industry")
    zone = NaturalKeyFilter("zones", "zone hosting the industry")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh", "kind", "level"])

    class Meta:
        model = Industry
        fields = ["kind", "level"]
