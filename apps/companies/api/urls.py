from rest_framework.routers import SimpleRouter

from apps.companies.api.views import CompanyViewSet

router = SimpleRouter()
router.register("companies", CompanyViewSet)
urlpatterns = router.urls
