from django.contrib import admin

from apps.projects.models import Milestone, Project
from apps.sources.admin import CuratedAdmin


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0
    fields = ["slug", "kind", "name_zh", "name_en", "date", "date_precision", "date_text", "is_expected", "phase"]
    show_change_link = True


@admin.register(Project)
class ProjectAdmin(CuratedAdmin):
    list_display = [*CuratedAdmin.list_display, "company", "zone", "status"]
    list_filter = ["status", "industry", "region"]
    autocomplete_fields = ["company", "industry", "zone", "region"]
    list_select_related = ["company", "zone"]
    inlines = [MilestoneInline, *CuratedAdmin.inlines]


@admin.register(Milestone)
class MilestoneAdmin(CuratedAdmin):
    list_display = ["slug", "project", "kind", "date", "date_precision", "is_expected"]
    list_filter = ["kind", "date_precision", "is_expected"]
    search_fields = [*CuratedAdmin.search_fields, "building_zh", "building_en", "date_text"]
    autocomplete_fields = ["project"]
    list_select_related = ["project"]
    date_hierarchy = "date"
