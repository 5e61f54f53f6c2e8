"""Vocabularies shared by several domains, so that every app spells them the same way."""

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    HALF_YEAR = "half_year", "Half-year"
    YEAR = "year", "Year"


class Status(models.TextChoices):
    PROPOSED = "proposed", "Proposed or being sought"
    PLANNED = "planned", "Planned"
    UNDER_CONSTRUCTION = "under_construction", "Under construction"
    OPERATING = "operating", "Operating"
    COMPLETED = "completed", "Completed"


class Basis(models.TextChoices):
    """Whether the source states a record and its relations outright, or only implies some of them."""

    STATED = "stated", "Stated in the source"
    INFERRED = "inferred", "Inferred from the source"
