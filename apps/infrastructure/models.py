from django.db import models

from apps.core.choices import DatePrecision, Status
from apps.core.models import ordering_indexes, validate_date_precision
from apps.sources.models import CuratedRecord


class FacilityKind(models.TextChoices):
    TRANSPORT_HUB = "transport_hub", "Transport hub"
    SEA_CROSSING = "sea_crossing", "Sea crossing"
    BRIDGE = "bridge", "Bridge"
    SHIPPING_CHANNEL = "shipping_channel", "Shipping channel"
    FREIGHT_TRAIN_SERVICE = "freight_train_service", "International freight train service"
    POWER_PLANT = "power_plant", "Power plant"
    ENERGY_RESERVE = "energy_reserve", "Energy reserve base"
    LOGISTICS = "logistics", "Logistics facility"


class Facility(CuratedRecord):
    """Transport and energy infrastructure; rankings and capacities are recognitions and observations."""

    Kind = FacilityKind

    kind = models.CharField(max_length=32, choices=FacilityKind.choices)
    status = models.CharField(max_length=32, choices=Status.choices, blank=True)
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="facilities")
    connected_regions = models.ManyToManyField("regions.Region", blank=True, related_name="connecting_facilities")
    zone = models.ForeignKey("zones.Zone", null=True, blank=True, on_delete=models.PROTECT, related_name="facilities")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    expected_completion = models.DateField(null=True, blank=True)
    expected_completion_precision = models.CharField(
        max_length=16, choices=DatePrecision.choices, blank=True, db_index=True
    )
    expected_completion_text = models.CharField("expected completion as written", max_length=64, blank=True)

    class Meta(CuratedRecord.Meta):
        indexes = ordering_indexes("name_en", "name_zh", "kind", "status", "expected_completion")
        verbose_name_plural = "facilities"
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=FacilityKind.values), name="facility_kind_valid"),
            models.CheckConstraint(condition=models.Q(status__in=[*Status.values, ""]), name="facility_status_valid"),
            models.CheckConstraint(
                condition=models.Q(
                    expected_completion_precision__in=DatePrecision.values, expected_completion__isnull=False
                )
                | models.Q(expected_completion_precision="", expected_completion__isnull=True),
                name="facility_completion_has_precision",
            ),
            models.CheckConstraint(condition=~models.Q(parent=models.F("id")), name="facility_not_own_parent"),
        ]

    def clean(self):
        super().clean()
        validate_date_precision(self.expected_completion, self.expected_completion_precision, "expected_completion")
