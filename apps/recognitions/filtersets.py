from apps.core.filtersets import CuratedFilterSet, NaturalKeyFilter, StableOrderingFilter
from apps.recognitions.models import Distinction


class DistinctionFilterSet(CuratedFilterSet):
    region = NaturalKeyFilter("region", "region the distinction is about")
    zone = NaturalKeyFilter("zone", "zone the distinction is about")
    industry = NaturalKeyFilter("industry", "industry the distinction is about")
    company = NaturalKeyFilter("company", "company the distinction is about")
    project = NaturalKeyFilter("project", "project the distinction is about")
    facility = NaturalKeyFilter("facility", "facility the distinction is about")
    event = NaturalKeyFilter("event", "event the distinction is about")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "kind", "scope", "rank"])

    class Meta:
        model = Distinction
        fields = ["kind", "scope", "date_precision"]
