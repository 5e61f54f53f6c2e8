from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation

# What the negotiation chose, by the view's renderers, `format` and the Accept header: parsing media types
# for every request cost as much as reading a kept page. At most CHOICES_KEPT pairs, since headers vary.
CHOICES = {}
CHOICES_KEPT = 1000


class StrictContentNegotiation(DefaultContentNegotiation):
    """An unknown `?format=` is a 400 naming the parameter, like any other bad parameter, not a 404."""

    def select_renderer(self, request, renderers, format_suffix=None):
        requested = request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if requested is not None and not requested.strip():
            raise ValidationError({"format": ["This parameter may not be empty; leave it out instead."]})
        key = (
            tuple(type(renderer) for renderer in renderers),
            requested,
            format_suffix,
            request.META.get("HTTP_ACCEPT"),
        )
        chosen = CHOICES.get(key)
        if chosen is None:
            renderer, media_type = super().select_renderer(request, renderers, format_suffix)
            chosen = (renderers.index(renderer), media_type)
            if len(CHOICES) < CHOICES_KEPT:
                CHOICES[key] = chosen
        index, media_type = chosen
        return renderers[index], media_type

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            formats = ", ".join(renderer.format for renderer in renderers)
            raise ValidationError({"format": [f"Must be one of: {formats}."]})
        return matching
