from rest_framework.routers import SimpleRouter

from apps.recognitions.api.views import DistinctionViewSet

router = SimpleRouter()
router.register("distinctions", DistinctionViewSet)
urlpatterns = router.urls
