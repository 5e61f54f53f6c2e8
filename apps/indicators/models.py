from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from apps.core.choices import DatePrecision
from apps.core.models import ValidUntil, ordering_indexes, validate_date_precision
from apps.sources.models import CuratedRecord


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


class Unit(models.Model):
    """A unit of measure; display units convert to their base, so money is stored in yuan."""

    code = models.SlugField(max_length=32, unique=True)
    name_zh = models.CharField("name (Chinese)", max_length=64)
    name_en = models.CharField("name (English)", max_length=64)
    symbol = models.CharField(max_length=16, blank=True)
    base = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="derived")
    factor = models.DecimalField(max_digits=24, decimal_places=8, default=1, help_text="Base units in one unit.")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"], bases=[ValidUntil])

    class Meta:
        indexes = ordering_indexes("name_en", key="code")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(factor__gt=0), name="unit_factor_positive"),
            models.CheckConstraint(
                condition=models.Q(base__isnull=False) | models.Q(factor=1), name="unit_base_factor_one"
            ),
        ]

    def __str__(self):
        return f"{self.code} ({self.name_zh})"

    @property
    def base_unit(self):
        return self.base or self


class Indicator(CuratedRecord):
    """What is measured (GDP, industrial value added …), with the unit its levels are stored in."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="indicators")

    class Meta(CuratedRecord.Meta):
        indexes = ordering_indexes("name_en", "name_zh")

    def clean(self):
        super().clean()
        if self.unit_id and self.unit.base_id:
            raise ValidationError({"unit": "An indicator's unit must be a base unit."})


class ObservationKind(models.TextChoices):
    ACTUAL = "actual", "Actual"
    TARGET = "target", "Target"
    STRETCH_TARGET = "stretch_target", "Stretch target (力争)"
    PLANNED = "planned", "Planned or committed"


class ObservationMeasure(models.TextChoices):
    LEVEL = "level", "Level"
    GROWTH_RATE = "growth_rate", "Growth rate"
    SHARE = "share", "Share"
    DIFFERENCE_PP = "difference_pp", "Difference against a benchmark, percentage points"
    RANK = "rank", "Rank"


class ObservationComparator(models.TextChoices):
    EXACT = "exact", "Exactly"
    AT_LEAST = "at_least", "At least (以上)"
    MORE_THAN = "more_than", "More than (超, 多)"
    ABOUT = "about", "About (约, 左右)"
    NEARLY = "nearly", "Nearly (近)"


class Observation(CuratedRecord, SubjectLinks):  # noqa: DJ008 (CuratedRecord.__str__ names it)
    """One figure as the source states it: value, unit, kind, measure, comparator and period."""

    Kind = ObservationKind

    Measure = ObservationMeasure

    Comparator = ObservationComparator

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="observations")
    kind = models.CharField(max_length=16, choices=ObservationKind.choices)
    measure = models.CharField(max_length=16, choices=ObservationMeasure.choices, default=Measure.LEVEL)
    comparator = models.CharField(
        max_length=16, choices=ObservationComparator.choices, default=Comparator.EXACT, db_index=True
    )
    value = models.DecimalField(max_digits=24, decimal_places=6, help_text="In the base unit.")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    display_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    text_as_written = models.CharField(max_length=128)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    period_precision = models.CharField(max_length=16, choices=DatePrecision.choices, blank=True, db_index=True)
    period_label_zh = models.CharField("period as written (Chinese)", max_length=64, blank=True)
    period_label_en = models.CharField("period (English)", max_length=64, blank=True)
    benchmark_region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="benchmark_observations"
    )

    class Meta(CuratedRecord.Meta):
        indexes = [
            *ordering_indexes("value", "period_start", "period_end", "kind", "measure"),
            models.Index(fields=["indicator", "value"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=ObservationKind.values), name="observation_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(measure__in=ObservationMeasure.values), name="observation_measure_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(comparator__in=ObservationComparator.values), name="observation_comparator_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(period_precision__in=[*DatePrecision.values, ""]),
                name="observation_period_precision_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="observation_period_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(measure__in=["growth_rate", "difference_pp"]) | models.Q(value__gte=0),
                name="observation_value_non_negative",
            ),
            models.CheckConstraint(
                condition=~models.Q(measure="share") | models.Q(value__gte=0, value__lte=100),
                name="observation_share_within_0_100",
            ),
            models.CheckConstraint(
                condition=~models.Q(measure="rank") | models.Q(value__gte=1), name="observation_rank_from_1"
            ),
        ]

    @property
    def display_value(self):
        """The value in the unit the source wrote, without trailing zeros or an exponent."""
        value = (self.value / self.display_unit.factor).normalize()
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value

    def clean(self):
        super().clean()
        validate_date_precision(self.period_start, self.period_precision, "period_start")
        errors = {}
        if self.display_unit_id and self.unit_id and self.display_unit.base_unit != self.unit:
            errors["display_unit"] = f"{self.display_unit.code} does not convert to {self.unit.code}."
        if self.unit_id and self.unit.base_id:
            errors["unit"] = "The stored unit must be a base unit."
        expected = {"share": "percent", "growth_rate": "percent", "difference_pp": "percentage-point", "rank": "rank"}
        if self.unit_id and self.measure in expected and self.unit.code != expected[self.measure]:
            errors["unit"] = f"A {self.measure} is stored in {expected[self.measure]}."
        if self.unit_id and self.indicator_id and self.measure == "level" and self.unit != self.indicator.unit:
            errors["unit"] = f"A level of {self.indicator.slug} is stored in {self.indicator.unit.code}."
        if self.measure == "difference_pp" and not self.benchmark_region_id:
            errors["benchmark_region"] = "A difference is measured against a benchmark region."
        if errors:
            raise ValidationError(errors)
