"""The FilterSet base every list endpoint uses: search over bilingual text and documented ordering."""

from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db import models
from django.db.models import Q
from django_filters.fields import BaseCSVField
from django_filters.filterset import FILTER_FOR_DBFIELD_DEFAULTS

SEARCH_MAX_LENGTH = 200
NAME_SEARCH_FIELDS = ["slug", "name_zh", "name_en", "description_zh", "description_en"]


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ordering over documented fields; the primary key breaks ties so that pages are stable."""

    def __init__(self, *args, fields, **kwargs):
        kwargs.setdefault("label", "Comma-separated fields to order by; prefix a field with - to reverse it.")
        super().__init__(*args, fields=[(f, f) for f in fields], **kwargs)

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


class StrictBooleanField(forms.ChoiceField):
    """Accepts only `true` or `false`, so a misspelt flag is a 400 rather than silently ignored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, choices=[("true", "true"), ("false", "false")], **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return {"true": True, "false": False}.get(value)


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


def slug_filter(field_name, what):
    return django_filters.CharFilter(field_name=f"{field_name}__slug", label=f"Slug of the {what}.")


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class NonEmptyParametersMixin:
    """A parameter given with no value, or a list with an empty item, is an error, not silently left out."""

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            if name not in self.data:
                continue
            values = self.data.getlist(name)
            if isinstance(field, BaseCSVField):
                values = [item for value in values for item in value.split(",")]
            if not values or not all(value.strip() for value in values):
                self.add_error(name, "This parameter may not be empty; leave it out instead.")
        return cleaned


class StrictFilterSet(django_filters.FilterSet):
    """The base of every FilterSet: booleans are true or false, and no parameter is empty."""

    FILTER_DEFAULTS = {
        **FILTER_FOR_DBFIELD_DEFAULTS,
        models.BooleanField: {"filter_class": StrictBooleanFilter},
        models.IntegerField: {"filter_class": IntegerFilter},
        models.SmallIntegerField: {"filter_class": IntegerFilter},
        models.PositiveSmallIntegerField: {"filter_class": IntegerFilter},
        models.PositiveIntegerField: {"filter_class": IntegerFilter},
    }

    def get_form_class(self):
        """django-filter builds the form class per request; this wraps it the same way, holding nothing."""
        form_class = super().get_form_class()
        return type(form_class.__name__, (NonEmptyParametersMixin, form_class), {})


class CuratedFilterSet(StrictFilterSet):
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
