"""Validates the curated fixtures and loads them in one transaction, matching records by natural key.

The fixture format is described in fixtures/README.md. Errors are collected rather than raised one
at a time, so a curator sees every problem in one run; any error rolls the whole load back.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import timezone

from apps.core.choices import Basis
from apps.core.models import FormerSlug, natural_key
from apps.core.registry import registry
from apps.core.versioning import writes_in_bulk
from apps.curation.spreadsheets import relation_widget
from apps.sources.citations import CitationChecker, sync_citations
from apps.sources.history import keep_links
from apps.sources.models import is_cited

SKIPPED_FIELDS = {"id", "updated_at"}
# The public reason each change the loader makes carries in the history and the change feed.
DEFAULT_REASON = "Loaded from the curated fixtures."


def model_order():
    """Model labels in loading order: a model only points at models before it (or at itself, parents first)."""
    return [resource.model._meta.label_lower for resource in registry.loading_order]


@dataclass
class LoadError:
    file: str
    model: str
    record: str
    field: str
    message: str

    def __str__(self):
        return f"{self.file} › {self.model} › {self.record} › {self.field}: {self.message}"


@dataclass
class LoadReport:
    errors: list = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)

    @property
    def ok(self):
        return not self.errors


class LoadFailed(Exception):
    def __init__(self, report):
        super().__init__(f"{len(report.errors)} error(s) in the curated fixtures")
        self.report = report


@dataclass
class FixtureRecord:
    file: str
    model_label: str
    index: int
    data: dict

    @property
    def name(self):
        model = apps.get_model(self.model_label)
        return str(self.data.get(natural_key(model), f"#{self.index + 1}"))


def read_fixtures(directory, report):
    """Parse every JSON file in `directory` into records grouped by model label."""
    grouped = defaultdict(list)
    labels = model_order()
    paths = sorted(Path(directory).glob("*.json"))
    if not paths:
        report.errors.append(LoadError(str(directory), "-", "-", "-", "No fixture files found."))
    for path in paths:
        name = path.name
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            report.errors.append(LoadError(name, "-", "-", "-", f"Not valid JSON: {exc}"))
            continue
        if not isinstance(content, dict):
            report.errors.append(LoadError(name, "-", "-", "-", "The top level must be an object of model labels."))
            continue
        for label, records in content.items():
            if label not in labels:
                report.errors.append(LoadError(name, label, "-", "-", "Unknown model label."))
                continue
            if not isinstance(records, list):
                report.errors.append(LoadError(name, label, "-", "-", "Records must be a list."))
                continue
            for index, data in enumerate(records):
                if not isinstance(data, dict):
                    report.errors.append(LoadError(name, label, f"#{index + 1}", "-", "A record must be an object."))
                    continue
                grouped[label].append(FixtureRecord(name, label, index, data))
    return grouped


class CuratedDataLoader:
    def __init__(self, directory, progress=None, detail=None, reason=DEFAULT_REASON):
        self.directory = directory
        self.reason = reason
        self.report = LoadReport()
        self.progress = progress or (lambda message: None)
        self.detail = detail or (lambda message: None)
        self.citations = CitationChecker()

    def load(self):
        """Load everything or nothing; raises LoadFailed with the report when anything is wrong."""
        grouped = read_fixtures(self.directory, self.report)
        self.fixture_keys = {
            label: {record.data.get(natural_key(apps.get_model(label))) for record in records}
            for label, records in grouped.items()
        }
        if not self.report.ok:
            raise LoadFailed(self.report)
        try:
            with transaction.atomic(), writes_in_bulk():
                for label in model_order():
                    records = grouped.get(label, [])
                    self._check_duplicates(label, records)
                    for record in records:
                        self._load_record(record)
                    self.progress(f"{label}: {len(records)} record(s)")
                if not self.report.ok:
                    raise LoadFailed(self.report)
        except DatabaseError as exc:
            self.report.errors.append(LoadError("-", "-", "-", "-", f"Database error: {exc}"))
            raise LoadFailed(self.report) from exc
        return self.report

    def _error(self, record, field_name, message):
        self.report.errors.append(LoadError(record.file, record.model_label, record.name, field_name, message))

    def _check_duplicates(self, label, records):
        model = apps.get_model(label)
        key = natural_key(model)
        seen = {}
        for record in records:
            value = record.data.get(key)
            if not value:
                self._error(record, key, "A natural key is required.")
            elif value in seen:
                self._error(record, key, f"Duplicate {key}; also in {seen[value]}.")
            else:
                seen[value] = record.file

    def _resolve(self, record, model_field, value):
        """The related record(s) a natural key (or a list of them) names, read as a spreadsheet import reads them."""
        try:
            return relation_widget(model_field).clean(value)
        except ValueError as exc:
            self._error(record, model_field.name, str(exc))
            return None

    def _load_record(self, record):
        model = apps.get_model(record.model_label)
        key = natural_key(model)
        if not record.data.get(key):
            return
        errors_before = len(self.report.errors)
        former = self._former_slugs(record, model)
        # A record renamed in the fixtures is found under the key it had, and saved under the new one.
        instance = model._default_manager.filter(**{f"{key}__in": [record.data[key], *former]}).first()
        is_new = instance is None
        if is_new:
            instance = model()
        concrete, many_to_many, citations = self._split_fields(record, model)
        changed = self._assign(record, model, instance, concrete)
        if len(self.report.errors) > errors_before:
            return
        try:
            instance.full_clean()
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                for message in messages:
                    self._error(record, field_name, message)
            return
        if is_new or changed:
            instance._change_reason = self.reason
            try:
                with transaction.atomic():
                    instance.save()
            except DatabaseError as exc:
                self._error(record, "-", f"Rejected by the database: {exc}")
                return
        if is_new:
            # The record's first history row keeps its first links; without this, setting them adds a second row.
            instance.skip_history_when_saving = True
        m2m_changed = self._set_many_to_many(record, instance, many_to_many)
        if is_new:
            del instance.skip_history_when_saving
            keep_links(instance)
        citations_changed = self._set_citations(record, model, instance, citations)
        citations_changed |= self._set_former_slugs(instance, former)
        if not (is_new or changed) and (m2m_changed or citations_changed):
            # The row itself was not saved, but what the record shows changed: `?updated_since=` must find it.
            model._default_manager.filter(pk=instance.pk).update(updated_at=timezone.now())
        if is_new:
            self.report.created[record.model_label] += 1
        elif changed or m2m_changed or citations_changed:
            self.report.updated[record.model_label] += 1
            self.detail(f"updated {record.model_label} {record.name}")
        else:
            self.report.unchanged[record.model_label] += 1

    def _split_fields(self, record, model):
        concrete, many_to_many = {}, {}
        citations = record.data.get("citations")
        for name, value in record.data.items():
            if name in ("citations", "former_slugs"):
                continue
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:
                self._error(record, name, "Unknown field.")
                continue
            if name in SKIPPED_FIELDS or model_field.auto_created:
                self._error(record, name, "This field is set by the system.")
            elif model_field.many_to_many:
                many_to_many[model_field] = value
            else:
                concrete[model_field] = value
        if not is_cited(model) and citations:
            self._error(record, "citations", "This model carries no citations.")
        return concrete, many_to_many, citations or []

    def _assign(self, record, model, instance, given):
        """Set every editable field, taking the default for those the record omits; report a change."""
        changed = False
        for model_field in model._meta.concrete_fields:
            if model_field.name in SKIPPED_FIELDS or model_field.primary_key:
                continue
            if model_field in given:
                raw = given[model_field]
                if model_field.is_relation:
                    value = None if raw is None else self._resolve(record, model_field, raw)
                else:
                    try:
                        value = model_field.to_python(raw)
                    except ValidationError as exc:
                        self._error(record, model_field.name, " ".join(exc.messages))
                        continue
            else:
                value = model_field.get_default()
            attname = model_field.attname
            current = getattr(instance, attname)
            new = value.pk if model_field.is_relation and isinstance(value, models.Model) else value
            if current != new:
                changed = True
                setattr(instance, attname, new)
        return changed

    def _set_many_to_many(self, record, instance, many_to_many):
        changed = False
        for model_field in instance._meta.many_to_many:
            related = self._resolve(record, model_field, many_to_many.get(model_field, []))
            if related is None:
                continue
            wanted = {item.pk for item in related}
            manager = getattr(instance, model_field.name)
            if set(manager.values_list("pk", flat=True)) != wanted:
                manager.set(wanted)
                changed = True
        return changed

    def _former_slugs(self, record, model):
        """The keys the record was known by before (`former_slugs`), each free of any other record."""
        former = record.data.get("former_slugs", [])
        if not isinstance(former, list) or not all(isinstance(slug, str) and slug for slug in former):
            self._error(record, "former_slugs", "Expected a list of slugs.")
            return []
        for slug in former:
            if slug in self.fixture_keys[record.model_label]:
                self._error(
                    record, "former_slugs", f"'{slug}' is the {natural_key(model)} of a record in the fixtures."
                )
        return former

    def _set_former_slugs(self, instance, former):
        content_type = ContentType.objects.get_for_model(type(instance))
        known = FormerSlug.objects.filter(content_type=content_type, object_id=instance.pk, slug__in=former)
        known = set(known.values_list("slug", flat=True))
        for slug in former:
            if slug not in known:
                FormerSlug.remember(instance, slug)
        return set(former) != known

    def _set_citations(self, record, model, instance, citations):
        if not is_cited(model):
            return False
        wanted, errors = self.citations.check(citations)
        for field_name, message in errors:
            self._error(record, field_name, message)
        if instance.basis == Basis.INFERRED and wanted:
            for message in self.citations.check_inference(instance.basis_note, wanted):
                self._error(record, "basis_note", message)
        return sync_citations(instance, wanted)
