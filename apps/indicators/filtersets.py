import django_filters
from django.db.models import Subquery
from django_filters.constants import EMPTY_VALUES

from apps.core.filtersets import (
    NAME_SEARCH_FIELDS,
    CuratedFilterSet,
    NaturalKeyFilter,
    StableOrderingFilter,
    StrictFilterSet,
)
from apps.indicators.models import Indicator, Observation, Unit


class FigureRangeFilter(django_filters.NumberFilter):
    """Records with a figure of one indicator at least (`gte`) or at most (`lte`) the given value.

    The indicator's key is a subquery evaluated once, so PostgreSQL reads the figures by indicator
    and value from one index rather than joining records, figures and indicators.
    """

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        indicator = Subquery(Indicator.objects.filter(slug=self.indicator).values("pk")[:1])
        figures = Observation.objects.filter(indicator=indicator, **{f"value__{self.lookup_expr}": value})
        return qs.filter(pk__in=figures.values(qs.model._meta.model_name))


class UnitFilterSet(StrictFilterSet):
    base = NaturalKeyFilter("base", "base unit")
    ordering = StableOrderingFilter(fields=["code", "name_en"])

    class Meta:
        model = Unit
        fields = []


class IndicatorFilterSet(CuratedFilterSet):
    unit = NaturalKeyFilter("unit", "unit levels are stored in")
    ordering = StableOrderingFilter(fields=["slug", "name_en", "name_zh"])

    class Meta:
        model = Indicator
        fields = []


class ObservationFilterSet(CuratedFilterSet):
    search_fields = [*NAME_SEARCH_FIELDS, "text_as_written", "period_label_zh", "period_label_en"]

    indicator = NaturalKeyFilter("indicator", "indicator")
    region = NaturalKeyFilter("region", "region the figure covers")
    benchmark_region = NaturalKeyFilter("benchmark_region", "region a difference or rank is measured against")
    zone = NaturalKeyFilter("zone", "zone the figure is about")
    industry = NaturalKeyFilter("industry", "industry the figure is about")
    company = NaturalKeyFilter("company", "company the figure is about")
    project = NaturalKeyFilter("project", "project the figure is about")
    facility = NaturalKeyFilter("facility", "facility the figure is about")
    event = NaturalKeyFilter("event", "event the figure is about")
    unit = NaturalKeyFilter("unit", "unit the value is stored in")
    value_min = django_filters.NumberFilter(field_name="value", lookup_expr="gte", label="Value at least (base unit).")
    value_max = django_filters.NumberFilter(field_name="value", lookup_expr="lte", label="Value at most (base unit).")
    period_from = django_filters.DateFilter(
        field_name="period_start", lookup_expr="gte", label="Period starting on or after this date (YYYY-MM-DD)."
    )
    period_to = django_filters.DateFilter(
        field_name="period_start", lookup_expr="lte", label="Period starting on or before this date (YYYY-MM-DD)."
    )
    ordering = StableOrderingFilter(fields=["slug", "value", "period_start", "period_end", "kind", "measure"])

    class Meta:
        model = Observation
        fields = ["kind", "measure", "comparator", "period_precision"]
