from rest_framework.routers import SimpleRouter

from apps.projects.api.views import MilestoneViewSet, ProjectViewSet

router = SimpleRouter()
router.register("projects", ProjectViewSet)
router.register("milestones", MilestoneViewSet)
urlpatterns = router.urls
