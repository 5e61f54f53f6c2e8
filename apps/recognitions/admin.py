from django.contrib import admin

from apps.indicators.admin import SUBJECT_FIELDS
from apps.recognitions.models import Distinction
from apps.sources.admin import CuratedAdmin


@admin.register(Distinction)
class DistinctionAdmin(CuratedAdmin):
    list_display = [*CuratedAdmin.list_display, "kind", "scope", "rank"]
    list_filter = ["kind", "scope"]
    autocomplete_fields = ["region", *SUBJECT_FIELDS]
