from django.contrib import admin

from apps.sources.admin import CuratedAdmin
from apps.zones.models import Zone


@admin.register(Zone)
class ZoneAdmin(CuratedAdmin):
    list_display = [*CuratedAdmin.list_display, "kind", "status", "parent"]
    list_filter = ["kind", "status", "region"]
    search_fields = [*CuratedAdmin.search_fields, "focus_zh", "focus_en"]
    autocomplete_fields = ["parent", "region", "partner_regions"]
    list_select_related = ["parent"]
