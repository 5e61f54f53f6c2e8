"""The explorer's pages: every resource as a table, a page per record, the source reader and charts.

Every page reads through the API's own read path (apps/explorer/reading.py) with the query parameters
it was given, which are the API's: a page's URL and its API URL differ only in the path.
"""

from functools import cache, wraps

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from apps.core.registry import registry
from apps.explorer import charts
from apps.explorer.reader import read
from apps.explorer.reading import DJANGO_LANGUAGES, api_path, api_read, facets, page_language
from apps.explorer.records import (
    Link,
    choice_label,
    display,
    figure,
    is_figure,
    label_for,
    link_to,
    period_label,
    record_url,
    rows_of,
    serializer_for,
    shape_of,
)
from apps.sources.models import SourceDocument

# Columns a table leaves to the record's page: long texts, nested lists, and what the value column shows.
HIDDEN_COLUMNS = {
    "slug",
    "code",
    "name",
    "name_zh",
    "name_en",
    "title",
    "title_zh",
    "title_en",
    "description",
    "description_zh",
    "description_en",
    "citations",
    "display_value",
    "display_unit",
    "unit",
    "text_as_written",
    "sha256",
}
CALB = "calb-jiangmen-base"


def browsable():
    """The resources with a page per record: every model resource the registry declares."""
    return [resource for resource in registry.models() if resource.viewset is not None]


def resource_named(name):
    for resource in browsable():
        if resource.name == name:
            return resource
    raise Http404


def explorer_page(view):
    """Renders the page in the language the API would answer in, and says so."""

    @wraps(view)
    def page(request, *args, **kwargs):
        language = page_language(request)
        with translation.override(DJANGO_LANGUAGES[language]):
            response = view(request, language, *args, **kwargs)
        response.headers.setdefault("Content-Language", language)
        return response

    return page


def respond(request, language, template, context, status=200):
    switch = request.GET.copy()
    switch["lang"] = "en" if language == "zh" else "zh"
    context = {
        **context,
        "language": language,
        "html_language": "zh-Hans" if language == "zh" else "en",
        "switch_url": f"?{switch.urlencode()}",
        "lang_query": f"?lang={language}" if "lang" in request.GET else "",
        "switch_label": "English" if language == "zh" else "中文",
        "switch_language": "en" if language == "zh" else "zh-Hans",
    }
    return render(request, template, context, status=status)


def resource_title(resource):
    return capfirst(_(str(resource.model._meta.verbose_name_plural)))


def failed(request, language, answer):
    message, details = answer.message
    context = {"status": answer.status, "message": message, "details": details}
    return respond(request, language, "explorer/error.html", context, status=answer.status)


@explorer_page
def index(request, language):
    counts = []
    for resource in browsable():
        answer = api_read(request, resource, params={"limit": "1"})
        counts.append((resource.name, resource_title(resource), answer.data["count"] if answer.ok else None))
    return respond(request, language, "explorer/index.html", {"counts": counts})


@cache
def shape(name, detail):
    return shape_of(serializer_for(registry[name], detail)())


def query(params, **changes):
    params = params.copy()
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return f"?{params.urlencode()}" if params else "?"


@explorer_page
def listing(request, language, name):
    resource = resource_named(name)
    api_url = reverse(resource.route_name)
    if "format" in request.GET:
        return redirect(f"{api_url}?{request.GET.urlencode()}")
    answer = api_read(request, resource)
    if not answer.ok:
        return failed(request, language, answer)
    base_filters = resource.filterset_class.base_filters
    data = answer.data
    columns, rows = table(data["results"], shape(name, False), language)
    ordering = base_filters.get("ordering")
    sortable = set(ordering.param_map) if ordering is not None else set()
    current = request.GET.get("ordering", "")
    name_order = f"name_{language}"
    headers = []
    for column, label in columns:
        if column in sortable:
            # A header sorts by its column, or the other way when the table is sorted by it already.
            url = query(request.GET, ordering=f"-{column}" if current == column else column, offset=None)
            sort = "ascending" if current == column else "descending" if current == f"-{column}" else ""
            headers.append((label, url, sort))
        else:
            headers.append((label, "", ""))
    search = "search" in base_filters
    kept = [(key, value) for key, values in request.GET.lists() if key not in ("search", "offset") for value in values]
    context = {
        "resource": resource,
        "title": resource_title(resource),
        "count": data["count"],
        "headers": headers,
        "name_order": name_order if name_order in sortable else "",
        "name_sort_url": query(
            request.GET, ordering=f"-{name_order}" if current == name_order else name_order, offset=None
        ),
        "rows": rows,
        "facets": facets(request, resource),
        "search": search,
        "search_value": request.GET.get("search", ""),
        "kept": kept,
        "previous": paged(data.get("previous")),
        "next": paged(data.get("next")),
        "first": int(request.GET.get("offset", 0) or 0) + 1 if rows else 0,
        "last": int(request.GET.get("offset", 0) or 0) + len(rows),
        "api_url": f"{api_url}{query(request.GET)}".rstrip("?"),
        "csv_url": f"{api_url}{query(request.GET, format='csv')}",
        "xlsx_url": f"{api_url}{query(request.GET, format='xlsx')}",
        "filtered": any(key not in ("lang",) for key in request.GET),
    }
    return respond(request, language, "explorer/list.html", context)


def paged(url):
    """The API's link to the previous or next page, as this page's query."""
    if not url:
        return ""
    _, _, query_string = url.partition("?")
    return f"?{query_string}" if query_string else "?"


def table(results, list_shape, language):
    """Columns and rows for a list: the name linked to its page, then every short field the page has a value in."""
    columns = []
    for item in results:
        for key in item:
            if key not in HIDDEN_COLUMNS and key not in columns and not isinstance(item[key], list):
                columns.append(key)
    columns = [c for c in columns if any(item.get(c) not in (None, "") for item in results)]
    model = list_shape.model
    rows = []
    for item in results:
        head = link_to(list_shape, item, language) or Link("", display(item, language))
        cells = []
        for column in columns:
            value = item.get(column)
            nested = list_shape.fields.get(column)
            if column == "value" and is_figure(item):
                shown = figure(item, list_shape, language)
                cells.append(("text", f"{shown.sign} {shown.value} {shown.unit}".strip()))
            elif column == "period" and isinstance(value, dict):
                cells.append(("text", period_label(value, language) or "—"))
            elif isinstance(value, dict) or (nested is not None and value is not None):
                link = link_to(nested, value, language)
                cells.append(("link", link) if link else ("text", display(value, language)))
            else:
                cells.append(("text", display(choice_label(model, column, value), language)))
        rows.append((head, cells))
    return [(column, label_for(model, column)) for column in columns], rows


@explorer_page
def record(request, language, name, key):
    resource = resource_named(name)
    answer = api_read(request, resource, key=key)
    if answer.status == 301:
        moved = answer.location.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        return redirect(f"{record_url(resource, moved)}{query(request.GET)}".rstrip("?"), permanent=True)
    if not answer.ok:
        return failed(request, language, answer)
    data = answer.data
    detail_shape = shape(name, True)
    title = data.get("name") or data.get("title") or data.get(resource.natural_key)
    context = {
        "resource": resource,
        "resource_title": resource_title(resource),
        "title": title,
        "description": data.get("description", ""),
        "figure": figure(data, detail_shape, language) if is_figure(data) else None,
        "rows": rows_of(data, detail_shape, language),
        "api_url": f"{api_path(resource, key)}{query(request.GET)}".rstrip("?"),
    }
    if resource.model is SourceDocument:
        context["paragraphs"] = read(SourceDocument.objects.get(slug=key), language)
    return respond(request, language, "explorer/record.html", context)


def choices_of(resource, field_name):
    return {value: _(str(label)) for value, label in resource.model._meta.get_field(field_name).flatchoices}


@explorer_page
def chart_page(request, language):
    observations, timeline_resource = registry["observations"], registry["timeline"]
    figures = api_read(
        request, observations, params={"period_from": "2023-01-01", "period_to": "2023-01-01", "limit": "500"}
    )
    areas = api_read(request, observations, params={"unit": "km2", "limit": "500"})
    entries = api_read(request, timeline_resource, params={"limit": "500"})
    for answer in (figures, areas, entries):
        if not answer.ok:
            return failed(request, language, answer)
    kinds, measures = choices_of(observations, "kind"), choices_of(observations, "measure")
    milestones, events = registry["milestones"], registry["events"]

    def link_for(entry, label):
        own = milestones if entry["type"] == "milestone" else events
        return Link(record_url(own, entry["slug"]), label)

    lanes = [
        (_("CALB milestones"), lambda e: e["type"] == "milestone" and e["project"] == CALB),
        (_("Events"), lambda e: e["type"] == "event"),
    ]
    context = {
        "panels": charts.targets_and_actuals(figures.data["results"], observations, language, kinds, measures),
        "timeline": charts.timeline(entries.data["results"], lanes, language, link_for),
        "zones": charts.zones_by_area(areas.data["results"], observations, language, _("Zones by area")),
        "width": charts.WIDTH,
        "label_width": charts.LABEL_WIDTH,
        "bar_height": charts.BAR_HEIGHT,
        "lane_start": charts.LANE_START,
        "lane_end": charts.LANE_END,
        "figures_api": f"{reverse(observations.route_name)}?period_from=2023-01-01&period_to=2023-01-01",
        "areas_api": f"{reverse(observations.route_name)}?unit=km2",
        "timeline_api": reverse(timeline_resource.route_name),
    }
    return respond(request, language, "explorer/charts.html", context)
