"""The `datapackage.json` of the dataset zip: a Frictionless Data Package describing every CSV table.

Nothing is written per table: each column of a CSV is traced back through the serializer that made it
to the model field it shows, which gives its type, its allowed values and its description; a column
that holds the natural key of a related record is a foreign key to that record's table, and each
table's own natural key is its primary key.
"""

import csv
import hashlib
import io

from django.core.exceptions import FieldDoesNotExist
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField, RelatedField

from apps.core.models import natural_key
from apps.core.registry import registry

PROFILE = "tabular-data-package"
LICENCE = {"name": "other-at", "title": "Other (Attribution)"}
MODEL_TYPES = {
    "DecimalField": "number",
    "FloatField": "number",
    "IntegerField": "integer",
    "BigIntegerField": "integer",
    "SmallIntegerField": "integer",
    "PositiveIntegerField": "integer",
    "PositiveBigIntegerField": "integer",
    "PositiveSmallIntegerField": "integer",
    "AutoField": "integer",
    "BigAutoField": "integer",
    "BooleanField": "boolean",
    "DateField": "date",
    "DateTimeField": "datetime",
}
SERIALIZER_TYPES = (
    (serializers.BooleanField, "boolean"),
    (serializers.IntegerField, "integer"),
    (serializers.DecimalField, "number"),
    (serializers.FloatField, "number"),
    (serializers.DateTimeField, "datetime"),
    (serializers.DateField, "date"),
)


def header_of(content):
    """The column names of a CSV the dataset's renderer wrote."""
    return next(csv.reader(io.StringIO(content.decode("utf-8-sig"))), [])


def model_field(model, source):
    if model is None or not source or source == "*" or "." in source:
        return None
    try:
        return model._meta.get_field(source)
    except FieldDoesNotExist:
        return None


def trace(serializer, parts, model):
    """The serializer field a dotted column comes from, the model field behind it, and the model it is in."""
    field = serializer.fields[parts[0]]
    rest = parts[1:]
    behind = model_field(model, field.source)
    if isinstance(field, serializers.ListSerializer | ManyRelatedField):
        field = field.child if isinstance(field, serializers.ListSerializer) else field.child_relation
        rest = rest[1:] if rest and rest[0].isdigit() else rest
    if isinstance(field, serializers.Serializer) and rest:
        if field.source == "*":
            nested = model
        elif behind is not None and behind.is_relation:
            nested = behind.related_model
        else:
            nested = getattr(getattr(field, "Meta", None), "model", None)
        return trace(field, rest, nested)
    return field, behind, model


def declared(field):
    """A computed field stands for the field its schema annotation declares (`extend_schema_field`)."""
    if isinstance(field, serializers.SerializerMethodField):
        method = getattr(field.parent, field.method_name, None)
        annotation = getattr(method, "_spectacular_annotation", {}).get("field")
        if isinstance(annotation, serializers.Field):
            return annotation
    return field


def field_type(field, behind):
    if behind is not None and behind.is_relation and isinstance(field, RelatedField):
        behind = behind.related_model._meta.get_field(natural_key(behind.related_model))
    if behind is not None and not behind.is_relation:
        return MODEL_TYPES.get(behind.get_internal_type(), "string")
    return next((name for kind, name in SERIALIZER_TYPES if isinstance(declared(field), kind)), "string")


def referenced(field, behind, model, depth):
    """The model whose natural key the column holds, when it names a record other than the row itself."""
    if behind is not None and behind.is_relation and isinstance(field, RelatedField):
        return behind.related_model
    if depth and model is not None and field.source == natural_key(model):
        return model
    return None


def describe_column(name, serializer, model, table, columns):
    parts = name.split(".")
    field, behind, owner = trace(serializer, parts, model)
    descriptor = {"name": name, "type": field_type(field, behind)}
    text = []
    if behind is not None and not behind.is_relation:
        label = str(behind.verbose_name)
        text.append(f"{label[0].upper()}{label[1:]}.")
    help_text = str(getattr(behind, "help_text", "") or field.help_text or "")
    if help_text:
        text.append(help_text)
    unit = f"{name.removesuffix('value')}unit.code"
    if descriptor["type"] == "number" and name.endswith("value") and unit in columns:
        text.append(f"Unit: the column {unit}.")
    if text:
        descriptor["description"] = " ".join(text)
    if behind is not None and getattr(behind, "choices", None) and not behind.is_relation:
        descriptor["constraints"] = {"enum": [str(value) for value, _label in behind.choices]}
    target = referenced(field, behind, owner, len(parts) - 1)
    reference = None
    if target is not None and target in registry.by_model:
        resource = registry.for_model(target).name
        reference = {"resource": "" if resource == table else resource, "fields": natural_key(target)}
    return descriptor, reference


def table_schema(table, content, serializer, model):
    fields, foreign_keys = [], []
    columns = header_of(content)
    for name in columns:
        descriptor, reference = describe_column(name, serializer, model, table, columns)
        fields.append(descriptor)
        if reference is not None:
            foreign_keys.append({"fields": name, "reference": reference})
    schema = {"fields": fields, "primaryKey": natural_key(model)}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def descriptor(tables, sources, *, title, attribution, publisher, licence_url):
    """The package: `tables` maps each table name to its CSV, its serializer and its model."""
    resources = []
    for name, (content, serializer, model) in tables.items():
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "bytes": len(content),
                "hash": f"sha256:{hashlib.sha256(content).hexdigest()}",
                "schema": table_schema(name, content, serializer, model),
            }
        )
    return {
        "profile": PROFILE,
        "name": "jiangmen-regional-data",
        "title": title,
        "description": attribution,
        "licenses": [{**LICENCE, "path": licence_url}],
        "contributors": [{"title": publisher["name"], "path": publisher["url"], "role": "publisher"}],
        "sources": [{"title": f"{s['title_zh']} ({s['title_en']})", "path": s["url"]} for s in sources],
        "resources": resources,
    }
