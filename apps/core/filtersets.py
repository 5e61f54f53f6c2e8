"""The FilterSet base every list endpoint uses: search over bilingual text and documented ordering."""

from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q

SEARCH_MAX_LENGTH = 200
NAME_SEARCH_FIELDS = ["slug", "name_zh", "name_en", "description_zh", "description_en"]


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ordering over documented fields; the slug always breaks ties so that pages are stable."""

    def __init__(self, *args, fields, **kwargs):
        kwargs.setdefault("label", "Comma-separated fields to order by; prefix a field with - to reverse it.")
        super().__init__(*args, fields=[(f, f) for f in fields], **kwargs)

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "slug") if value else qs


def slug_filter(field_name, what):
    return django_filters.CharFilter(field_name=f"{field_name}__slug", label=f"Slug of the {what}.")


class CuratedFilterSet(django_filters.FilterSet):
    search_fields = NAME_SEARCH_FIELDS

    search = django_filters.CharFilter(
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        label="Case-insensitive search over Chinese and English names and descriptions; every word must match.",
    )

    def filter_search(self, queryset, name, value):
        for term in value.split():
            queryset = queryset.filter(reduce(or_, (Q(**{f"{f}__icontains": term}) for f in self.search_fields)))
        return queryset
