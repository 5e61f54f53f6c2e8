"""One error shape for every error the API returns: {"error": {"status", "code", "message", "details"}}."""

import sys

from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler

MESSAGES = {
    400: "The request is invalid.",
    401: "Authentication is required.",
    403: "This request is not allowed.",
    404: "Not found.",
    405: "This method is not allowed on this resource; the API is read-only.",
    406: "The requested media type cannot be produced.",
    415: "The media type of the request body is not supported.",
    412: "A precondition of the request is not met.",
    429: "Too many requests.",
    500: "An internal error occurred.",
    503: "The database is unavailable for a moment; retry after the seconds Retry-After gives.",
}
# A lost, refused or cancelled database connection: transient, answered 503 to be retried, never 500.
DATABASE_OUTAGES = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


class DatabaseUnavailable(exceptions.APIException):
    status_code = 503
    default_code = "service_unavailable"
    default_detail = MESSAGES[503]


def error_body(status, code, message, details=None):
    return {"error": {"status": status, "code": code, "message": message, "details": details or {}}}


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DATABASE_OUTAGES):
        exc = DatabaseUnavailable()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        message = MESSAGES[400]
        details = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    else:
        message = str(exc.detail) if isinstance(exc, exceptions.APIException) else MESSAGES.get(response.status_code)
        details = None
    code = exc.default_code if isinstance(exc, exceptions.APIException) else "error"
    response.data = error_body(response.status_code, code, message, details)
    if isinstance(exc, DatabaseUnavailable):
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def json_error_view(status, code):
    def view(request, exception=None):
        return JsonResponse(error_body(status, code, MESSAGES[status]), status=status)

    return view


def server_error_view(request):
    """Django's last resort, for what escaped the views (middleware included): a database outage is a 503
    to retry, anything else a 500. It runs while the exception is being handled, so it can see it."""
    if isinstance(sys.exc_info()[1], DATABASE_OUTAGES):
        response = JsonResponse(error_body(503, DatabaseUnavailable.default_code, MESSAGES[503]), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse(error_body(500, "error", MESSAGES[500]), status=500)


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    details = serializers.DictField(
        help_text="For 400: each invalid parameter or field with its messages; otherwise empty."
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()
