"""Documents the shared error shape on every operation, so clients can rely on it for any status."""

import inspect

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from apps.core.api.exceptions import MESSAGES, ErrorSerializer
from apps.core.api.parameters import PRESENTATION

READ_ERRORS = ["400", "404", "405", "406", "412", "429", "500", "503"]


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
        """The presentation parameters every operation accepts (apps/core/api/parameters.py)."""
        return [*super().get_override_parameters(), *(describe(self.view) for describe in PRESENTATION.values())]

    def _get_filter_parameters(self):
        """Filters refuse an empty value (StrictFilterSet), so the schema says so."""
        parameters = super()._get_filter_parameters()
        for parameter in parameters:
            schema = parameter["schema"]
            if schema.get("type") == "string" and "enum" not in schema:
                schema["minLength"] = 1
            elif schema.get("type") == "array":
                schema["minItems"] = 1
        return parameters

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        if status_code in ("429", "503"):
            headers["Retry-After"] = {
                "schema": {"type": "integer", "minimum": 0},
                "description": "Seconds to wait before the next request is allowed.",
            }
        return headers

    def _is_detail_lookup(self):
        return "{" in self.path
