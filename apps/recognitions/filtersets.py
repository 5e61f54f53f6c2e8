from apps.core.filtersets import CuratedFilterSet, StableOrderingFilter, slug_filter
from apps.recognitions.models import Distinction


class DistinctionFilterSet(CuratedFilterSet):
    region = slug_filter("region", "region the distinction is about")
    zone = slug_filter("zone", "zone the distinction is about")
    industry = slug_filter("industry", "industry the distinction is about")
    company = slug_filter("company", "company the distinction is about")
    project = slug_filter("project", "project the distinction is about")
    facility = slug_filter("facility", "facility the distinction is about")
    event = slug_filter("event", "event the distinction is about")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "kind", "scope", "rank"])

    class Meta:
        model = Distinction
        fields = ["kind", "scope", "date_precision"]
