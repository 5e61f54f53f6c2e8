"""Observations as a JSON-stat 2.0 dataset (`?format=jsonstat`), the cube statistics tools read directly.

The cube is indicator × region × subject × period × kind. A figure's measure and benchmark region are
part of its indicator category (GDP, GDP growth rate, GDP growth against Guangdong), since JSON-stat
gives units to the categories of the metric dimension and a growth rate is not in yuan. The subject is
the record a figure is about beyond its region (a zone, a project …); two figures that would still share
a cell keep apart by the figure itself. Values are in the base unit; the comparator is the status of
each value, the source quotes are the notes, and `extension.figures` names the record behind each cell.
Filters, ordering and paging apply as for JSON, and names follow `lang`.
"""

from decimal import Decimal

from rest_framework.renderers import JSONRenderer

from apps.core.api.renderers import rows_of
from apps.indicators.models import ObservationComparator, ObservationKind, ObservationMeasure

DIMENSIONS = ("indicator", "region", "subject", "period", "kind")
SUBJECTS = ("event", "facility", "project", "company", "zone", "industry")
WHOLE_REGION = {"en": "The region as a whole", "zh": "全地区"}


class Categories:
    """One dimension's categories, in the order they are first met."""

    def __init__(self):
        self.labels = {}
        self.units = {}
        self.decimals = {}

    def add(self, key, label):
        self.labels.setdefault(key, label)
        return key

    def position(self, key):
        return list(self.labels).index(key)

    def as_dimension(self, label):
        category = {"index": list(self.labels), "label": self.labels}
        if self.units:
            category["unit"] = {key: {**unit, "decimals": self.decimals[key]} for key, unit in self.units.items()}
        return {"label": label, "category": category}


def indicator_key(figure, categories):
    indicator, measure, benchmark = figure["indicator"], figure["measure"], figure["benchmark_region"]
    key, label = indicator["slug"], indicator["name"]
    if measure != ObservationMeasure.LEVEL:
        key, label = f"{key}.{measure}", f"{label} — {ObservationMeasure(measure).label}"
    if benchmark:
        key, label = f"{key}.{benchmark['slug']}", f"{label} ({benchmark['name']})"
    categories.add(key, label)
    unit = figure["unit"]
    categories.units[key] = {"label": unit["name"], "symbol": unit["symbol"], "position": "end"}
    value = Decimal(figure["value"]).normalize()
    categories.decimals[key] = max(categories.decimals.get(key, 0), max(0, -value.as_tuple().exponent))
    return key


def subject_key(figure, language):
    for name in SUBJECTS:
        if figure[name]:
            return f"{name}:{figure[name]['slug']}", figure[name]["name"]
    return "region", WHOLE_REGION[language]


def period_key(period):
    start, end = period["start"], period["end"]
    if start and end and start[:4] == end[:4] and start.endswith("-01-01") and end.endswith("-12-31"):
        return start[:4]
    return f"{start or '..'}/{end or '..'}"


def cube(figures, language):
    """The JSON-stat dimensions, values, statuses, notes and figures of a list of serialized observations."""
    dimensions = {name: Categories() for name in DIMENSIONS}
    cells = {}
    for figure in figures:
        subject, subject_label = subject_key(figure, language)
        coordinates = [
            indicator_key(figure, dimensions["indicator"]),
            dimensions["region"].add(figure["region"]["slug"], figure["region"]["name"]),
            subject,
            dimensions["period"].add(period_key(figure["period"]), period_key(figure["period"])),
            dimensions["kind"].add(figure["kind"], ObservationKind(figure["kind"]).label),
        ]
        if tuple(coordinates) in cells:
            subject, subject_label = f"{subject}/{figure['slug']}", figure["name"]
            coordinates[2] = subject
        dimensions["subject"].add(subject, subject_label)
        cells[tuple(coordinates)] = figure
    sizes = [len(dimensions[name].labels) for name in DIMENSIONS]
    values, statuses, references = {}, {}, {}
    for coordinates, figure in cells.items():
        index = 0
        for name, key, size in zip(DIMENSIONS, coordinates, sizes, strict=True):
            index = index * size + dimensions[name].position(key)
        values[str(index)] = float(Decimal(figure["value"]))
        if figure["comparator"] != ObservationComparator.EXACT:
            statuses[str(index)] = figure["comparator"]
        references[str(index)] = figure["slug"]
    notes = [
        f"{figure['slug']}: “{citation['quote']}” ({citation['document_title']})"
        for figure in figures
        for citation in figure["citations"]
    ]
    return dimensions, sizes, values, statuses, references, notes


STRINGS = {"type": "array", "items": {"type": "string"}}


class ObservationJSONStatRenderer(JSONRenderer):
    format = "jsonstat"
    media_type = "application/json"
    format_description = "`jsonstat` (a JSON-stat 2.0 dataset: indicator × region × subject × period × kind)"
    openapi_schema = {
        "type": "object",
        "title": "JSON-stat 2.0 dataset",
        "description": "With `format=jsonstat`: the figures as a JSON-stat 2.0 dataset (https://json-stat.org/format/).",
        "required": ["version", "class", "id", "size", "dimension", "value"],
        "properties": {
            "version": {"type": "string", "enum": ["2.0"]},
            "class": {"type": "string", "enum": ["dataset"]},
            "href": {"type": "string", "format": "uri"},
            "label": {"type": "string"},
            "source": {"type": "string"},
            "note": STRINGS,
            "id": STRINGS,
            "size": {"type": "array", "items": {"type": "integer"}},
            "role": {"type": "object", "additionalProperties": STRINGS},
            "dimension": {"type": "object", "additionalProperties": {"type": "object"}},
            "value": {"type": "object", "additionalProperties": {"type": "number"}},
            "status": {"type": "object", "additionalProperties": {"type": "string"}},
            "link": {"type": "object"},
            "extension": {"type": "object"},
        },
    }

    def render(self, data, accepted_media_type=None, renderer_context=None):
        request = (renderer_context or {})["request"]
        language = getattr(request, "response_language", "en")
        figures = rows_of(data)
        dimensions, sizes, values, statuses, references, notes = cube(figures, language)
        dataset = {
            "version": "2.0",
            "class": "dataset",
            "href": request.build_absolute_uri(),
            "label": "Jiangmen Regional Data API — observations",
            "source": "; ".join(dict.fromkeys(c["document_title"] for figure in figures for c in figure["citations"])),
            "note": notes,
            "id": list(DIMENSIONS),
            "size": sizes,
            "role": {"metric": ["indicator"], "geo": ["region"], "time": ["period"]},
            "dimension": {name: dimensions[name].as_dimension(name.capitalize()) for name in DIMENSIONS},
            "value": values,
            "extension": {"count": data.get("count", len(figures)), "figures": references},
        }
        links = {relation: data.get(key) for relation, key in (("next", "next"), ("prev", "previous"))}
        links = {relation: [{"class": "dataset", "href": url}] for relation, url in links.items() if url}
        if links:
            dataset["link"] = links
        if statuses:
            dataset["status"] = statuses
        return super().render(dataset, accepted_media_type, renderer_context)
