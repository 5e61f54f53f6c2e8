"""Documents the shared error shape on every operation, so clients can rely on it for any status."""

import functools
import inspect
import sys

from django.core import validators
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework.renderers import JSONRenderer

from apps.core.api.exceptions import MESSAGES, ErrorSerializer
from apps.core.api.exports import TOTAL_HEADER, is_export
from apps.core.api.parameters import PRESENTATION


@functools.cache
def not_blank_pattern():
    """A filter's value holds no NUL and a character `str.strip()` keeps (apps/core/filtersets.py), spelt
    out character by character, since `\\s` means other things to other regular expression engines."""
    refused = [code for code in range(sys.maxunicode + 1) if chr(code).isspace()] + [0]
    ranges, start = [], None
    for code, following in zip(sorted(refused), [*sorted(refused)[1:], None], strict=True):
        start = code if start is None else start
        if following != code + 1:
            ranges.append(f"\\u{start:04x}" + (f"-\\u{code:04x}" if code != start else ""))
            start = None
    blank = "".join(ranges)
    return f"^[^\\u0000]*[^{blank}][^\\u0000]*$"


VALIDATOR_KEYWORDS = {
    validators.MaxValueValidator: "maximum",
    validators.MinValueValidator: "minimum",
    validators.MaxLengthValidator: "maxLength",
    validators.MinLengthValidator: "minLength",
}
READ_ERRORS = ["400", "404", "405", "406", "412", "429", "500", "503"]


class ApiAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for status in READ_ERRORS:
            if status == "404" and not (self._is_detail_lookup() or self._walks_by_cursor()):
                continue
            response = self._get_response_for_code(
                OpenApiResponse(ErrorSerializer, description=MESSAGES[int(status)]), status, direction=direction
            )
            # Errors are JSON whatever the format asked for, an export's included.
            response["content"] = {JSONRenderer.media_type: next(iter(response["content"].values()))}
            responses.setdefault(status, response)
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
        responses.setdefault(
            "414",
            {
                "description": "URI too long: the request line is longer than the HTTP server reads (gunicorn: 4094 "
                "bytes). It answers before the API does, so not in the API's error shape."
            },
        )
        return responses

    def get_description(self):
        """Only a view's own docstring describes it; docstrings inherited from bases explain the code."""
        own = type(self.view).__dict__.get("__doc__")
        return inspect.cleandoc(own) if own else ""

    def get_override_parameters(self):
        """The presentation parameters every operation accepts (apps/core/api/parameters.py), and those the
        view declares (field selection)."""
        return [
            *super().get_override_parameters(),
            *(describe(self.view) for describe in PRESENTATION.values()),
            *getattr(self.view, "schema_parameters", ()),
        ]

    def _get_filter_parameters(self):
        """What each filter refuses with a 400, the schema says: an empty or blank value or a NUL character
        (StrictFilterSet), and the lengths and bounds its form field checks."""
        parameters = super()._get_filter_parameters()
        filters = {}
        for backend in self.get_filter_backends():
            filterset_class = backend().get_filterset_class(self.view)
            filters.update(filterset_class.base_filters if filterset_class else {})
        for parameter in parameters:
            schema = parameter["schema"]
            if schema.get("type") == "array":
                schema["minItems"] = 1
            elif schema.get("type") == "string" and not {"enum", "format"} & set(schema):
                schema.update(minLength=1, pattern=not_blank_pattern())
            for validator in filters[parameter["name"]].field.validators:
                keyword = VALIDATOR_KEYWORDS.get(type(validator))
                if keyword:
                    limit = validator.limit_value
                    # Exactly the bound the server compares with: django-filter's 1e50 is a float, not 10**50.
                    schema[keyword] = int(limit) if isinstance(limit, float) and limit.is_integer() else limit
        return parameters

    def get_operation_id(self):
        """`<resource>_export` for every export, whether a viewset's action or a view of its own."""
        operation_id = super().get_operation_id()
        return operation_id.rsplit("_", 1)[0] if is_export(self.view) else operation_id

    def get_filter_backends(self):
        """An export takes its list's filters."""
        if is_export(self.view):
            return self.view.filter_backends
        return super().get_filter_backends()

    def _get_response_for_code(self, serializer, status_code, media_types=None, direction="response"):
        """A renderer that declares the body it renders (`openapi_schema`), such as a JSON-stat dataset served
        as `application/json` beside the serializer's JSON, is documented as one of the bodies of its type; one
        that writes a file (`openapi_file_schema`: CSV, a workbook) as that file, not as the serializer's shape."""
        response = super()._get_response_for_code(serializer, status_code, media_types, direction)
        content = response.get("content", {})
        if status_code.startswith("2"):
            for renderer in self.view.get_renderers():
                media_type = renderer.media_type.split(";")[0]
                if media_type not in content:
                    continue
                file_body, body = (getattr(renderer, name, None) for name in ("openapi_file_schema", "openapi_schema"))
                if file_body:
                    content[media_type]["schema"] = file_body
                elif body:
                    content[media_type]["schema"] = {"oneOf": [content[media_type]["schema"], body]}
        return response

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        if status_code == "200" and is_export(self.view):
            headers[TOTAL_HEADER] = {
                "schema": {"type": "integer", "minimum": 0},
                "description": "How many records the export holds.",
            }
        if status_code in ("429", "503"):
            headers["Retry-After"] = {
                "schema": {"type": "integer", "minimum": 0},
                "description": "Seconds to wait before the next request is allowed.",
            }
        return headers

    def _walks_by_cursor(self):
        """A list paged by cursor answers 404 for a cursor that names no page."""
        paginator = self._get_paginator() if self._is_list_view() else None
        parameters = paginator.get_schema_operation_parameters(self.view) if paginator else ()
        return any(parameter["name"] == "cursor" for parameter in parameters)

    def _is_detail_lookup(self):
        return "{" in self.path


def referenced(node):
    """The names of the components a schema refers to."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        yield from [ref.rsplit("/", 1)[-1]] if ref.startswith("#/components/schemas/") else ()
        for value in node.values():
            yield from referenced(value)
    elif isinstance(node, list):
        for value in node:
            yield from referenced(value)


def selectable_fields_are_optional(result, generator, request, public):
    """Postprocessing hook: `fields` and `omit` may leave out any field of a record, so the records an operation
    with them answers promise no field; the page around them still promises its `results`."""
    schemas = result.get("components", {}).get("schemas", {})
    pending = {
        name
        for operations in result["paths"].values()
        for operation in operations.values()
        if any(parameter["name"] == "fields" for parameter in operation.get("parameters", ()))
        for content in operation["responses"].get("200", {}).get("content", {}).values()
        for name in referenced(content["schema"])
    }
    seen = set()
    while pending:
        name = pending.pop()
        seen.add(name)
        schema = schemas[name]
        if "results" not in schema.get("properties", {}):
            schema.pop("required", None)
        pending |= set(referenced(schema)) - seen
    return result
