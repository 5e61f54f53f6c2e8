from django.core.validators import MaxValueValidator
from django.db import models

from apps.core.choices import DatePrecision, Status
from apps.core.models import ordering_indexes, validate_date_precision
from apps.sources.models import CuratedRecord


class Project(CuratedRecord):
    """An investment project; its investment, capacity and floor area are observations that cite it."""

    company = models.ForeignKey(
        "companies.Company", null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    industry = models.ForeignKey(
        "industries.Industry", null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    zone = models.ForeignKey("zones.Zone", null=True, blank=True, on_delete=models.PROTECT, related_name="projects")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="projects")
    status = models.CharField(max_length=32, choices=Status.choices, blank=True)
    phase_count = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(99)])

    class Meta(CuratedRecord.Meta):
        indexes = ordering_indexes("name_en", "name_zh", "status")
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=[*Status.values, ""]), name="project_status_valid"),
            models.CheckConstraint(
                condition=models.Q(phase_count__isnull=True) | models.Q(phase_count__gte=1),
                name="project_phase_count_positive",
            ),
        ]


class MilestoneKind(models.TextChoices):
    SIGNING = "signing", "Agreement signed"
    LAND_LISTING = "land_listing", "Land listed for sale"
    LAND_ACQUIRED = "land_acquired", "Land acquired"
    GROUNDBREAKING = "groundbreaking", "Groundbreaking"
    PILING_COMPLETED = "piling_completed", "Piling completed"
    TOPPING_OUT = "topping_out", "Main structure topped out"
    TRIAL_PRODUCTION = "trial_production", "Trial production"
    PRODUCTION_START = "production_start", "Production start"


class Milestone(CuratedRecord):
    """A dated step in a project's life, such as signing, groundbreaking or a building's topping-out."""

    Kind = MilestoneKind

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=32, choices=MilestoneKind.choices)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=16, choices=DatePrecision.choices, blank=True, db_index=True)
    date_text = models.CharField("date as written", max_length=64, blank=True)
    is_expected = models.BooleanField(default=False, help_text="Announced as coming, not yet reached.")
    phase = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(99)], db_index=True)
    building_zh = models.CharField("building (Chinese)", max_length=64, blank=True)
    building_en = models.CharField("building (English)", max_length=64, blank=True)

    class Meta:
        indexes = [
            *ordering_indexes("date", "kind"),
            models.Index(fields=["project", "date", "slug"]),
            models.Index(fields=["is_expected", "date", "slug"]),
        ]
        ordering = [models.F("date").asc(nulls_last=True), "slug"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=MilestoneKind.values), name="milestone_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(date_precision__in=DatePrecision.values, date__isnull=False)
                | models.Q(date_precision="", date__isnull=True),
                name="milestone_date_has_precision",
            ),
            models.CheckConstraint(
                condition=models.Q(phase__isnull=True) | models.Q(phase__gte=1), name="milestone_phase_positive"
            ),
        ]

    def clean(self):
        super().clean()
        validate_date_precision(self.date, self.date_precision, "date")
