from django.db import models

from apps.core.models import ordering_indexes
from apps.sources.models import CuratedRecord


class IndustryKind(models.TextChoices):
    CLUSTER = "cluster", "Industry cluster"
    CHAIN = "chain", "Industry chain"
    TRACK = "track", "New track (赛道)"
    SECTOR = "sector", "Sector"


class IndustryLevel(models.TextChoices):
    PROVINCIAL_LAYOUT = "provincial_layout", "Provincial layout (省布局)"
    CITY_KEY = "city_key", "City key focus"
    CITY_FEATURED = "city_featured", "City featured track"
    NATIONAL = "national", "National"


class Industry(CuratedRecord):
    """Strategic emerging industry clusters, key industry chains and new tracks (赛道)."""

    Kind = IndustryKind

    Level = IndustryLevel

    kind = models.CharField(max_length=16, choices=IndustryKind.choices)
    level = models.CharField(max_length=32, choices=IndustryLevel.choices, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    zones = models.ManyToManyField("zones.Zone", blank=True, related_name="industries")

    class Meta(CuratedRecord.Meta):
        indexes = ordering_indexes("name_en", "name_zh", "kind", "level")
        verbose_name_plural = "industries"
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=IndustryKind.values), name="industry_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(level__in=[*IndustryLevel.values, ""]), name="industry_level_valid"
            ),
            models.CheckConstraint(condition=~models.Q(parent=models.F("id")), name="industry_not_own_parent"),
        ]
