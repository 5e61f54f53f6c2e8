"""Query plans of list pages at the database's current size, for `make bench-scale`.

Covers every ordering of every list endpoint, both directions, and every filter with a value taken
from the data, plus the paths given on the command line. For each page query (10 records) it prints,
as JSON, the best of two planning and execution times in ms, the time to count every match (done once
per data version, then cached) and any sequential scan on a table of LARGE_TABLE_ROWS rows or more.
Run it with the project's environment, from the project root.
"""

import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiangmen_api.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.urls import resolve  # noqa: E402
from rest_framework.request import Request  # noqa: E402

from apps.core.filtersets import NaturalKeyFilter, StableOrderingFilter, StrictBooleanFilter  # noqa: E402
from apps.core.models import natural_key  # noqa: E402
from apps.core.registry import registry  # noqa: E402
from apps.indicators.filtersets import FigureRangeFilter  # noqa: E402

LARGE_TABLE_ROWS = 10_000
# Values for filters that a model field cannot supply.
SAMPLES = {"search": ["江门", "亿元", "Jiangmen"], "region": ["jiangmen"]}


def sample_values(model, name, spec):
    """A value the data holds for this filter, so the plan is for a query that finds records."""
    if isinstance(spec, StableOrderingFilter):
        return [f"{sign}{field}" for field in spec.param_map for sign in ("", "-")]
    if isinstance(spec, StrictBooleanFilter):
        return ["true"]
    if isinstance(spec, FigureRangeFilter):
        return ["1"]
    if isinstance(spec, NaturalKeyFilter):
        related = model._meta.get_field(spec.field_name).related_model
        path = f"{spec.field_name}__{natural_key(related)}"
        found = model.objects.exclude(**{f"{spec.field_name}__isnull": True}).order_by().values_list(path, flat=True)
        return list(found[:1])
    if spec.method is None:
        found = model.objects.exclude(**{f"{spec.field_name}__isnull": True}).order_by("pk")
        return [str(value) for value in found.values_list(spec.field_name, flat=True)[:1] if value != ""]
    return SAMPLES.get(name, [])


def list_paths():
    paths = []
    for resource in registry.models():
        url = f"/api/v1/{resource.name}/"
        paths.append(url)
        filterset = resource.filterset_class
        for name, spec in filterset.base_filters.items():
            for value in sample_values(filterset.Meta.model, name, spec):
                paths.append(f"{url}?{urlencode({name: value})}")
    return paths


def table_rows(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


def seq_scans(node):
    found = [node["Relation Name"]] if node.get("Node Type") == "Seq Scan" else []
    for child in node.get("Plans", []):
        found += seq_scans(child)
    return found


def explain(queryset, times):
    sql, params = queryset.query.sql_with_params()
    runs = []
    with connection.cursor() as cursor:
        for _ in range(times):
            cursor.execute("EXPLAIN (ANALYZE, SUMMARY, FORMAT JSON) " + sql, params)
            result = cursor.fetchone()[0]
            runs.append(result[0] if isinstance(result, list) else json.loads(result)[0])
    return min(runs, key=lambda run: run["Planning Time"] + run["Execution Time"])


def plan(path):
    view = resolve(path.split("?")[0]).func.cls(action="list", format_kwarg=None)
    view.request = Request(RequestFactory().get(path))
    filtered = view.filter_queryset(view.get_queryset())
    best = explain(filtered[:10], times=2)
    # The total a page reports: computed once per data version, then served from the cache.
    started = time.perf_counter()
    filtered.count()
    counted = (time.perf_counter() - started) * 1000
    large = sorted({table for table in seq_scans(best["Plan"]) if table_rows(table) >= LARGE_TABLE_ROWS})
    return {
        "planning": best["Planning Time"],
        "execution": best["Execution Time"],
        "count": counted,
        "seq_scans": large,
    }


if __name__ == "__main__":
    print(json.dumps({path: plan(path) for path in [*sys.argv[1:], *list_paths()]}))
