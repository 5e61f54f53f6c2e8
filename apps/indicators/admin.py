from django.contrib import admin

from apps.indicators.models import Indicator, Observation, Unit
from apps.sources.admin import CuratedAdmin, SpreadsheetHistoryAdmin

SUBJECT_FIELDS = ["zone", "industry", "company", "project", "facility", "event"]


@admin.register(Unit)
class UnitAdmin(SpreadsheetHistoryAdmin):
    list_display = ["code", "name_zh", "name_en", "symbol", "base", "factor"]
    search_fields = ["code", "name_zh", "name_en", "symbol"]
    autocomplete_fields = ["base"]


class ObservationInline(admin.TabularInline):
    model = Observation
    extra = 0
    fields = ["slug", "region", "kind", "measure", "comparator", "value", "unit", "text_as_written", "period_label_zh"]
    autocomplete_fields = ["region", "unit"]
    show_change_link = True


@admin.register(Indicator)
class IndicatorAdmin(CuratedAdmin):
    list_display = [*CuratedAdmin.list_display, "unit"]
    autocomplete_fields = ["unit"]
    inlines = [ObservationInline, *CuratedAdmin.inlines]


@admin.register(Observation)
class ObservationAdmin(CuratedAdmin):
    list_display = ["slug", "indicator", "region", "kind", "measure", "figure", "text_as_written", "period_label"]
    list_filter = ["kind", "measure", "comparator", "period_precision", "indicator"]
    search_fields = [*CuratedAdmin.search_fields, "text_as_written", "period_label_zh", "period_label_en"]
    autocomplete_fields = ["indicator", "region", "unit", "display_unit", "benchmark_region", *SUBJECT_FIELDS]
    list_select_related = ["indicator", "region", "unit", "display_unit"]

    @admin.display(description="figure", ordering="value")
    def figure(self, observation):
        """The value in the unit the source wrote, with its comparator: what a curator checks against the text."""
        unit = observation.display_unit.name_zh
        return f"{observation.get_comparator_display()} {observation.display_value} {unit}"

    @admin.display(description="period", ordering="period_start")
    def period_label(self, observation):
        return observation.period_label_zh or observation.period_label_en
