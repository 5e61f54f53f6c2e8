"""Documents the shared error shape on every operation, so clients can rely on it for any status."""

import inspect

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from apps.core.api.exceptions import MESSAGES, ErrorSerializer
from apps.core.api.language import DEFAULT_LANGUAGE, LANGUAGES

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=list(LANGUAGES),
    description=(
        "Language of `name`, `description` and `title`: `zh` or `en`. Without it the `Accept-Language` header "
        f"decides, and `{DEFAULT_LANGUAGE}` when that names neither. The `_zh` and `_en` fields are always present."
    ),
)
FORMAT_DESCRIPTIONS = {
    "json": "`json` (default)",
    "csv": "`csv` (UTF-8 with a byte order mark)",
    "xlsx": "`xlsx`",
    "jsonstat": "`jsonstat` (a JSON-stat 2.0 dataset: indicator × region × subject × period × kind)",
    "jsonld": "`jsonld` (JSON-LD)",
}


def format_parameter(formats):
    """`?format=` with the formats the view's renderers offer, so a view that adds one documents it."""
    description = f"Response format: {', '.join(FORMAT_DESCRIPTIONS.get(name, f'`{name}`') for name in formats)}."
    if len(formats) > 1:
        description += (
            " Spreadsheets hold one row per record of the page, nested fields flattened into dotted columns; "
            "filters, ordering and paging apply as for JSON."
        )
    return OpenApiParameter(
        "format", OpenApiTypes.STR, enum=formats, description=f"{description} Errors are always JSON."
    )


READ_ERRORS = ["400", "404", "405", "406", "412", "429", "500"]


class ApiAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for status in READ_ERRORS:
            if status == "404" and not self._is_detail_lookup():
                continue
            response = OpenApiResponse(ErrorSerializer, description=MESSAGES[int(status)])
            responses.setdefault(status, self._get_response_for_code(response, status, direction=direction))
        if self._is_detail_lookup():
            responses.setdefault(
                "301",
                {
                    "description": "Moved permanently: the record was renamed, and `Location` gives its URL under the "
                    "slug it has now. Former slugs keep working this way.",
                    "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}},
                },
            )
        responses.setdefault(
            "304",
            {
                "description": "Not modified: the `ETag` sent in `If-None-Match`, or the `Last-Modified` sent in "
                "`If-Modified-Since`, is still current. Every read carries both validators."
            },
        )
        return responses

    def get_description(self):
        """Only a view's own docstring describes it; docstrings inherited from bases explain the code."""
        own = type(self.view).__dict__.get("__doc__")
        return inspect.cleandoc(own) if own else ""

    def get_override_parameters(self):
        formats = list(dict.fromkeys(renderer.format for renderer in self.view.get_renderers()))
        return [*super().get_override_parameters(), LANG_PARAMETER, format_parameter(formats)]

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        """A renderer that declares the body it renders (`openapi_schema`), such as a JSON-stat dataset served
        as `application/json` beside the serializer's JSON, is documented as one of the bodies of its type."""
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        content = response.get("content", {})
        if status_code.startswith("2"):
            for renderer in self.view.get_renderers():
                body = getattr(renderer, "openapi_schema", None)
                media_type = renderer.media_type.split(";")[0]
                if body and media_type in content:
                    content[media_type]["schema"] = {"oneOf": [content[media_type]["schema"], body]}
        return response

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        if status_code == "429":
            headers["Retry-After"] = {
                "schema": {"type": "integer", "minimum": 0},
                "description": "Seconds to wait before the next request is allowed.",
            }
        return headers

    def _is_detail_lookup(self):
        return "{" in self.path
