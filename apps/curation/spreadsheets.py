"""Spreadsheet import and export for the admin: related records by natural key, citations as a JSON cell.

An import is validated by the same rules as `load_curated_data` (the model's own validation, every
related record must exist, and every quote must occur in its document) and previewed before anything
is saved. The loader resolves related records through the same widgets, so a natural key means the
same thing in a fixture and in a spreadsheet.
"""

import json
from functools import cache

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from apps.core.models import natural_key
from apps.sources.citations import CitationChecker, sync_citations
from apps.sources.models import is_cited


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A related record named by its natural key; an unknown key is an error that names it."""

    def __init__(self, model):
        super().__init__(model, field=natural_key(model))

    def clean(self, value, row=None, **kwargs):
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValueError(f"Expected the {self.field} of a {self.model._meta.label_lower}.")
        found = self.model._default_manager.filter(**{self.field: value}).first()
        if found is None:
            raise ValueError(f"No {self.model._meta.label_lower} with {self.field} '{value}'.")
        return found


class NaturalKeyManyWidget(widgets.ManyToManyWidget):
    """Related records named by their natural keys (a list, or `|`-separated in a cell); each must exist."""

    def __init__(self, model):
        super().__init__(model, separator="|", field=natural_key(model))
        self.one = NaturalKeyWidget(model)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, str):
            value = [key.strip() for key in value.split(self.separator) if key.strip()]
        if not isinstance(value, list):
            raise ValueError(f"Expected a list of {self.field}s.")
        return [self.one.clean(key) for key in value]


class AtomicResource(resources.ModelResource):
    """An import saves every row or none: one invalid row rolls the whole file back, as in the loader."""

    def import_data(self, dataset, **kwargs):
        return super().import_data(
            dataset, **{**kwargs, "use_transactions": True, "rollback_on_validation_errors": True}
        )

    def before_save_instance(self, instance, row, **kwargs):
        """The admin's public change note (apps/sources/admin.py) is the reason the history keeps."""
        super().before_save_instance(instance, row, **kwargs)
        instance._change_reason = kwargs.get("change_note") or ""


class CitedResource(AtomicResource):
    citations = fields.Field(column_name="citations", readonly=False)

    def dehydrate_citations(self, record):
        pairs = [{"document": c.document.slug, "quote": c.quote} for c in record.citations.all()]
        return json.dumps(pairs, ensure_ascii=False)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        try:
            citations = json.loads(row.get("citations") or "[]")
        except json.JSONDecodeError as exc:
            raise ValidationError({"citations": f"Not valid JSON: {exc}"}) from exc
        wanted, errors = CitationChecker().check(citations)
        if errors:
            raise ValidationError({"citations": [f"{label}: {message}" for label, message in errors]})
        instance._imported_citations = wanted

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        sync_citations(instance, instance._imported_citations)


def relation_widget(field):
    """The widget that reads a relation by natural key, or None for a field that is not a plain relation."""
    if field.many_to_one:
        return NaturalKeyWidget(field.related_model)
    if field.many_to_many:
        return NaturalKeyManyWidget(field.related_model)
    return None


@cache
def resource_for(model):
    """A resource naming related records by their natural key, as the fixtures do."""
    attrs = {}
    for field in model._meta.get_fields():
        if field.auto_created or not field.concrete or not field.is_relation:
            continue
        widget = relation_widget(field)
        if widget is not None:
            attrs[field.name] = fields.Field(attribute=field.name, column_name=field.name, widget=widget)
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "import_id_fields": [natural_key(model)],
            "exclude": ["id", "updated_at"],
            "clean_model_instances": True,
            "skip_unchanged": True,
            "report_skipped": True,
        },
    )
    return type(
        f"{model.__name__}Resource", (CitedResource if is_cited(model) else AtomicResource,), {**attrs, "Meta": meta}
    )
