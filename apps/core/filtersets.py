"""The FilterSet base every list endpoint uses: search over bilingual text and documented ordering."""

from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db import connections, models
from django.db.models import Func, Q, Value
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import BaseCSVField
from django_filters.filterset import FILTER_FOR_DBFIELD_DEFAULTS

from apps.core.models import natural_key

SEARCH_MAX_LENGTH = 200
TRIGRAM_LENGTH = 3
NAME_SEARCH_FIELDS = ["slug", "name_zh", "name_en", "description_zh", "description_en"]


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ordering over documented fields; the record's natural key breaks ties.

    Ties fall to the slug (a unit's code), so a page holds the same records wherever the data is
    loaded. The tie-break runs in the direction of the last field: a descending order is the exact
    reverse of the ascending one, and one index `(field, slug)` serves both, read either way, as well
    as an equality filter on the field in the default slug order.
    """

    def __init__(self, *args, fields, **kwargs):
        kwargs.setdefault("label", "Comma-separated fields to order by; prefix a field with - to reverse it.")
        super().__init__(*args, fields=[(f, f) for f in fields], **kwargs)

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        if not value:
            return qs
        key = natural_key(qs.model)
        last = str(qs.query.order_by[-1])
        if last.lstrip("-") == key:
            return qs
        return qs.order_by(*qs.query.order_by, f"-{key}" if last.startswith("-") else key)


class StrictBooleanField(forms.ChoiceField):
    """Accepts only `true` or `false`, so a misspelt flag is a 400 rather than silently ignored."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, choices=[("true", "true"), ("false", "false")], **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return {"true": True, "false": False}.get(value)


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


def primary_key_of(model, value):
    """The primary key of the record with this natural key (see `natural_key`), or None."""
    found = list(model._base_manager.filter(**{natural_key(model): value}).values_list("pk", flat=True)[:1])
    return found[0] if found else None


class NaturalKeyFilter(django_filters.CharFilter):
    """Filters on a related record by its slug (a unit by its code), looked up first and compared by key.

    Comparing `region_id = 5` lets PostgreSQL estimate the match from the column's statistics, where a
    join on the slug hides it: at scale that is the difference between reading one ordered page and
    sorting every match (docs/performance.md). An unknown key matches nothing.
    """

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        pk = primary_key_of(qs.model._meta.get_field(self.field_name).related_model, value)
        return qs.none() if pk is None else qs.filter(**{self.field_name: pk})


def slug_filter(field_name, what):
    return NaturalKeyFilter(field_name=field_name, label=f"Slug of the {what}.")


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


class SearchCharacters(Func):
    """The upper-cased characters of the given texts, as the PostgreSQL character indexes hold them."""

    function = "search_characters"
    output_field = models.TextField()


class HoldsAllCharacters(Func):
    """A record holds every character of a term: the character index narrows a search term too short for trigrams.

    The migration `core.0003_search_character_indexes` builds the indexes over the same column lists.
    """

    arg_joiner = " @> "
    template = "(%(expressions)s)"
    output_field = models.BooleanField()


class CuratedFilterSet(StrictFilterSet):
    search_fields = NAME_SEARCH_FIELDS

    search = django_filters.CharFilter(
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        label="Case-insensitive search over Chinese and English names and descriptions; every word must match.",
    )

    def filter_search(self, queryset, name, value):
        indexed_by_characters = connections[queryset.db].vendor == "postgresql"
        for term in value.split():
            short = len(term) < TRIGRAM_LENGTH
            # A short term without letter case (most Chinese) skips UPPER(), a third of the cost per row;
            # longer terms keep it, as the trigram indexes are built over UPPER(column).
            lookup = "contains" if short and term.upper() == term.lower() else "icontains"
            queryset = queryset.filter(reduce(or_, (Q(**{f"{f}__{lookup}": term}) for f in self.search_fields)))
            if indexed_by_characters and short:
                queryset = queryset.filter(
                    HoldsAllCharacters(SearchCharacters(*self.search_fields), SearchCharacters(Value(term)))
                )
        return queryset
