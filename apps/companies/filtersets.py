from apps.companies.models import Company
from apps.core.filtersets import NAME_SEARCH_FIELDS, CuratedFilterSet, StableOrderingFilter, slug_filter


class CompanyFilterSet(CuratedFilterSet):
    search_fields = [*NAME_SEARCH_FIELDS, "short_name_zh", "short_name_en"]

    industry = slug_filter("industries", "industry the company works in")
    zone = slug_filter("zones", "zone the company is in")
    headquarters = slug_filter("headquarters", "region of the company's headquarters")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh"])

    class Meta:
        model = Company
        fields = []
