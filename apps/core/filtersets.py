"""The FilterSet base every list endpoint uses: search over bilingual text and documented ordering."""

import copy
import datetime
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import connections, models
from django.db.models import Func, Q, Value
from django_filters.fields import BaseCSVField, IsoDateTimeField
from django_filters.filterset import FILTER_FOR_DBFIELD_DEFAULTS

from apps.core.choices import Basis
from apps.core.models import natural_key
from apps.core.versioning import last_read_version
from apps.core.vintage import reads_as_of

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


NO_RECORD = object()
# Natural keys already looked up, while the data version stays the same; bounded, as clients choose the keys.
KEYS_FOUND = {"version": None, "records": {}}
KEYS_FOUND_MAX = 10_000


class NaturalKeyField(forms.ModelChoiceField):
    """A related record by its natural key; a key that names no record is not an error but NO_RECORD.

    A key names the same record until the data changes, so each is looked up once per data version: the
    lookup was a query of its own on every filtered request. The record found is only compared by key.
    """

    def to_python(self, value):
        ProhibitNullCharactersValidator()(value)
        if value in self.empty_values:
            return None
        if reads_as_of():  # a key may have named another record then, or none
            return self.lookup(value)
        version = last_read_version()
        if KEYS_FOUND["version"] != version or len(KEYS_FOUND["records"]) >= KEYS_FOUND_MAX:
            KEYS_FOUND.update(version=version, records={})
        name = (self.queryset.model._meta.label, str(value))
        found = KEYS_FOUND["records"].get(name)
        if found is None:
            found = self.lookup(value)
            if version is not None:
                KEYS_FOUND["records"][name] = found
        return found

    def lookup(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            return NO_RECORD


class NaturalKeyFilter(django_filters.ModelChoiceFilter):
    """Filters on a related record by its slug (a unit by its code): looked up first, compared by key.

    Comparing `region_id = 5` lets PostgreSQL estimate the match from the column's statistics, where a
    join on the slug hides it: at scale that is the difference between reading one ordered page and
    sorting every match (docs/performance.md). An unknown key matches nothing.
    """

    field_class = NaturalKeyField

    def __init__(self, field_name, what, **kwargs):
        super().__init__(field_name=field_name, **kwargs)
        self.what = what

    def bind(self, model):
        """Called once the FilterSet knows its model, so the schema and the label can say what the key is."""
        related = model._meta.get_field(self.field_name).related_model
        key = natural_key(related)
        self.queryset = related._base_manager.all()
        self.extra["to_field_name"] = key
        self.label = f"{key.capitalize()} of the {self.what}."

    def filter(self, qs, value):
        return qs.none() if value is NO_RECORD else super().filter(qs, value)


class UTCDateTimeField(IsoDateTimeField):
    """An ISO 8601 time, compared in UTC: ISO 8601 allows offsets up to 23:59 hours, PostgreSQL up to 15:59.
    A time that falls outside the years 1–9999 in UTC stands for the earliest or the latest there is."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None or moment.tzinfo is None:
            return moment
        try:
            return moment.astimezone(datetime.UTC)
        except OverflowError:
            return (datetime.datetime.min if moment.year == 1 else datetime.datetime.max).replace(tzinfo=datetime.UTC)


class UTCDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCDateTimeField


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


FORM_CLASSES = {}


class SharedFields(dict):
    """A form's fields, which each form would otherwise deep-copy (widgets, querysets and all) on creation."""

    def __deepcopy__(self, memo):
        return dict(self)


class BoundFilters(dict):
    """A FilterSet's filters by name, each copied and bound to the FilterSet the first time it is read by name;
    read all at once (to build the form class, once per FilterSet), they are the declared ones."""

    def __init__(self, declared, filterset):
        super().__init__(declared)
        self.filterset = filterset
        self.bound = set()

    def __getitem__(self, name):
        if name not in self.bound:
            declared = copy.copy(super().__getitem__(name))
            declared.model, declared.parent = self.filterset.queryset.model, self.filterset
            if declared.method is not None:
                declared.method = declared.method  # binds the filter method to this copy and FilterSet
            self[name] = declared
            self.bound.add(name)
        return super().__getitem__(name)


class StrictFilterSet(django_filters.FilterSet):
    """The base of every FilterSet: booleans are true or false, no parameter is empty, and every list can be
    asked for what changed since a client last looked (deletions are in the change feed)."""

    updated_since = UTCDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gt",
        label="Only records changed after this time (ISO 8601); records deleted since are in /api/v1/changes/.",
    )

    FILTER_DEFAULTS = {
        **FILTER_FOR_DBFIELD_DEFAULTS,
        models.BooleanField: {"filter_class": StrictBooleanFilter},
        models.IntegerField: {"filter_class": IntegerFilter},
        models.SmallIntegerField: {"filter_class": IntegerFilter},
        models.PositiveSmallIntegerField: {"filter_class": IntegerFilter},
        models.PositiveIntegerField: {"filter_class": IntegerFilter},
    }

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        for declared in filters.values():
            if isinstance(declared, NaturalKeyFilter):
                declared.bind(cls._meta.model)
        return filters

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        """django-filter deep-copies every filter, and each filter's form field, for every request: half
        the cost of answering one. Filters keep nothing of a request but the model and the FilterSet they
        serve, so each is copied shallowly and bound to this FilterSet when it is first read (a request
        reads only those it names), with the form class built once per FilterSet, and does the same work."""
        base_filters, self.base_filters = self.base_filters, {}
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.base_filters = base_filters
        self.filters = BoundFilters(base_filters, self)

    @property
    def form(self):
        """The form cleans only the parameters the request names: a filter left out filters nothing, and
        cleaning every field of the FilterSet on every request cost more than filtering."""
        if not hasattr(self, "_form"):
            form = super().form
            if self.is_bound:
                form.fields = {
                    name: field
                    for name, field in form.fields.items()
                    if not field.widget.value_omitted_from_data(self.data, {}, form.add_prefix(name))
                }
        return self._form

    @property
    def filtered(self):
        """Whether the request names any parameter of this FilterSet; without one there is nothing to check."""
        return self.is_bound and any(name in self.data for name in self.filters)

    def is_valid(self):
        return not self.filtered or super().is_valid()

    @property
    def qs(self):
        return super().qs if self.filtered else self.queryset.all()

    def get_form_class(self):
        """The form class, built once per FilterSet class (django-filter builds one per request), its fields
        shared by the forms it makes: they only validate, and hold nothing of a request."""
        form_class = FORM_CLASSES.get(type(self))
        if form_class is None:
            built = super().get_form_class()
            form_class = type(built.__name__, (NonEmptyParametersMixin, built), {})
            form_class.base_fields = SharedFields(form_class.base_fields)
            FORM_CLASSES[type(self)] = form_class
        return form_class


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

    basis = django_filters.ChoiceFilter(
        choices=Basis.choices, label="Records the source states outright, or records with something inferred."
    )

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
