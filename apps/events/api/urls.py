from django.urls import path
from rest_framework.routers import SimpleRouter

from apps.events.api.views import EventViewSet, TimelineView

router = SimpleRouter()
router.register("events", EventViewSet)
urlpatterns = [*router.urls, path("timeline/", TimelineView.as_view(), name="timeline")]
