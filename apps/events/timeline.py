"""The timeline merges project milestones and events into one date-ordered list, in the database."""

from django.db import models
from django.db.models import F, Value


class TimelineEntryType(models.TextChoices):
    MILESTONE = "milestone", "Project milestone"
    EVENT = "event", "Event"


ENTRY_FIELDS = [
    "entry_type",
    "slug",
    "name_zh",
    "name_en",
    "kind",
    "date",
    "date_precision",
    "date_text",
    "is_expected",
    "is_first",
    "project_slug",
]


def timeline(milestones, events):
    """Union of the dated milestones and events given, ordered by date, then type, then slug."""
    text = models.CharField()
    flag = models.BooleanField()
    milestone_rows = (
        milestones.filter(date__isnull=False)
        .annotate(
            entry_type=Value(TimelineEntryType.MILESTONE, output_field=text),
            is_first=Value(False, output_field=flag),
            project_slug=F("project__slug"),
        )
        .values(*ENTRY_FIELDS)
        .order_by()
    )
    event_rows = (
        events.filter(date__isnull=False)
        .annotate(
            entry_type=Value(TimelineEntryType.EVENT, output_field=text),
            is_expected=Value(False, output_field=flag),
            project_slug=Value(None, output_field=text),
        )
        .values(*ENTRY_FIELDS)
        .order_by()
    )
    return milestone_rows.union(event_rows, all=True).order_by("date", "entry_type", "slug")
