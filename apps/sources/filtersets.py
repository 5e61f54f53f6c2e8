import django_filters

from apps.core.filtersets import StableOrderingFilter, StrictFilterSet, UTCDateTimeFilter
from apps.core.registry import registry
from apps.sources.changes import CHANGE_TYPES
from apps.sources.models import SourceDocument


class SourceDocumentFilterSet(StrictFilterSet):
    ordering = StableOrderingFilter(fields=["slug", "title_en"])

    class Meta:
        model = SourceDocument
        fields = ["language"]


class ChangeFilterSet(StrictFilterSet):
    """The change feed's parameters, applied to each resource's history table in turn."""

    resource = django_filters.CharFilter(
        method="filter_resource",
        max_length=64,
        label="Only changes to records of this resource (its name in the API root); another name matches nothing.",
    )
    record = django_filters.CharFilter(
        method="filter_record", max_length=120, label="Only changes to the record with this slug (a unit's code)."
    )
    change = django_filters.ChoiceFilter(
        choices=[(name, name) for name in CHANGE_TYPES.values()],
        method="filter_change",
        label="Only changes of this kind.",
    )
    updated_since = UTCDateTimeFilter(
        field_name="history_date", lookup_expr="gt", label="Only changes made after this time (ISO 8601)."
    )
    updated_until = UTCDateTimeFilter(
        field_name="history_date", lookup_expr="lte", label="Only changes made at or before this time (ISO 8601)."
    )

    @staticmethod
    def resource_of(queryset):
        return registry.for_model(queryset.model.instance_type)

    def filter_resource(self, queryset, name, value: str):
        return queryset if self.resource_of(queryset).name == value else queryset.none()

    def filter_record(self, queryset, name, value):
        return queryset.filter(**{self.resource_of(queryset).natural_key: value})

    def filter_change(self, queryset, name, value):
        (history_type,) = [symbol for symbol, change in CHANGE_TYPES.items() if change == value]
        return queryset.filter(history_type=history_type)
