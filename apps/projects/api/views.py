from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view

from apps.core.api.views import PublicReadOnlyViewSet
from apps.indicators.api.views import observations_prefetch
from apps.projects.api.examples import PROJECT_EXAMPLES
from apps.projects.api.serializers import MilestoneSerializer, ProjectDetailSerializer, ProjectSerializer
from apps.projects.filtersets import MilestoneFilterSet, ProjectFilterSet
from apps.projects.models import Milestone, Project
from apps.recognitions.api.views import distinctions_prefetch
from apps.sources.api.views import citations_prefetch


@extend_schema_view(retrieve=extend_schema(examples=PROJECT_EXAMPLES))
class ProjectViewSet(PublicReadOnlyViewSet):
    queryset = Project.objects.select_related("company", "industry", "zone", "region").prefetch_related(
        citations_prefetch()
    )
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilterSet
    detail_serializer_class = ProjectDetailSerializer
    detail_prefetch = [
        Prefetch("milestones", queryset=Milestone.objects.prefetch_related(citations_prefetch())),
        observations_prefetch(),
        distinctions_prefetch(),
    ]


class MilestoneViewSet(PublicReadOnlyViewSet):
    queryset = Milestone.objects.select_related("project").prefetch_related(citations_prefetch())
    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilterSet
