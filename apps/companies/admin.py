from django.contrib import admin

from apps.companies.models import Company
from apps.sources.admin import CuratedAdmin


@admin.register(Company)
class CompanyAdmin(CuratedAdmin):
    search_fields = [*CuratedAdmin.search_fields, "short_name_zh", "short_name_en"]
    autocomplete_fields = ["headquarters", "industries", "zones"]
