from apps.core.api.views import PublicReadOnlyViewSet
from apps.sources.api.serializers import SourceDocumentSerializer
from apps.sources.filtersets import SourceDocumentFilterSet
from apps.sources.models import SourceDocument


class SourceDocumentViewSet(PublicReadOnlyViewSet):
    queryset = SourceDocument.objects.all()
    serializer_class = SourceDocumentSerializer
    filterset_class = SourceDocumentFilterSet
