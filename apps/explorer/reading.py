"""The explorer reads through the API itself: the same viewsets, FilterSets, serializers and caches.

A page asks the resource's viewset (found in the registry) for the answer the API gives to the same
query parameters, and shows that answer. So what a person sees is what `/api/v1/` serves for the URL
they can copy, and the API's rules (validation, paging, languages, the rendered-record cache) hold here
without a second copy of them.
"""

import copy
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django_filters import ChoiceFilter, OrderingFilter
from rest_framework.exceptions import ValidationError

from apps.core.api.language import DEFAULT_LANGUAGE, negotiate_language
from apps.core.filtersets import NaturalKeyFilter, StrictBooleanFilter
from apps.core.models import natural_key
from apps.core.versioning import current_version
from apps.explorer.records import label_for

FACET_VALUES = 12
DJANGO_LANGUAGES = {"zh": "zh-hans", "en": "en"}


def page_language(request):
    """The language the API would answer in (`?lang=`, else Accept-Language); a bad `lang` is the API's 400."""
    try:
        return negotiate_language(request)
    except ValidationError:
        return DEFAULT_LANGUAGE


@dataclass
class Answer:
    status: int
    data: object
    location: str = ""

    @property
    def ok(self):
        return self.status == 200

    @property
    def message(self):
        error = self.data.get("error", {}) if isinstance(self.data, dict) else {}
        return error.get("message", ""), error.get("details", {})


def api_path(resource, key=None):
    if key is None:
        return reverse(resource.route_name)
    return reverse(f"{resource.model._meta.model_name}-detail", kwargs={resource.viewset.lookup_field: key})


def api_read(request, resource, key=None, params=None):
    """The API's JSON answer for this resource (its list, or the record `key`) and these parameters."""
    if params is None:
        params = request.GET
    elif "lang" in request.GET:
        params = {**params, "lang": request.GET["lang"]}
    path = api_path(resource, key)
    internal = copy.copy(request)
    internal.GET = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    if not isinstance(params, QueryDict):
        for name, value in params.items():
            internal.GET[name] = value
    internal.GET.pop("format", None)
    internal.META = {
        **request.META,
        "HTTP_ACCEPT": "application/json",
        "PATH_INFO": path,
        "QUERY_STRING": internal.GET.urlencode(),
    }
    internal.path = internal.path_info = path
    if resource.viewset is not None:
        view = resource.viewset.as_view(
            {"get": "retrieve" if key else "list"}, basename=resource.model._meta.model_name, detail=bool(key)
        )
        response = view(internal, **({resource.viewset.lookup_field: key} if key else {}))
    else:
        response = resource.view.as_view()(internal)
    response.render()
    data = json.loads(response.content) if response.content else None
    return Answer(response.status_code, data, response.get("Location", ""))


def filtered_queryset(request, resource):
    """The records the list selects, filtered by the resource's own FilterSet from the same parameters."""
    filterset_class = resource.filterset_class
    params = QueryDict(mutable=True)
    for name in request.GET:
        if name in filterset_class.base_filters:
            params.setlist(name, request.GET.getlist(name))
    filterset = filterset_class(params, queryset=resource.viewset.queryset.all())
    if not filterset.is_valid():
        return None, filterset
    return filterset.qs, filterset


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    values: list
    more: int


def facets(request, resource):
    """Counts of the listed records per value of each enum, flag and related record the FilterSet filters on.

    Kept under the data version and the parameters that select records, as the API keeps its counts.
    """
    filterset_class = resource.filterset_class
    selecting = sorted(
        (name, request.GET.getlist(name))
        for name in request.GET
        if name in filterset_class.base_filters and name != "ordering"
    )
    digest = hashlib.blake2b(f"{resource.name}|{page_language(request)}|{selecting!r}".encode(), digest_size=16)
    key = f"explorer-facets:{current_version(request).number}:{digest.hexdigest()}"
    counted = cache.get(key)
    if counted is None:
        counted = count_facets(request, resource)
        cache.set(key, counted, settings.API_COUNT_CACHE_SECONDS)
    found = []
    for name, label, rows, more in counted:
        values = []
        for value, value_label, records in rows:
            selected = request.GET.get(name) == value
            values.append(FacetValue(value, value_label, records, selected, toggled(request, name, value, selected)))
        found.append(Facet(name, label, values, more))
    return found


def count_facets(request, resource):
    """Each facet as (parameter, label, [(value, label, count)], how many values more)."""
    queryset, filterset = filtered_queryset(request, resource)
    if queryset is None:
        return []
    found = []
    model = resource.model
    for name, declared in filterset.base_filters.items():
        field_name = declared.field_name
        if declared.method is not None or isinstance(declared, OrderingFilter):
            continue  # a filter of its own making: counting by the column would not be what it selects
        if isinstance(declared, NaturalKeyFilter):
            kind = "related"
        elif isinstance(declared, (ChoiceFilter, StrictBooleanFilter)) and declared.lookup_expr == "exact":
            kind = "choice"
        else:
            continue
        field = model._meta.get_field(field_name)
        counted = queryset.order_by().exclude(**{f"{field_name}__isnull": True})
        if kind == "choice" and field.get_internal_type() != "BooleanField":
            counted = counted.exclude(**{field_name: ""})  # a blank choice cannot be asked for: `?level=` is a 400
        rows = list(
            counted.values(field_name).annotate(records=Count("pk", distinct=True)).order_by("-records", field_name)
        )
        if not rows:
            continue
        shown = rows[:FACET_VALUES]
        labels = facet_labels(field, kind, [row[field_name] for row in shown], request)
        values = [(*labels[row[field_name]], row["records"]) for row in shown]
        found.append((name, label_for(model, field_name), values, len(rows) - len(shown)))
    return found


def facet_labels(field, kind, values, request):
    """Each facet value's parameter value (a natural key, a choice, `true`) and what a person reads."""
    language = page_language(request)
    if kind == "choice":
        if field.get_internal_type() == "BooleanField":
            return {value: ("true" if value else "false", _("true" if value else "false")) for value in values}
        choices = dict(field.flatchoices)
        return {value: (value, _(str(choices.get(value, value)))) for value in values}
    related = field.related_model
    key = natural_key(related)
    labels = {}
    for record in related._base_manager.filter(pk__in=values):
        name = getattr(record, f"name_{language}", None) or getattr(record, "name_en", "") or getattr(record, key)
        labels[record.pk] = (getattr(record, key), name)
    return labels


def toggled(request, name, value, selected):
    """This page's query with the parameter set to the value (or removed when it is already), from the first page."""
    params = request.GET.copy()
    params.pop("offset", None)
    if selected:
        params.pop(name, None)
    else:
        params[name] = value
    return f"?{params.urlencode()}" if params else "?"
