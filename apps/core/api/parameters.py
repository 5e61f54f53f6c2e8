"""The query parameters an operation accepts: derived from what its view declares, and any other refused.

A list accepts its FilterSet's filters and its paginator's parameters; every operation accepts the
presentation parameters declared once below. The schema documents exactly these (apps/core/api/schema.py
reads the same declarations), so a parameter added later is declared once to be both accepted and
documented, and a misspelt one (`?stauts=operating`) is a 400 naming it and listing the accepted ones
rather than an unfiltered answer that looks filtered. Each parameter is given once, as the schema has no
repeated ones: otherwise one of the values would silently win.

The one allowance is `_`, the cache-busting parameter browsers' and libraries' requests add (jQuery's
`cache: false` sends `_=<timestamp>`): accepted, documented, and ignored.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import mixins
from rest_framework.exceptions import ValidationError

from apps.core.api.language import DEFAULT_LANGUAGE, LANGUAGES


def lang_parameter(view):
    return OpenApiParameter(
        "lang",
        OpenApiTypes.STR,
        enum=list(LANGUAGES),
        description=(
            "Language of `name`, `description` and `title`: `zh` or `en`. Without it the `Accept-Language` header "
            f"decides, and `{DEFAULT_LANGUAGE}` when that names neither. The `_zh` and `_en` fields are always present."
        ),
    )


def format_parameter(view):
    """The formats are those of the view's renderers."""
    renderers = list({renderer.format: renderer for renderer in view.renderer_classes}.values())
    formats = ", ".join(
        getattr(renderer, "format_description", f"`{renderer.format}` ({renderer.media_type})")
        for renderer in renderers
    )
    description = (
        f"Response format, instead of the `Accept` header: {formats}; JSON when absent. Errors are always JSON."
    )
    if any(renderer.format == "xlsx" for renderer in renderers):  # a paged spreadsheet; an export describes itself
        description += (
            " Spreadsheets hold one row per record of the page, nested fields flattened into dotted columns; "
            "filters, ordering and paging apply as for JSON."
        )
    return OpenApiParameter(
        "format", OpenApiTypes.STR, enum=[renderer.format for renderer in renderers], description=description
    )


def cache_buster_parameter(view):
    return OpenApiParameter(
        "_",
        OpenApiTypes.STR,
        description=(
            "Ignored: the cache-busting parameter browsers and libraries add (jQuery's `cache: false` sends "
            "`_=<timestamp>`). Any other parameter this operation does not list is refused with a 400."
        ),
    )


# Parameters that choose how an answer is presented, offered by every operation: name and schema.
PRESENTATION = {"lang": lang_parameter, "format": format_parameter, "_": cache_buster_parameter}


def is_list(view):
    action = getattr(view, "action", None)
    return action == "list" if action is not None else isinstance(view, mixins.ListModelMixin)


_accepted = {}


def accepted_parameters(view):
    """The names the view's operation accepts, as its schema documents them: a list's and an export's filters,
    a list's paging, and the parameters the view declares of its own (`schema_parameters`)."""
    from apps.core.api.exports import is_export  # exports read the views' mixins, which read this module

    key = (type(view), is_list(view), is_export(view))
    names = _accepted.get(key)
    if names is None:
        listing, exporting = key[1:]
        names = set(PRESENTATION) | {parameter.name for parameter in getattr(view, "schema_parameters", ())}
        if listing or exporting:
            for backend in getattr(view, "filter_backends", ()):
                filterset_class = backend().get_filterset_class(view)
                names.update(filterset_class.base_filters if filterset_class else ())
        if listing and view.paginator is not None:
            names.update(parameter["name"] for parameter in view.paginator.get_schema_operation_parameters(view))
        names = _accepted[key] = frozenset(names)
    return names


class DeclaredParametersMixin:
    """Reads refuse a query parameter their operation does not declare (writes are refused anyway, with 405)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        accepted = accepted_parameters(self)
        errors = {}
        for name, values in request.query_params.lists():
            if name not in accepted:
                errors[name] = [f"This operation has no such parameter. It accepts: {', '.join(sorted(accepted))}."]
            elif len(values) > 1:
                errors[name] = ["Given more than once; give it once (lists are comma-separated)."]
        if errors:
            raise ValidationError(errors)
