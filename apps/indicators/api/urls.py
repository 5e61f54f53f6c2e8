from rest_framework.routers import SimpleRouter

from apps.indicators.api.views import IndicatorViewSet, ObservationViewSet, UnitViewSet

router = SimpleRouter()
router.register("units", UnitViewSet)
router.register("indicators", IndicatorViewSet)
router.register("observations", ObservationViewSet)
urlpatterns = router.urls
