import django_filters

from apps.core.filtersets import CuratedFilterSet, NaturalKeyFilter, StableOrderingFilter
from apps.infrastructure.models import Facility


class FacilityFilterSet(CuratedFilterSet):
    region = NaturalKeyFilter("region", "region the facility is in")
    connected_region = NaturalKeyFilter("connected_regions", "region the facility connects")
    zone = NaturalKeyFilter("zone", "zone the facility belongs to")
    parent = NaturalKeyFilter("parent", "parent facility")
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
