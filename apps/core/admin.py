"""Admin building blocks shared by every curated model: bilingual search and inline citations."""

from django.contrib.contenttypes.admin import GenericTabularInline
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from apps.core.resources import resource_for
from apps.sources.models import Citation


class CitationInline(GenericTabularInline):
    """Every record keeps at least one citation, as the loader requires."""

    model = Citation
    extra = 0
    min_num = 1
    autocomplete_fields = ["document"]
    fields = ["document", "quote"]

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, validate_min=True, **kwargs)


class SpreadsheetHistoryAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    """CSV and XLSX import (previewed, validated) and export, and a change history that can be reverted."""

    formats = [CSV, XLSX]

    def get_resource_classes(self, request):
        return [resource_for(self.model)]


class CuratedAdmin(SpreadsheetHistoryAdmin):
    list_display = ["slug", "name_zh", "name_en"]
    search_fields = ["slug", "name_zh", "name_en", "description_zh", "description_en"]
    readonly_fields = ["updated_at"]
    inlines = [CitationInline]
