import django_filters

from apps.core.filtersets import CuratedFilterSet, StableOrderingFilter, slug_filter
from apps.infrastructure.models import Facility


class FacilityFilterSet(CuratedFilterSet):
    region = slug_filter("region", "region the facility is in")
    connected_region = slug_filter("connected_regions", "region the facility connects")
    zone = slug_filter("zone", "zone the facility belongs to")
    parent = slug_filter("parent", "parent facility")
    completion_from = django_filters.DateFilter(
        field_name="expected_completion", lookup_expr="gte", label="Expected completion on or after (YYYY-MM-DD)."
    )
    completion_to = django_filters.DateFilter(
        field_name="expected_completion", lookup_expr="lte", label="Expected completion on or before (YYYY-MM-DD)."
    )
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh", "kind", "status", "expected_completion"])

    class Meta:
        model = Facility
        fields = ["kind", "status", "expected_completion_precision"]
