"""Abstract bases every curated record builds on: a stable slug, bilingual names and citations."""

from functools import cache

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from apps.core.choices import DatePrecision


@cache
def natural_key(model):
    """The unique field a record is known by in the API: its slug, or a unit's code."""
    names = {field.name for field in model._meta.get_fields()}
    return "slug" if "slug" in names else "code" if "code" in names else "pk"


def ordering_indexes(*fields, key="slug"):
    """One `(field, key)` index per orderable field, the key being the tie-break orderings end with.

    Only such a composite lets PostgreSQL read an ordered page straight from the index rather than
    sort every match; it also serves an equality filter on the field in the default key order.
    """
    return [models.Index(fields=[field, key]) for field in fields]


class CuratedRecord(models.Model):
    """A record a user can look up by a slug that survives reloads, named in Chinese and English."""

    slug = models.SlugField(max_length=120, unique=True)
    name_zh = models.CharField("name (Chinese)", max_length=255)
    name_en = models.CharField("name (English)", max_length=255)
    description_zh = models.TextField("description (Chinese)", blank=True)
    description_en = models.TextField("description (English)", blank=True)
    citations = GenericRelation("sources.Citation")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(inherit=True, excluded_fields=["updated_at"])

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self):
        return f"{self.name_zh} ({self.name_en})"


def validate_date_precision(value_date, precision, field_name):
    """A date stands for the first day of its period, so coarser precisions pin the day and month."""
    if value_date is None or not precision:
        return
    first_months = {
        DatePrecision.MONTH: None,
        DatePrecision.QUARTER: {1, 4, 7, 10},
        DatePrecision.HALF_YEAR: {1, 7},
        DatePrecision.YEAR: {1},
    }
    if precision == DatePrecision.DAY:
        return
    months = first_months[precision]
    if value_date.day != 1 or (months is not None and value_date.month not in months):
        raise ValidationError(
            {field_name: f"A date with {precision} precision must be the first day of that {precision}."}
        )


class SubjectLinks(models.Model):
    """Optional links to the record a figure or distinction is about, beyond its region."""

    zone = models.ForeignKey("zones.Zone", null=True, blank=True, on_delete=models.PROTECT, related_name="%(class)ss")
    industry = models.ForeignKey(
        "industries.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="%(class)ss"
    )
    company = models.ForeignKey(
        "companies.Company", null=True, blank=True, on_delete=models.PROTECT, related_name="%(class)ss"
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="%(class)ss"
    )
    facility = models.ForeignKey(
        "infrastructure.Facility", null=True, blank=True, on_delete=models.PROTECT, related_name="%(class)ss"
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="%(class)ss"
    )

    class Meta:
        abstract = True


class DataVersion(models.Model):
    """One row counting writes to curated data; HTTP validators and cached responses derive from it."""

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"data version {self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
