from rest_framework.routers import SimpleRouter

from apps.sources.api.views import SourceDocumentViewSet

router = SimpleRouter()
router.register("sources", SourceDocumentViewSet)
urlpatterns = router.urls
