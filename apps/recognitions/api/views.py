from django.db.models import Prefetch

from apps.core.api.views import PublicReadOnlyViewSet
from apps.recognitions.api.serializers import DistinctionSerializer
from apps.recognitions.filtersets import DistinctionFilterSet
from apps.recognitions.models import Distinction
from apps.sources.api.views import citations_prefetch

DISTINCTION_RELATED = ["region", "zone", "industry", "company", "project", "facility", "event"]


def distinctions_prefetch(prefix=""):
    queryset = Distinction.objects.select_related(*DISTINCTION_RELATED).prefetch_related(citations_prefetch())
    return Prefetch(f"{prefix}distinctions", queryset=queryset)


class DistinctionViewSet(PublicReadOnlyViewSet):
    queryset = Distinction.objects.select_related(*DISTINCTION_RELATED).prefetch_related(citations_prefetch())
    serializer_class = DistinctionSerializer
    filterset_class = DistinctionFilterSet
