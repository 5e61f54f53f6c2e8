"""What every model stands on: natural keys, ordering indexes, date precision, and the data version."""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import class_prepared

from apps.core.choices import DatePrecision


@cache
def natural_key(model):
    """The unique field a record is known by in the API: its slug, or a unit's code."""
    names = {field.name for field in model._meta.get_fields()}
    return "slug" if "slug" in names else "code" if "code" in names else "pk"


def ordering_indexes(*fields, key="slug"):
    """One `(field, key, id)` index per orderable field, the key being the tie-break orderings end with.

    Only such a composite lets PostgreSQL read an ordered page straight from the index rather than
    sort every match; it also serves an equality filter on the field in the default key order. With the
    id, which is all a page's query of keys reads, the index alone answers it: skipping 9,000 figures
    ordered by period took 254 ms through the table and takes about 2 ms in the index.
    """
    return [models.Index(fields=[field, key, "id"]) for field in fields]


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


class DataVersion(models.Model):
    """Counters of writes: one for all curated data (`name` empty), from which HTTP validators and cached
    responses derive; one per resource, under which the change feed keeps its renderings; one per record
    written to since the last write in bulk (`<resource>#<pk>`), under which its rendered representation
    is kept; and the generation (`*`), which writes in bulk move (apps/core/versioning.py)."""

    name = models.CharField(max_length=64, unique=True, blank=True)
    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name or 'data'} version {self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class FormerSlug(models.Model):
    """A natural key a record was known by before it was renamed, so links to it keep working.

    A detail asked for by a former slug answers 301 with the record's current URL. Renames are recorded
    when a record is saved under a new key (`versioning.track_writes`), and fixtures list a record's
    former slugs so a fresh database knows them too.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    slug = models.CharField(max_length=120)

    class Meta:
        ordering = ["content_type", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "slug"], name="former_slug_unique_per_model"),
            models.CheckConstraint(condition=~models.Q(slug=""), name="former_slug_not_empty"),
        ]

    def __str__(self):
        return f"{self.content_type.model}: {self.slug}"

    @classmethod
    def current_key(cls, model, slug):
        """The natural key of the record once known as `slug`, or None."""
        content_type = ContentType.objects.get_for_model(model)
        former = cls.objects.filter(content_type=content_type, slug=slug).values_list("object_id", flat=True).first()
        if former is None:
            return None
        return model._base_manager.filter(pk=former).values_list(natural_key(model), flat=True).first()

    @classmethod
    def remember(cls, record, slug):
        """Record that `record` was known as `slug`; a key taken back by its record is no longer former."""
        content_type = ContentType.objects.get_for_model(type(record))
        cls.objects.update_or_create(content_type=content_type, slug=slug, defaults={"object_id": record.pk})
        cls.objects.filter(content_type=content_type, slug=getattr(record, natural_key(type(record)))).delete()


class ValidUntil(models.Model):
    """The base of every history model: when each history row stopped being its record's latest.

    An as-of read keeps the rows whose time span holds the moment (apps/core/vintage.py). Saying so in the row
    makes that a condition on the row alone, which a join looks up by key; finding "no later row" instead
    made PostgreSQL hash whole history tables for each related record of a page (3.4 s against 70 ms for a
    page of observations at 10,000x, docs/history.md). Each new history row closes the one before it
    (`close_previous_row`).
    """

    history_valid_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


def index_as_the_records_are(sender, **kwargs):
    """A history model gets its record model's indexes: an as-of read filters and orders history rows as a read
    of today filters and orders records (`(field, slug)`, `ordering_indexes`), and simple-history copies only
    the indexes fields declare. Connected here, so before any model built on ValidUntil is."""
    if not issubclass(sender, ValidUntil) or sender._meta.abstract:
        return
    for index in sender.instance_type._meta.indexes:
        mirrored = models.Index(fields=index.fields)
        mirrored.set_name_with_model(sender)
        sender._meta.indexes.append(mirrored)
    sender._meta.original_attrs["indexes"] = sender._meta.indexes  # what migrations read a model's indexes from


def close_previous_row(sender, history_instance, **kwargs):
    """A history row was written: the record's row before it is its latest no longer (a creation has none)."""
    if history_instance.history_type == "+":
        return
    history = type(history_instance)
    pk = history_instance.instance_type._meta.pk.attname
    earlier = history.objects.filter(**{pk: getattr(history_instance, pk), "history_valid_until__isnull": True})
    earlier.exclude(history_id=history_instance.history_id).update(history_valid_until=history_instance.history_date)


class_prepared.connect(index_as_the_records_are, dispatch_uid="history-indexes")
