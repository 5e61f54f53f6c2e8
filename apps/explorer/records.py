"""What a record page shows: every field of the API's answer, with the records it names as links.

The API's answer is plain JSON; which resource a nested object belongs to is read from the serializer
that produced it (a reference's model field, a nested serializer's model), found through the registry.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from rest_framework import serializers

from apps.core.registry import registry
from apps.sources.models import without_whitespace

COMPARATOR_SIGNS = {"exact": "", "at_least": "≥", "more_than": ">", "about": "≈", "nearly": "≲"}
FIGURE_KEYS = {"value", "unit", "kind", "comparator", "period"}
# The language-chosen copies of `name_zh`/`name_en` and the like: shown in the heading, not again as fields.
NAME_KEYS = {"name", "description", "title"}


def record_url(resource, key):
    return reverse("explorer:record", kwargs={"name": resource.name, "key": key})


def quote_anchor(quote):
    """The same id for a quote wherever it is shown: on a record's page and in the source reader."""
    digest = hashlib.blake2b(without_whitespace(quote).encode(), digest_size=5).hexdigest()
    return f"quote-{digest}"


@dataclass
class Link:
    url: str
    label: str


@dataclass
class Citation:
    """A quote, and where the source reader shows it: the document's page and the quote's anchor there."""

    document: Link
    quote: str
    anchor: str


@dataclass
class Figure:
    link: Link | None
    value: str
    unit: str
    sign: str
    kind: str
    measure: str
    comparator: str
    period: str
    as_written: str
    citations: list


@dataclass
class Row:
    """One field: `kind` says how it is shown (text, link, links, records, figures, citations, period)."""

    name: str
    label: str
    kind: str
    value: object = None
    children: list = field(default_factory=list)


def serializer_for(resource, detail):
    viewset = resource.viewset
    if detail and viewset.detail_serializer_class:
        return viewset.detail_serializer_class
    return viewset.serializer_class


@dataclass
class Shape:
    """Which resource a serializer's records are, and the shape of each field that names other records."""

    resource: object
    model: type | None
    fields: dict


def shape_of(serializer):
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    fields = {}
    for name, declared in serializer.fields.items():
        child = getattr(declared, "child", None) or getattr(declared, "child_relation", None) or declared
        if isinstance(child, serializers.ModelSerializer):
            fields[name] = shape_of(child)
            continue
        if isinstance(child, (serializers.Serializer, serializers.RelatedField)) and model is not None:
            try:
                related = model._meta.get_field(declared.source).related_model
            except FieldDoesNotExist:
                related = None
            if related is not None:
                fields[name] = Shape(registry.by_model.get(related), related, {})
    return Shape(registry.by_model.get(model), model, fields)


def link_to(shape, data, language):
    """A link to the record a reference names, or None when it is not a browsable resource."""
    if shape is None or shape.resource is None or shape.resource.viewset is None:
        return None
    key_name = shape.resource.natural_key
    key = data.get(key_name) if isinstance(data, dict) else data
    if key is None:
        return None
    if isinstance(data, dict):
        label = data.get(f"name_{language}") or data.get(f"title_{language}") or data.get("name") or key
    else:
        label = key
    return Link(record_url(shape.resource, key), label)


def label_for(model, name):
    if model is not None:
        try:
            found = model._meta.get_field(name)
        except FieldDoesNotExist:
            found = None
        if found is not None and hasattr(found, "verbose_name"):
            return capfirst(_(str(found.verbose_name)))
        if found is not None:
            return capfirst(_(str(found.related_model._meta.verbose_name_plural)))
    return capfirst(_(name.replace("_", " ")))


def choice_label(model, name, value):
    if model is None or value is None:
        return value
    try:
        choices = dict(model._meta.get_field(name).flatchoices)
    except FieldDoesNotExist:
        return value
    return _(str(choices.get(value, value)))


def citations_of(items):
    found = []
    for item in items or ():
        document = Link(record_url(registry["sources"], item["document"]), item.get("document_title", item["document"]))
        found.append(Citation(document, item["quote"], quote_anchor(item["quote"])))
    return found


def period_label(period, language):
    """A period as the source wrote it, in the page's language where there is one."""
    return period.get(f"label_{language}") or period.get("label_en") or period.get("start") or ""


def is_figure(data):
    return isinstance(data, dict) and data.keys() >= FIGURE_KEYS


def figure(data, shape, language):
    unit = data.get("display_unit") or data.get("unit") or {}
    model = shape.model if shape else None
    own = shape.resource if shape and shape.resource else registry["observations"]
    period = data.get("period") or {}
    return Figure(
        link=Link(record_url(own, data["slug"]), data.get(f"name_{language}") or data["slug"])
        if "slug" in data
        else None,
        value=data.get("display_value", data["value"]),
        unit=unit.get("symbol") or unit.get(f"name_{language}") or unit.get("code", ""),
        sign=COMPARATOR_SIGNS.get(data["comparator"], ""),
        kind=choice_label(model, "kind", data["kind"]),
        measure=choice_label(model, "measure", data.get("measure")),
        comparator=choice_label(model, "comparator", data["comparator"]),
        period=period_label(period, language),
        as_written=data.get("text_as_written", ""),
        citations=citations_of(data.get("citations")),
    )


def rows_of(data, shape, language, skip=()):
    """The rows a record page shows for the API's answer `data`, in the serializer's order."""
    rows = []
    model = shape.model if shape else None
    for name, value in data.items():
        if name in NAME_KEYS or name in skip:
            continue
        label = label_for(model, name)
        nested = shape.fields.get(name) if shape else None
        if name == "citations":
            rows.append(Row(name, _("Sources"), "citations", citations_of(value)))
        elif name == "period" and isinstance(value, dict):
            rows.append(Row(name, label, "text", period_label(value, language)))
        elif isinstance(value, list) and value and all(is_figure(item) for item in value):
            rows.append(Row(name, label, "figures", [figure(item, nested, language) for item in value]))
        elif isinstance(value, list) and nested is not None and nested.fields:
            records = [
                (link_to(nested, item, language), rows_of(item, nested, language, skip={"slug"})) for item in value
            ]
            rows.append(Row(name, label, "records", records))
        elif isinstance(value, list):
            links = [link_to(nested, item, language) or Link("", display(item, language)) for item in value]
            rows.append(Row(name, label, "links", links))
        elif isinstance(value, dict) or (nested is not None and value is not None):
            link = link_to(nested, value, language)
            rows.append(Row(name, label, "link", link) if link else Row(name, label, "text", display(value, language)))
        else:
            rows.append(Row(name, label, "text", choice_label(model, name, value)))
    return rows


def display(value, language):
    """A nested value without a page of its own, as text."""
    if isinstance(value, dict):
        for key in (f"name_{language}", "name", "symbol", "code", "slug"):
            if value.get(key):
                return value[key]
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if value is None or value == "":
        return "—"
    return value
