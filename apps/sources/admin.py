from django.contrib import admin

from apps.core.admin import SpreadsheetHistoryAdmin
from apps.sources.models import Citation, SourceDocument


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
