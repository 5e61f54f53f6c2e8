from django.contrib import admin

from apps.industries.models import Industry
from apps.sources.admin import CuratedAdmin


@admin.register(Industry)
class IndustryAdmin(CuratedAdmin):
    list_display = [*CuratedAdmin.list_display, "kind", "level", "parent"]
    list_filter = ["kind", "level"]
    autocomplete_fields = ["parent", "zones"]
    list_select_related = ["parent"]
