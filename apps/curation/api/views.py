from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from apps.core.api.language import LanguageNegotiationMixin
from apps.core.api.parameters import DeclaredParametersMixin
from apps.curation.catalogue import dcat
from apps.curation.datasets import ATTRIBUTION, FILE_TYPES, TITLE, curated_sources, current_dataset
from apps.sources.api.serializers import SourceDocumentSerializer

DatasetIndexSerializer = inline_serializer(
    "DatasetIndex",
    {
        "title": serializers.CharField(),
        "data_version": serializers.IntegerField(),
        "attribution": serializers.CharField(),
        "sources": SourceDocumentSerializer(many=True),
        "counts": serializers.DictField(child=serializers.IntegerField()),
        "files": serializers.DictField(
            child=inline_serializer(
                "DatasetFile",
                {"url": serializers.URLField(), "sha256": serializers.CharField(), "bytes": serializers.IntegerField()},
            )
        ),
    },
)


class DatasetIndexView(DeclaredParametersMixin, LanguageNegotiationMixin, APIView):
    """The whole curated dataset, as one JSON document and as a zip of CSVs, each with its SHA-256."""

    renderer_classes = [JSONRenderer]

    @extend_schema(responses=DatasetIndexSerializer, summary="Download the whole curated dataset")
    def get(self, request):
        dataset = current_dataset(request)
        files = {
            kind: {
                "url": reverse("dataset-file", kwargs={"kind": kind}, request=request),
                "sha256": dataset.checksums[kind],
                "bytes": len(getattr(dataset, kind)),
            }
            for kind in FILE_TYPES
        }
        sources = SourceDocumentSerializer(curated_sources(), many=True, context={"request": request}).data
        return Response(
            {
                "title": TITLE,
                "data_version": dataset.version,
                "attribution": ATTRIBUTION,
                "sources": sources,
                "counts": dataset.counts,
                "files": files,
            }
        )


class DatasetFileView(DeclaredParametersMixin, LanguageNegotiationMixin, APIView):
    """The curated dataset as `curated.json` or `curated.zip`; the `Digest` header carries its SHA-256."""

    renderer_classes = [JSONRenderer]

    @extend_schema(
        responses={
            (200, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT, description="The dataset as JSON."),
            (200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY, description="One CSV per resource."),
        },
        summary="One file of the curated dataset",
        operation_id="datasets_file_retrieve",
        parameters=[OpenApiParameter("kind", str, OpenApiParameter.PATH, enum=list(FILE_TYPES))],
    )
    def get(self, request, kind):
        dataset = current_dataset(request)
        response = HttpResponse(getattr(dataset, kind), content_type=FILE_TYPES[kind])
        response["Content-Disposition"] = f'attachment; filename="jiangmen-dataset-v{dataset.version}.{kind}"'
        response["Digest"] = f"sha-256={dataset.checksums[kind]}"
        return response


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


class DatasetCatalogueView(DeclaredParametersMixin, LanguageNegotiationMixin, APIView):
    """The dataset's catalogue record in DCAT (DCAT-AP) as JSON-LD, for harvesters: its licence,
    publisher, temporal and spatial coverage, sources and every distribution. `application/json` (or
    `format=json`) gets the same document, for clients that know no JSON-LD."""

    renderer_classes = [JSONLDRenderer, JSONRenderer]

    @extend_schema(
        responses={
            (200, media_type): OpenApiResponse(OpenApiTypes.OBJECT, description="A DCAT catalogue record.")
            for media_type in ("application/ld+json", "application/json")
        },
        summary="The dataset's DCAT catalogue record",
        operation_id="datasets_catalogue_retrieve",
    )
    def get(self, request):
        return Response(dcat(request))
