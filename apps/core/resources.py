"""Spreadsheet import and export for the admin: related records by slug, citations as a JSON cell.

An import is validated by the same rules as `load_curated_data` (the model's own validation, and every
quote must occur in its document) and previewed before anything is saved.
"""

import json
from functools import cache

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from apps.core.loader import UNCITED_MODELS, natural_key_field
from apps.sources.citations import CitationChecker, sync_citations


class AtomicResource(resources.ModelResource):
    """An import saves every row or none: one invalid row rolls the whole file back, as in the loader."""

    def import_data(self, dataset, **kwargs):
        return super().import_data(
            dataset, **{**kwargs, "use_transactions": True, "rollback_on_validation_errors": True}
        )


class CuratedResource(AtomicResource):
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


@cache
def resource_for(model):
    """A resource naming related records by their slug (or code), as the fixtures do."""
    key = natural_key_field(model)
    attrs = {}
    for field in model._meta.get_fields():
        if field.auto_created or field.name in ("content_type", "citations") or not field.is_relation:
            continue
        related_key = natural_key_field(field.related_model)
        if field.many_to_one:
            widget = widgets.ForeignKeyWidget(field.related_model, related_key)
        elif field.many_to_many:
            widget = widgets.ManyToManyWidget(field.related_model, separator="|", field=related_key)
        else:
            continue
        attrs[field.name] = fields.Field(attribute=field.name, column_name=field.name, widget=widget)
    base = AtomicResource if model._meta.label_lower in UNCITED_MODELS else CuratedResource
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "import_id_fields": [key],
            "exclude": ["id", "updated_at"],
            "clean_model_instances": True,
            "skip_unchanged": True,
            "report_skipped": True,
        },
    )
    return type(f"{model.__name__}Resource", (base,), {**attrs, "Meta": meta})
