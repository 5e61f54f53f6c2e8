from django.contrib import admin

from apps.infrastructure.models import Facility
from apps.sources.admin import CuratedAdmin


@admin.register(Facility)
class FacilityAdmin(CuratedAdmin):
    list_display = [
        *CuratedAdmin.list_display,
        "kind",
        "status",
        "expected_completion",
        "expected_completion_precision",
    ]
    list_filter = ["kind", "status", "expected_completion_precision"]
    autocomplete_fields = ["region", "connected_regions", "zone", "parent"]
