from rest_framework.routers import SimpleRouter

from apps.zones.api.views import ZoneViewSet

router = SimpleRouter()
router.register("zones", ZoneViewSet)
urlpatterns = router.urls
