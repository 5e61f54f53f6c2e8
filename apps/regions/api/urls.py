from rest_framework.routers import SimpleRouter

from apps.regions.api.views import RegionViewSet

router = SimpleRouter()
router.register("regions", RegionViewSet)
urlpatterns = router.urls
