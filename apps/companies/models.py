from django.db import models

from apps.core.models import ordering_indexes
from apps.sources.models import CuratedRecord


class Company(CuratedRecord):
    """A company the seed names; designations it holds are recorded as recognitions."""

    short_name_zh = models.CharField("short name (Chinese)", max_length=64, blank=True)
    short_name_en = models.CharField("short name (English)", max_length=64, blank=True)
    headquarters = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="headquartered_companies"
    )
    industries = models.ManyToManyField("industries.Industry", blank=True, related_name="companies")
    zones = models.ManyToManyField(
        "zones.Zone", blank=True, related_name="companies", help_text="Zones the source says the company is in."
    )

    class Meta(CuratedRecord.Meta):
        indexes = ordering_indexes("name_en", "name_zh")
        verbose_name_plural = "companies"
