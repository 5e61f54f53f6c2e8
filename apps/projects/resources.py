from apps.core.registry import Resource, register
from apps.projects.api.views import MilestoneViewSet, ProjectViewSet
from apps.projects.models import Milestone, Project

register(
    Resource(
        "projects",
        model=Project,
        viewset=ProjectViewSet,
        embeds=("distinctions", "milestones", "observations"),
        references=("companies", "industries", "regions", "sources", "zones"),
        counted_as="projects",
    )
)
register(
    Resource(
        "milestones",
        model=Milestone,
        viewset=MilestoneViewSet,
        references=("projects", "sources"),
    )
)
