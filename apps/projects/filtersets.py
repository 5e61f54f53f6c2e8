import django_filters

from apps.core.filtersets import CuratedFilterSet, NaturalKeyFilter, StableOrderingFilter
from apps.indicators.filtersets import FigureRangeFilter
from apps.projects.models import Milestone, Project

INVESTMENT_INDICATOR = "project-total-investment"


class ProjectFilterSet(CuratedFilterSet):
    company = NaturalKeyFilter("company", "investing company")
    industry = NaturalKeyFilter("industry", "industry")
    zone = NaturalKeyFilter("zone", "zone the project is in")
    region = NaturalKeyFilter("region", "region the project is in")
    investment_min = FigureRangeFilter(
        indicator=INVESTMENT_INDICATOR, lookup_expr="gte", label="Total investment at least, in yuan."
    )
    investment_max = FigureRangeFilter(
        indicator=INVESTMENT_INDICATOR, lookup_expr="lte", label="Total investment at most, in yuan."
    )
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh", "status"])

    class Meta:
        model = Project
        fields = ["status"]


class MilestoneFilterSet(CuratedFilterSet):
    project = NaturalKeyFilter("project", "project")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="On or after (YYYY-MM-DD).")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="On or before (YYYY-MM-DD).")
    ordering = StableOrderingFilter(fields=["slug", "date", "kind"])

    class Meta:
        model = Milestone
        fields = ["kind", "date_precision", "is_expected", "phase"]
