"""Field selection: `?fields=` keeps, `?omit=` leaves out, fields of every record, nested ones by dotted path.

A selection is checked against the serializer's own fields (an unknown path is a 400 naming it) and cuts
the serializer's output, so JSON, CSV, XLSX and the exports hold the same fields. drf-flex-fields was
weighed: it passes unknown names over in silence and reaches into nested records only through its
expansions, so one small mixin does instead.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

FIELDS = "fields"
OMIT = "omit"
SELECTING = (FIELDS, OMIT)
SEPARATOR = "."

PARAMETERS = [
    OpenApiParameter(
        FIELDS,
        OpenApiTypes.STR,
        description=(
            "Comma-separated fields to keep in each record, nested ones by dotted path (`slug,name,company.slug,"
            "citations.quote`); every other field is left out. An unknown field is a 400 naming it. Applies to "
            "JSON, CSV, XLSX and the exports."
        ),
    ),
    OpenApiParameter(
        OMIT,
        OpenApiTypes.STR,
        description=(
            "Comma-separated fields to leave out of each record, nested ones by dotted path (`citations,"
            "company.name_zh`). An unknown field is a 400 naming it. Applied after `fields` when both are given."
        ),
    ),
]

_shapes = {}


def shape_of(serializer_class):
    """The serializer's fields as a tree: a nested record's or list's fields under its name, None for a value."""
    if serializer_class not in _shapes:
        _shapes[serializer_class] = _shape(serializer_class())
    return _shapes[serializer_class]


def _shape(field):
    if isinstance(field, serializers.ListSerializer):
        return _shape(field.child)
    if isinstance(field, serializers.Serializer):
        return {name: _shape(child) for name, child in field.fields.items()}
    return None


def parse(parameter, raw, shape):
    """The paths a parameter names, as a tree like the shape's (None: the whole field)."""
    tree = {}
    for path in raw.split(","):
        if not path.strip():
            raise ValidationError({parameter: ["This parameter may not be empty, nor hold an empty field."]})
        node, known = tree, shape
        names = path.strip().split(SEPARATOR)
        for depth, name in enumerate(names):
            if not isinstance(known, dict) or name not in known:
                raise ValidationError({parameter: [f"Unknown field: `{SEPARATOR.join(names[: depth + 1])}`."]})
            known = known[name]
            if depth == len(names) - 1:
                node[name] = None
            elif node.get(name, {}) is not None:
                node = node.setdefault(name, {})
            else:
                break  # the whole field is already named
    return tree


def keep(data, tree):
    if isinstance(data, list):
        return [keep(item, tree) for item in data]
    if not isinstance(data, dict):
        return data
    return {
        name: value if tree[name] is None else keep(value, tree[name]) for name, value in data.items() if name in tree
    }


def leave_out(data, tree):
    if isinstance(data, list):
        return [leave_out(item, tree) for item in data]
    if not isinstance(data, dict):
        return data
    return {
        name: value if name not in tree else leave_out(value, tree[name])
        for name, value in data.items()
        if name not in tree or tree[name] is not None
    }


def paths(tree, prefix=""):
    """The dotted paths a tree names."""
    return [
        found
        for name, subtree in tree.items()
        for found in ([f"{prefix}{name}"] if subtree is None else paths(subtree, f"{prefix}{name}{SEPARATOR}"))
    ]


class FieldSelection:
    """What `fields` and `omit` ask of a request's records, checked against the serializer's fields."""

    def __init__(self, request, serializer_class):
        shape = shape_of(serializer_class)
        params = request.query_params
        self.fields = parse(FIELDS, params[FIELDS], shape) if FIELDS in params else None
        self.omit = parse(OMIT, params[OMIT], shape) if OMIT in params else None

    def __bool__(self):
        return self.fields is not None or self.omit is not None

    def apply(self, record):
        if self.fields is not None:
            record = keep(record, self.fields)
        if self.omit is not None:
            record = leave_out(record, self.omit)
        return record


def selects_fields(request):
    return any(name in request.query_params for name in SELECTING)


class FieldSelectionMixin:
    """Views whose records can be cut to the fields asked for. The selection is read once per request
    (`field_selection`), and the serializer's output is cut as the response is finished."""

    schema_parameters = PARAMETERS

    @property
    def field_selection(self):
        if not hasattr(self, "_field_selection"):
            self._field_selection = FieldSelection(self.request, self.get_serializer_class())
        return self._field_selection

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if selects_fields(request):
            self.field_selection  # noqa: B018 -- a bad selection is a 400 before any work is done

    @property
    def xlsx_specify_headers(self):
        """drf-excel takes its columns from the serializer, so it is told those the selection keeps..."""
        selected = self.field_selection.fields if selects_fields(self.request) else None
        return None if selected is None else paths(selected)

    @property
    def xlsx_ignore_headers(self):
        """...and those it leaves out."""
        omitted = self.field_selection.omit if selects_fields(self.request) else None
        return [] if omitted is None else paths(omitted)

    def finalize_response(self, request, response, *args, **kwargs):
        data = getattr(response, "data", None)
        if response.status_code == 200 and isinstance(data, dict | list) and selects_fields(request):
            selection = self.field_selection
            if isinstance(data, dict) and "results" in data:
                data["results"] = [selection.apply(item) for item in data["results"]]
            elif isinstance(data, list):
                response.data = [selection.apply(item) for item in data]
            else:
                response.data = selection.apply(data)
        return super().finalize_response(request, response, *args, **kwargs)
