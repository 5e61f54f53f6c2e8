"""Provenance: source documents, the verbatim quotes that tie every record to the sentence it came from,
and the base of every cited record."""

import hashlib
import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from apps.core.choices import Basis
from apps.core.models import ValidUntil, ordering_indexes

WHITESPACE = re.compile(r"\s+")


def without_whitespace(text):
    """The seed breaks lines mid-word, so quotes are compared with all whitespace removed."""
    return WHITESPACE.sub("", text)


class SourceDocument(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title_zh = models.CharField("title (Chinese)", max_length=255)
    title_en = models.CharField("title (English)", max_length=255)
    language = models.CharField(max_length=16, default="zh-Hans")
    path = models.CharField(max_length=255, unique=True, help_text="Path under seeds/.")
    sha256 = models.CharField(max_length=64)
    description_en = models.TextField("description (English)", blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"], bases=[ValidUntil])

    class Meta:
        indexes = ordering_indexes("title_en")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sha256__regex=r"^[0-9a-f]{64}$"), name="sourcedocument_sha256_hex"
            ),
        ]

    def __str__(self):
        return self.title_zh

    @property
    def file_path(self):
        return settings.SEEDS_DIR / self.path

    def read_text(self):
        return self.file_path.read_text(encoding="utf-8")

    def compute_sha256(self):
        return hashlib.sha256(self.file_path.read_bytes()).hexdigest()

    def clean(self):
        if not self.file_path.is_file():
            raise ValidationError({"path": f"seeds/{self.path} does not exist."})
        if self.sha256 != self.compute_sha256():
            raise ValidationError({"sha256": f"Does not match the contents of seeds/{self.path}."})


class Citation(models.Model):
    """A verbatim quote from a source document supporting one record."""

    document = models.ForeignKey(SourceDocument, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField()
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    history = HistoricalRecords(bases=[ValidUntil])

    class Meta:
        ordering = ["content_type", "object_id", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "document", "quote"], name="citation_unique_per_record"
            ),
            models.CheckConstraint(condition=~models.Q(quote=""), name="citation_quote_not_empty"),
        ]

    def __str__(self):
        return f"{self.document.slug}: {self.quote[:40]}"

    def clean(self):
        if self.document_id and without_whitespace(self.quote) not in without_whitespace(self.document.read_text()):
            raise ValidationError({"quote": f"The quote does not occur in {self.document.path}."})


class EveryManyToMany:
    """The names of a model's own many-to-many fields, read when django-simple-history builds its history model:
    every link a curated record shows is kept in the history with the record, so an as-of read shows the links
    the record had then."""

    def __get__(self, instance, owner):
        return [field.name for field in owner._meta.local_many_to_many]


class CuratedRecord(models.Model):
    """A record a user can look up by a slug that survives reloads, named in Chinese and English.

    `basis` says whether the source states the record and its relations outright, or only implies some of
    them (a zone's parent known only from the paragraph it sits in); `basis_note` then says from what.
    """

    slug = models.SlugField(max_length=120, unique=True)
    name_zh = models.CharField("name (Chinese)", max_length=255)
    name_en = models.CharField("name (English)", max_length=255)
    description_zh = models.TextField("description (Chinese)", blank=True)
    description_en = models.TextField("description (English)", blank=True)
    basis = models.CharField(max_length=16, choices=Basis.choices, default=Basis.STATED)
    basis_note = models.TextField(
        blank=True, help_text="For an inferred record: what is inferred, and from which passage of the source."
    )
    citations = GenericRelation(Citation)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(inherit=True, excluded_fields=["updated_at"], bases=[ValidUntil])
    _history_m2m_fields = EveryManyToMany()

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self):
        return f"{self.name_zh} ({self.name_en})"

    def clean(self):
        super().clean()
        if self.basis == Basis.INFERRED and not self.basis_note.strip():
            raise ValidationError({"basis_note": "Say what is inferred, and from which passage of the source."})
        if self.basis == Basis.STATED and self.basis_note:
            raise ValidationError({"basis_note": "Only an inferred record carries a note on its basis."})


def is_cited(model):
    """Whether the model's records carry citations (source documents and units do not)."""
    return issubclass(model, CuratedRecord)
