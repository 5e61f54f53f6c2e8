"""Documents the shared error shape on every operation, so clients can rely on it for any status."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from apps.core.api.exceptions import MESSAGES, ErrorSerializer

READ_ERRORS = ["400", "404", "405", "406", "412", "429", "500"]


class ApiAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for status in READ_ERRORS:
            if status == "404" and not self._is_detail_lookup():
                continue
            if status == "400" and self._is_detail_lookup():
                continue
            response = OpenApiResponse(ErrorSerializer, description=MESSAGES[int(status)])
            responses.setdefault(status, self._get_response_for_code(response, status, direction=direction))
        responses.setdefault(
            "304",
            {
                "description": "Not modified: the `ETag` sent in `If-None-Match`, or the `Last-Modified` sent in "
                "`If-Modified-Since`, is still current. Every read carries both validators."
            },
        )
        return responses

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
