from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from apps.core.api.language import LanguageNegotiationMixin

RESOURCES = [
    ("regions", "region-list"),
    ("zones", "zone-list"),
    ("industries", "industry-list"),
    ("companies", "company-list"),
    ("projects", "project-list"),
    ("milestones", "milestone-list"),
    ("facilities", "facility-list"),
    ("indicators", "indicator-list"),
    ("observations", "observation-list"),
    ("units", "unit-list"),
    ("distinctions", "distinction-list"),
    ("events", "event-list"),
    ("timeline", "timeline"),
    ("sources", "sourcedocument-list"),
    ("datasets", "dataset-index"),
]


class ApiRootView(LanguageNegotiationMixin, APIView):
    """Lists every resource of the API with its URL."""

    renderer_classes = [JSONRenderer]

    @extend_schema(
        responses=inline_serializer("ApiRoot", {name: serializers.URLField() for name, _ in RESOURCES}),
        summary="The resources of the API",
    )
    def get(self, request):
        return Response({name: reverse(route, request=request) for name, route in RESOURCES})
