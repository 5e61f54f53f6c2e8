from django.db import models

from apps.core.choices import Status
from apps.core.models import ordering_indexes
from apps.sources.models import CuratedRecord


class ZoneKind(models.TextChoices):
    AGGLOMERATION_ZONE = "agglomeration_zone", "Large industrial agglomeration zone"
    ZONE_GROUP = "zone_group", "Zone group (组团)"
    PILOT_AREA = "pilot_area", "Pilot start-up area"
    NEW_AREA = "new_area", "New area"
    ECONOMIC_ZONE = "economic_zone", "Economic zone"
    COOPERATION_ZONE = "cooperation_zone", "Cooperation zone"
    DEMONSTRATION_ZONE = "demonstration_zone", "Demonstration zone"
    HIGH_TECH_ZONE = "high_tech_zone", "High-tech zone"
    INDUSTRIAL_PARK = "industrial_park", "Industrial park"
    INDUSTRIAL_BASE = "industrial_base", "Industrial base"
    EXCHANGE_CENTRE = "exchange_centre", "Exchange centre"
    LOGISTICS_CENTRE = "logistics_centre", "Logistics centre"
    PLATFORM = "platform", "Platform"


class Zone(CuratedRecord):
    """Industrial zones, their groups (组团), economic and cooperation zones, parks, bases and centres."""

    Kind = ZoneKind

    kind = models.CharField(max_length=32, choices=ZoneKind.choices)
    status = models.CharField(max_length=32, choices=Status.choices, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="zones")
    partner_regions = models.ManyToManyField("regions.Region", blank=True, related_name="partner_zones")
    focus_zh = models.TextField("focus (Chinese)", blank=True)
    focus_en = models.TextField("focus (English)", blank=True)

    class Meta(CuratedRecord.Meta):
        indexes = ordering_indexes("name_en", "name_zh", "kind", "status")
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=ZoneKind.values), name="zone_kind_valid"),
            models.CheckConstraint(condition=models.Q(status__in=[*Status.values, ""]), name="zone_status_valid"),
            models.CheckConstraint(condition=~models.Q(parent=models.F("id")), name="zone_not_own_parent"),
        ]
