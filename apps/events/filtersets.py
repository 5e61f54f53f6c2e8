import django_filters

from apps.core.filtersets import (
    NO_RECORD,
    CuratedFilterSet,
    NaturalKeyFilter,
    StableOrderingFilter,
    StrictFilterSet,
)
from apps.events.models import Event
from apps.events.timeline import TimelineEntryType
from apps.projects.models import Milestone


class EventFilterSet(CuratedFilterSet):
    region = NaturalKeyFilter("region", "region the event is in or concerns", method="filter_region")
    zone = NaturalKeyFilter("zones", "zone the event concerns")
    industry = NaturalKeyFilter("industries", "industry the event concerns")
    company = NaturalKeyFilter("companies", "company the event concerns")
    project = NaturalKeyFilter("projects", "project the event concerns")
    facility = NaturalKeyFilter("facilities", "facility the event concerns")
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="On or after (YYYY-MM-DD).")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="On or before (YYYY-MM-DD).")
    ordering = StableOrderingFilter(fields=["slug", "date", "kind", "name_en"])

    class Meta:
        model = Event
        fields = ["kind", "is_first", "first_scope", "date_precision"]

    def filter_region(self, queryset, name, region):
        if region is NO_RECORD:
            return queryset.none()
        # A union, not an OR across a join: each side reads its own index (0.3 ms, not 0.7 s, at 10,000x).
        concerned = Event.regions.through.objects.filter(region=region).values("event_id").order_by()
        return queryset.filter(pk__in=Event.objects.filter(region=region).values("pk").order_by().union(concerned))


class TimelineFilterSet(StrictFilterSet):
    """The timeline's parameters; each side of the union reads them through its own lookups."""

    type = django_filters.ChoiceFilter(choices=TimelineEntryType.choices, method="filter_type", label="Entry type.")
    kind = django_filters.ChoiceFilter(
        choices=sorted(set(Milestone.Kind.choices) | set(Event.Kind.choices)),
        field_name="kind",
        label="Kind of milestone or event.",
    )
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="On or after (YYYY-MM-DD).")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="On or before (YYYY-MM-DD).")
    project = django_filters.CharFilter(method="filter_related", label="Slug of a project concerned.")
    company = django_filters.CharFilter(method="filter_related", label="Slug of a company concerned.")
    zone = django_filters.CharFilter(method="filter_related", label="Slug of a zone concerned.")
    industry = django_filters.CharFilter(method="filter_related", label="Slug of an industry concerned.")
    facility = django_filters.CharFilter(method="filter_related", label="Slug of a facility concerned.")
    region = django_filters.CharFilter(method="filter_related", label="Slug of a region concerned.")

    entry_type = None
    related_lookups = {}

    class Meta:
        model = Event
        fields = []

    def filter_type(self, queryset, name, value):
        return queryset if value == self.entry_type else queryset.none()

    def filter_related(self, queryset, name, value):
        lookups = self.related_lookups.get(name, [])
        if not lookups:
            return queryset.none()
        first, *others = [
            queryset.model.objects.filter(**{lookup: value}).values("pk").order_by() for lookup in lookups
        ]
        return queryset.filter(pk__in=first.union(*others) if others else first)


class MilestoneTimelineFilterSet(TimelineFilterSet):
    entry_type = TimelineEntryType.MILESTONE
    related_lookups = {
        "project": ["project__slug"],
        "company": ["project__company__slug"],
        "zone": ["project__zone__slug"],
        "industry": ["project__industry__slug"],
        "region": ["project__region__slug"],
    }

    class Meta:
        model = Milestone
        fields = []


class EventTimelineFilterSet(TimelineFilterSet):
    entry_type = TimelineEntryType.EVENT
    related_lookups = {
        "project": ["projects__slug"],
        "company": ["companies__slug"],
        "zone": ["zones__slug"],
        "industry": ["industries__slug"],
        "facility": ["facilities__slug"],
        "region": ["region__slug", "regions__slug"],
    }
