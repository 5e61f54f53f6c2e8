"""The response language: `?lang=zh|en`, else the best of Accept-Language, else English.

It chooses what `name`, `description` and `title` hold; the `_zh` and `_en` fields are always there.
"""

from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "en"


def negotiate_language(request):
    requested = request.GET.get("lang")
    if requested is not None:
        if requested not in LANGUAGES:
            raise ValidationError({"lang": [f"Must be one of: {', '.join(LANGUAGES)}."]})
        return requested
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        primary = code.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


class LanguageNegotiationMixin:
    """Views settle the language once per request (serializers read it from the request), say it in
    Content-Language, and answer errors and OPTIONS in JSON whatever format was asked for."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        request.response_language = negotiate_language(request)

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code >= 400 or request.method == "OPTIONS":
            # Errors keep their JSON shape whatever format the request asked for, or when no format was agreed;
            # OPTIONS describes the resource, which is JSON even where the resource is a streamed file.
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        language = getattr(request, "response_language", None)
        if language:
            response["Content-Language"] = language
        return response
