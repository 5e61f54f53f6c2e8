from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from apps.core.api.language import LanguageNegotiationMixin
from apps.core.api.parameters import DeclaredParametersMixin
from apps.core.registry import registry


class ApiRootSerializer(serializers.Serializer):
    # The fields are the declared resources, read when the schema is built (no docstring: it would
    # become the schema's description of the root).
    def get_fields(self):
        return {resource.name: serializers.URLField() for resource in registry}


class ApiRootView(DeclaredParametersMixin, LanguageNegotiationMixin, APIView):
    """Lists every resource of the API with its URL."""

    renderer_classes = [JSONRenderer]

    @extend_schema(
        responses=ApiRootSerializer,
        summary="The resources of the API",
    )
    def get(self, request):
        return Response({resource.name: reverse(resource.route_name, request=request) for resource in registry})
