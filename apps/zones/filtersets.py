from apps.core.filtersets import NAME_SEARCH_FIELDS, CuratedFilterSet, NaturalKeyFilter, StableOrderingFilter
from apps.indicators.filtersets import FigureRangeFilter
from apps.zones.models import Zone

AREA_INDICATOR = "planned-area"


class ZoneFilterSet(CuratedFilterSet):
    search_fields = [*NAME_SEARCH_FIELDS, "focus_zh", "focus_en"]

    parent = NaturalKeyFilter("parent", "parent zone")
    region = NaturalKeyFilter("region", "region the zone lies in")
    partner_region = NaturalKeyFilter("partner_regions", "partner region")
    industry = NaturalKeyFilter("industries", "industry the zone hosts")
    area_min = FigureRangeFilter(indicator=AREA_INDICATOR, lookup_expr="gte", label="Planned area at least, in km².")
    area_max = FigureRangeFilter(indicator=AREA_INDICATOR, lookup_expr="lte", label="Planned area at most, in km².")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh", "kind", "status"])

    class Meta:
        model = Zone
        fields = ["kind", "status"]
