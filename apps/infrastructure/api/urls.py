from rest_framework.routers import SimpleRouter

from apps.infrastructure.api.views import FacilityViewSet

router = SimpleRouter()
router.register("facilities", FacilityViewSet)
urlpatterns = router.urls
