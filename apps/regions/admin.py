from django.contrib import admin

from apps.regions.models import Region
from apps.sources.admin import CuratedAdmin


@admin.register(Region)
class RegionAdmin(CuratedAdmin):
    list_display = [*CuratedAdmin.list_display, "level", "parent"]
    list_filter = ["level"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
