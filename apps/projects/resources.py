from apps.core.registry import Resource, register
from apps.projects.api.views import MilestoneViewSet, ProjectViewSet
from apps.projects.models import Milestone, Project

register(
    Resource(
        "projects",
        model=Project,
        viewset=ProjectViewSet,
        embeds=("regions", "zones", "industries", "companies", "milestones", "observations", "distinctions", "sources"),
        counted_as="projects",
    )
)
register(Resource("milestones", model=Milestone, viewset=MilestoneViewSet, embeds=("projects", "sources")))
