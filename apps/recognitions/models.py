from django.core.validators import MaxValueValidator
from django.db import models

from apps.core.choices import DatePrecision
from apps.core.models import ordering_indexes, validate_date_precision
from apps.indicators.models import SubjectLinks
from apps.sources.models import CuratedRecord


class DistinctionKind(models.TextChoices):
    DESIGNATION = "designation", "Designation or title"
    RANKING = "ranking", "Ranking"
    SUPERLATIVE = "superlative", "Superlative"


class DistinctionScope(models.TextChoices):
    WORLD = "world", "World"
    NATIONAL = "national", "National"
    REGIONAL = "regional", "Regional"
    PROVINCIAL = "provincial", "Provincial"
    CITY = "city", "City"


class Distinction(CuratedRecord, SubjectLinks):
    """A designation, ranking or superlative the source gives a region, zone, company or facility."""

    Kind = DistinctionKind

    Scope = DistinctionScope

    kind = models.CharField(max_length=16, choices=DistinctionKind.choices)
    scope = models.CharField(max_length=16, choices=DistinctionScope.choices, blank=True)
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="distinctions"
    )
    rank = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(1000)])
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=16, choices=DatePrecision.choices, blank=True, db_index=True)

    class Meta(CuratedRecord.Meta):
        indexes = ordering_indexes("name_en", "kind", "scope", "rank")
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=DistinctionKind.values), name="distinction_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(scope__in=[*DistinctionScope.values, ""]), name="distinction_scope_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(rank__isnull=True) | models.Q(rank__gte=1), name="distinction_rank_from_1"
            ),
            models.CheckConstraint(
                condition=models.Q(date_precision__in=DatePrecision.values, date__isnull=False)
                | models.Q(date_precision="", date__isnull=True),
                name="distinction_date_has_precision",
            ),
            models.CheckConstraint(
                condition=models.Q(region__isnull=False)
                | models.Q(zone__isnull=False)
                | models.Q(industry__isnull=False)
                | models.Q(company__isnull=False)
                | models.Q(project__isnull=False)
                | models.Q(facility__isnull=False)
                | models.Q(event__isnull=False),
                name="distinction_has_subject",
            ),
        ]

    def clean(self):
        super().clean()
        validate_date_precision(self.date, self.date_precision, "date")
