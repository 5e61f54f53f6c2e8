from apps.companies.models import Company
from apps.core.filtersets import NAME_SEARCH_FIELDS, CuratedFilterSet, NaturalKeyFilter, StableOrderingFilter


class CompanyFilterSet(CuratedFilterSet):
    search_fields = [*NAME_SEARCH_FIELDS, "short_name_zh", "short_name_en"]

    industry = NaturalKeyFilter("industries", "industry the company works in")
    zone = NaturalKeyFilter("zones", "zone the company is in")
    headquarters = NaturalKeyFilter("headquarters", "region of the company's headquarters")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh"])

    class Meta:
        model = Company
        fields = []
