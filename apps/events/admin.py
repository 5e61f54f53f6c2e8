from django.contrib import admin

from apps.events.models import Event
from apps.sources.admin import CuratedAdmin


@admin.register(Event)
class EventAdmin(CuratedAdmin):
    list_display = [*CuratedAdmin.list_display, "kind", "date", "date_precision", "is_first", "first_scope"]
    list_filter = ["kind", "is_first", "first_scope", "date_precision"]
    search_fields = [*CuratedAdmin.search_fields, "date_text"]
    autocomplete_fields = ["region", "regions", "zones", "industries", "companies", "projects", "facilities"]
    date_hierarchy = "date"
