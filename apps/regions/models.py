from django.db import models

from apps.core.models import ordering_indexes
from apps.sources.models import CuratedRecord


class RegionLevel(models.TextChoices):
    COUNTRY = "country", "Country"
    PROVINCE = "province", "Province"
    SPECIAL_ADMINISTRATIVE_REGION = "sar", "Special administrative region"
    PREFECTURE_CITY = "prefecture_city", "Prefecture-level city"
    COUNTY_CITY = "county_city", "County-level city"
    DISTRICT = "district", "District"
    MACRO_REGION = "macro_region", "Macro region"
    INTERNATIONAL_GROUPING = "international_grouping", "International grouping"


class Region(CuratedRecord):
    """Administrative divisions and the macro regions the city partners with, in one hierarchy."""

    Level = RegionLevel

    level = models.CharField(max_length=32, choices=RegionLevel.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")

    class Meta(CuratedRecord.Meta):
        indexes = ordering_indexes("name_en", "name_zh", "level")
        constraints = [
            models.CheckConstraint(condition=models.Q(level__in=RegionLevel.values), name="region_level_valid"),
            models.CheckConstraint(condition=~models.Q(parent=models.F("id")), name="region_not_own_parent"),
        ]
