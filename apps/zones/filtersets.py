from apps.core.filtersets import NAME_SEARCH_FIELDS, CuratedFilterSet, StableOrderingFilter, slug_filter
from apps.indicators.filtersets import FigureRangeFilter
from apps.zones.models import Zone

AREA_INDICATOR = "planned-area"


class ZoneFilterSet(CuratedFilterSet):
    search_fields = [*NAME_SEARCH_FIELDS, "focus_zh", "focus_en"]

    parent = slug_filter("parent", "parent zone")
    region = slug_filter("region", "region the zone lies in")
    partner_region = slug_filter("partner_regions", "partner region")
    industry = slug_filter("industries", "industry the zone hosts")
    area_min = FigureRangeFilter(indicator=AREA_INDICATOR, lookup_expr="gte", label="Planned area at least, in km².")
    area_max = FigureRangeFilter(indicator=AREA_INDICATOR, lookup_expr="lte", label="Planned area at most, in km².")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh", "kind", "status"])

    class Meta:
        model = Zone
        fields = ["kind", "status"]
