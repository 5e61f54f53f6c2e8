from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError

from apps.core.api.exports import ExportView
from apps.core.api.fields import FieldSelectionMixin
from apps.core.api.language import LanguageNegotiationMixin
from apps.core.api.pagination import StrictLimitOffsetPagination
from apps.core.api.parameters import DeclaredParametersMixin
from apps.core.api.views import PublicReadOnlyViewSet
from apps.core.api.vintage import AsOfMixin
from apps.events.api.serializers import EventDetailSerializer, EventSerializer, TimelineEntrySerializer
from apps.events.filtersets import EventFilterSet, EventTimelineFilterSet, MilestoneTimelineFilterSet, TimelineFilterSet
from apps.events.models import Event
from apps.events.timeline import timeline
from apps.indicators.api.views import observations_prefetch
from apps.projects.models import Milestone
from apps.recognitions.api.views import distinctions_prefetch
from apps.sources.api.views import citations_prefetch


class EventViewSet(PublicReadOnlyViewSet):
    queryset = Event.objects.select_related("region").prefetch_related(
        "regions", "zones", "industries", "companies", "projects", "facilities", citations_prefetch()
    )
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    detail_serializer_class = EventDetailSerializer
    detail_prefetch = [observations_prefetch(), distinctions_prefetch()]


class TimelineFilterBackend(DjangoFilterBackend):
    """Documents the timeline's parameters; the view applies them to each side of the union."""

    def get_filterset_class(self, view, queryset=None):
        return TimelineFilterSet


def filtered(filterset_class, request, queryset):
    filterset = filterset_class(request.query_params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise ValidationError(filterset.errors)
    return filterset.qs


@extend_schema(summary="Every dated milestone and event, in date order")
class TimelineView(
    AsOfMixin, DeclaredParametersMixin, FieldSelectionMixin, LanguageNegotiationMixin, generics.ListAPIView
):
    serializer_class = TimelineEntrySerializer
    filter_backends = [TimelineFilterBackend]
    pagination_class = StrictLimitOffsetPagination  # a union of two tables has no keyset to walk
    queryset = Event.objects.none()

    def list(self, request, *args, **kwargs):
        page = self.paginator.paginate_keys(self.export_queryset, request, self)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def export_queryset(self):
        """The entries the request's filters select, from both sides of the union; exports read them too."""
        milestones = filtered(MilestoneTimelineFilterSet, self.request, Milestone.objects.all())
        events = filtered(EventTimelineFilterSet, self.request, Event.objects.all())
        return timeline(milestones, events)


class TimelineExportView(ExportView, TimelineView):
    def export_name(self):
        return "timeline"
