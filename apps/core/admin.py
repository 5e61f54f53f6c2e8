"""Admin building blocks shared by every curated model: bilingual search and inline citations."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from apps.sources.models import Citation


class CitationInline(GenericTabularInline):
    model = Citation
    extra = 0
    min_num = 1
    autocomplete_fields = ["document"]
    fields = ["document", "quote"]


class CuratedAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_zh", "name_en"]
    search_fields = ["slug", "name_zh", "name_en", "description_zh", "description_en"]
    readonly_fields = ["updated_at"]
    inlines = [CitationInline]
