from rest_framework.routers import SimpleRouter

from apps.industries.api.views import IndustryViewSet

router = SimpleRouter()
router.register("industries", IndustryViewSet)
urlpatterns = router.urls
