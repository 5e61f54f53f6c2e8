"""The admin of provenance, and the bases every cited record's admin builds on: inline citations,
bilingual search, CSV and XLSX import and export, and a change history that can be reverted.

The spreadsheet resources themselves come from curation, which sets them on every registered admin.
"""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from apps.sources.models import Citation, SourceDocument


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


class CuratedAdmin(SpreadsheetHistoryAdmin):
    list_display = ["slug", "name_zh", "name_en"]
    search_fields = ["slug", "name_zh", "name_en", "description_zh", "description_en"]
    readonly_fields = ["updated_at"]
    inlines = [CitationInline]


@admin.register(SourceDocument)
class SourceDocumentAdmin(SpreadsheetHistoryAdmin):
    list_display = ["slug", "title_zh", "title_en", "language", "path"]
    search_fields = ["slug", "title_zh", "title_en", "path"]
    list_filter = ["language"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["document", "content_type", "object_id", "quote"]
    list_filter = ["document", "content_type"]
    search_fields = ["quote"]
    autocomplete_fields = ["document"]
    list_select_related = ["document", "content_type"]
