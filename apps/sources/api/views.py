from django.db.models import Prefetch

from apps.core.api.views import PublicReadOnlyViewSet
from apps.sources.api.serializers import SourceDocumentSerializer
from apps.sources.filtersets import SourceDocumentFilterSet
from apps.sources.models import Citation, SourceDocument


def citations_prefetch(prefix=""):
    return Prefetch(f"{prefix}citations", queryset=Citation.objects.select_related("document"))


class SourceDocumentViewSet(PublicReadOnlyViewSet):
    queryset = SourceDocument.objects.all()
    serializer_class = SourceDocumentSerializer
    filterset_class = SourceDocumentFilterSet
