"""Admin building blocks shared by every curated model: bilingual search and inline citations."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

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


class CuratedAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_zh", "name_en"]
    search_fields = ["slug", "name_zh", "name_en", "description_zh", "description_en"]
    readonly_fields = ["updated_at"]
    inlines = [CitationInline]
