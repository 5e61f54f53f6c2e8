from django.db import models

from apps.core.choices import DatePrecision
from apps.core.models import ordering_indexes, validate_date_precision
from apps.sources.models import CuratedRecord


class EventKind(models.TextChoices):
    POLICY = "policy", "Policy or plan issued"
    MEETING = "meeting", "Government meeting or conference"
    SIGNING = "signing", "Agreement signed"
    LAUNCH = "launch", "Launch or opening"
    INVESTMENT_PROMOTION = "investment_promotion", "Investment promotion"
    REFORM = "reform", "Reform or new service"
    FIRST = "first", "Stated first (率先)"


class EventFirstScope(models.TextChoices):
    WORLD = "world", "World"
    NATIONAL = "national", "National"
    NATIONAL_PREFECTURE_CITIES = "national_prefecture_cities", "Among China's prefecture-level cities"
    PROVINCIAL = "provincial", "Provincial"


class Event(CuratedRecord):
    """A dated policy or government event, or a "first" (率先) the city claims."""

    Kind = EventKind

    FirstScope = EventFirstScope

    kind = models.CharField(max_length=32, choices=EventKind.choices)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=16, choices=DatePrecision.choices, blank=True, db_index=True)
    date_text = models.CharField("date as written", max_length=64, blank=True)
    is_first = models.BooleanField(default=False)
    first_scope = models.CharField(max_length=32, choices=EventFirstScope.choices, blank=True, db_index=True)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="events")
    regions = models.ManyToManyField("regions.Region", blank=True, related_name="concerning_events")
    zones = models.ManyToManyField("zones.Zone", blank=True, related_name="events")
    industries = models.ManyToManyField("industries.Industry", blank=True, related_name="events")
    companies = models.ManyToManyField("companies.Company", blank=True, related_name="events")
    projects = models.ManyToManyField("projects.Project", blank=True, related_name="events")
    facilities = models.ManyToManyField("infrastructure.Facility", blank=True, related_name="events")

    class Meta:
        indexes = [
            *ordering_indexes("date", "kind", "name_en"),
            models.Index(fields=["is_first", "date", "slug"]),
        ]
        ordering = [models.F("date").asc(nulls_last=True), "slug"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=EventKind.values), name="event_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(first_scope__in=[*EventFirstScope.values, ""]), name="event_first_scope_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(is_first=True) | models.Q(first_scope=""), name="event_first_scope_only_for_firsts"
            ),
            models.CheckConstraint(
                condition=models.Q(date_precision__in=DatePrecision.values, date__isnull=False)
                | models.Q(date_precision="", date__isnull=True),
                name="event_date_has_precision",
            ),
        ]

    def clean(self):
        super().clean()
        validate_date_precision(self.date, self.date_precision, "date")
