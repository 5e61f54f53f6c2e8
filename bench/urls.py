"""Distinct valid URLs of the API, drawn from its OpenAPI schema and its data: the workload of `make bench`.

A real client does not repeat one URL: a dashboard changes a filter, an analyst pages, a generated
client walks every endpoint. This draws such URLs from what the API says it accepts (the schema that
drf-spectacular generates from the running code, so the workload follows the API as it grows) and
from what the data holds (slugs of related records, dates, figures, words of names), so that filters
mostly match records:

- every list operation, with random combinations of its filters, `ordering` (one or two fields from
  the schema's enum), `limit` 1-100 and `offset` within the count of matches (and the schema's maximum);
  a list's filter values are mostly taken from one record of that list (an "anchor"), so combinations
  find something;
- every detail, by each record's slug (a unit's code), and the API root;
- each in `lang=zh`, `lang=en` and without `lang`.

JSON only by default (`--csv-share` mixes in `format=csv`); the dataset files are left out. No URL is
repeated, counting as one the URLs with the same parameters in another order or that only spell out
a default (`limit=50`, `offset=0`, `lang=en`). Deterministic for a seed and a database. A list URL
given an offset is counted, and so checked, by its FilterSet as it is made; the harness checks a
sample of all against the server.

    python bench/urls.py --count 20000 --seed 12 --out /tmp/urls.txt  # with the API's environment
"""

import argparse
import json
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
API_PREFIX = "/api/v1/"
# Dataset downloads are files, not answers built per request.
EXCLUDED_PREFIXES = ("/api/v1/datasets/",)
# How many filters a list URL combines, and how likely each count is.
FILTER_COUNTS = (0, 1, 2, 3)
FILTER_COUNT_WEIGHTS = (0.3, 0.4, 0.2, 0.1)
ORDERING_SHARE = 0.5
LIMIT_SHARE = 0.85
OFFSET_SHARE = 0.5
MAX_LIMIT = 100
# Of the filters an anchor record has no value for, the share given a value from elsewhere in the data
# (which may match nothing, as a real client's filters sometimes do).
UNANCHORED_SHARE = 0.1
# The largest share of the URLs that details and the root may take.
FIXED_SHARE = 0.25
LANGS = (None, "zh", "en")
# What a parameter left out means, so a URL that only spells out a default counts as a repeat (without an
# Accept-Language header, no `lang` is English).
DEFAULTS = {"lang": "en", "limit": "50", "offset": "0"}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]{2,}")
HAN = re.compile(r"[\u4e00-\u9fff]{2,}")


@dataclass
class Operation:
    """One GET operation of the schema the workload draws from."""

    path: str
    kind: str  # "list", "detail" or "other"
    parameters: dict  # query parameter name -> its schema entry
    resource: object = None
    generated: int = 0
    space: int = 0
    values: dict = field(default_factory=dict)  # filter name -> values the data offers
    count_cache: dict = field(default_factory=dict)


def load_schema(schema_file=None):
    """The schema of the running code by default, or a committed one (docs/openapi.yaml)."""
    if schema_file:
        import yaml

        return yaml.safe_load(Path(schema_file).read_text())
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def as_param(value):
    """A value as a URL parameter, in the form the API's filters read."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text if "." not in text else text.rstrip("0").rstrip(".")
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def search_terms(texts):
    """Words of a record's names a user would type: English words, two to four Chinese characters."""
    terms = []
    for text in texts:
        if not text:
            continue
        terms += [word for word in WORD.findall(text)]
        for run in HAN.findall(text):
            for size in (2, 3, 4):
                terms += [run[i : i + size] for i in range(0, max(1, len(run) - size + 1), size)]
    return sorted({term for term in terms if term})


def operations(schema):
    """The schema's GET operations under the API prefix, classified, with their query parameters."""
    from apps.core.registry import registry

    found = []
    for path, item in sorted(schema["paths"].items()):
        operation = item.get("get")
        if operation is None or not path.startswith(API_PREFIX) or path.startswith(EXCLUDED_PREFIXES):
            continue
        parameters = {p["name"]: p for p in operation.get("parameters", []) if p.get("in") == "query"}
        segments = path[len(API_PREFIX) :].strip("/").split("/")
        resource = registry.resources.get(segments[0]) if segments[0] else None
        if "{" in path:
            if resource is None or resource.model is None or len(segments) != 2:
                continue
            kind = "detail"
        else:
            kind = "list" if "limit" in parameters else "other"
        found.append(Operation(path, kind, parameters, resource))
    return found


@lru_cache
def filterset_of(resource):
    """The FilterSet that documents a resource's parameters: its viewset's, or the one its view's backend names."""
    if resource is None:
        return None
    if resource.filterset_class is not None or resource.view is None:
        return resource.filterset_class
    for backend in getattr(resource.view, "filter_backends", ()):
        get_filterset_class = getattr(backend(), "get_filterset_class", None)
        found = get_filterset_class(resource.view(), resource.view.queryset) if get_filterset_class else None
        if found is not None:
            return found
    return None


def filter_spec(operation, name):
    filterset = filterset_of(operation.resource)
    return filterset.base_filters.get(name) if filterset is not None else None


def model_named(name):
    """The registered model whose name the parameter is (`project` -> Project), for filters run by a method."""
    from apps.core.registry import registry

    return next((r.model for r in registry.models() if r.model._meta.model_name == name.replace("_", "")), None)


def data_values(operation, name, schema):
    """Every value the data (or the schema's enum) offers for a filter, whatever record it comes from."""
    from apps.core.filtersets import NaturalKeyFilter
    from apps.core.models import natural_key
    from apps.indicators.filtersets import FigureRangeFilter
    from apps.indicators.models import Observation

    if "enum" in schema:
        return list(schema["enum"])
    if schema.get("type") == "boolean":
        return ["true", "false"]
    spec = filter_spec(operation, name)
    model = operation.resource.model if operation.resource else None
    if isinstance(spec, FigureRangeFilter):
        found = Observation.objects.filter(indicator__slug=spec.indicator).values_list("value", flat=True)
        return sorted({as_param(v) for v in found if v is not None})
    if isinstance(spec, NaturalKeyFilter):
        related = model._meta.get_field(spec.field_name).related_model
        used = model._base_manager.filter(**{f"{spec.field_name}__isnull": False}).order_by()
        keys = used.values_list(f"{spec.field_name}__{natural_key(related)}", flat=True).distinct()
        return sorted(set(keys)) or sorted(related._base_manager.values_list(natural_key(related), flat=True))
    if name == "search":
        models = [model] if model else [r.model for r in embedded(operation)]
        texts = [t for m in models for row in m._base_manager.values_list("name_zh", "name_en") for t in row]
        return search_terms(texts)
    if spec is not None and spec.method is None and model is not None:
        found = model._base_manager.filter(**{f"{spec.field_name}__isnull": False}).order_by()
        return sorted(
            {as_param(v) for v in found.values_list(spec.field_name, flat=True).distinct() if v not in ("", None)}
        )
    # A filter run by a method, or a view without a FilterSet: name it from the schema and the data.
    related = model_named(name)
    if related is not None:
        return sorted(related._base_manager.values_list(natural_key(related), flat=True))
    if schema.get("format") == "date":
        return sorted(
            {
                as_param(v)
                for r in embedded(operation)
                for f in r.model._meta.concrete_fields
                if f.get_internal_type() == "DateField"
                for v in r.model._base_manager.values_list(f.name, flat=True)
                if v is not None
            }
        )
    return []


def embedded(operation):
    """The resources whose records a view without a model lists (the timeline's milestones and events)."""
    from apps.core.registry import registry

    resource = operation.resource
    return [registry[name] for name in (resource.embeds if resource else ()) if registry[name].model is not None]


def anchored_value(operation, name, record, rng):
    """A value for the filter that the given record matches, or None when the record offers none."""
    from apps.core.filtersets import NaturalKeyFilter
    from apps.core.models import natural_key
    from apps.indicators.filtersets import FigureRangeFilter
    from apps.indicators.models import Observation

    spec = filter_spec(operation, name)
    if spec is None or record is None:
        return None
    pool = operation.values.get(name, [])
    model = type(record)
    if isinstance(spec, NaturalKeyFilter):
        f = model._meta.get_field(spec.field_name)
        key = natural_key(f.related_model)
        if f.many_to_many or f.one_to_many:
            keys = list(getattr(record, spec.field_name).values_list(key, flat=True))
            return rng.choice(keys) if keys else None
        related = getattr(record, spec.field_name)
        return getattr(related, key) if related is not None else None
    if name == "search":
        terms = search_terms([record.name_zh, record.name_en]) if hasattr(record, "name_en") else []
        return rng.choice(terms) if terms else None
    if isinstance(spec, FigureRangeFilter):
        mine = Observation.objects.filter(indicator__slug=spec.indicator, **{model._meta.model_name: record})
        mine = [v for v in mine.values_list("value", flat=True) if v is not None]
        if not mine:
            return None
        value = rng.choice(mine)
        return bounded(pool, value, spec.lookup_expr, rng)
    if spec.method is not None:
        return related_keys_by_name(record, name, rng)
    value = getattr(record, spec.field_name, None)
    if value in (None, ""):
        return None
    if spec.lookup_expr in ("gte", "gt", "lte", "lt"):
        return bounded(pool, value, spec.lookup_expr, rng)
    return as_param(value)


def related_keys_by_name(record, name, rng):
    """For a filter run by a method (the timeline's `project`): the key of the record's relation of that name."""
    from django.core.exceptions import FieldDoesNotExist

    from apps.core.models import natural_key

    for candidate in (name, f"{name}s"):
        try:
            f = type(record)._meta.get_field(candidate)
        except FieldDoesNotExist:
            continue
        if not f.is_relation or f.related_model is None:
            continue
        key = natural_key(f.related_model)
        if f.many_to_many or f.one_to_many:
            keys = list(getattr(record, candidate).values_list(key, flat=True))
            return rng.choice(keys) if keys else None
        related = getattr(record, candidate)
        return getattr(related, key) if related is not None else None
    return None


def bounded(pool, value, lookup, rng):
    """A bound from the data on the record's side of its value: at most it for `gte`, at least it for `lte`."""
    if isinstance(value, datetime):  # when the record changed (`updated_since`): just before it
        return (value - timedelta(seconds=1)).isoformat() if lookup.startswith("g") else value.isoformat()
    typed = type(value)
    candidates = []
    for text in pool:
        try:
            other = date.fromisoformat(text) if isinstance(value, date) else typed(text)
        except (TypeError, ValueError, ArithmeticError):
            continue
        if (other <= value) if lookup.startswith("g") else (other >= value):
            candidates.append(text)
    return rng.choice(candidates) if candidates else as_param(value)


def orderings(operation):
    """The ordering values the schema documents (the FilterSet's when the schema has no enum)."""
    parameter = operation.parameters.get("ordering")
    if parameter is None:
        return []
    schema = parameter.get("schema", {})
    values = schema.get("items", {}).get("enum") or schema.get("enum")
    if not values:
        spec = filter_spec(operation, "ordering")
        fields = list(getattr(spec, "param_map", {}))
        values = [f"{sign}{f}" for f in fields for sign in ("", "-")]
    return list(values)


def draw_ordering(values, rng):
    """One field, or sometimes two different ones, each in either direction."""
    first = rng.choice(values)
    if rng.random() < 0.2:
        others = [v for v in values if v.lstrip("-") != first.lstrip("-")]
        if others:
            return f"{first},{rng.choice(others)}"
    return first


class Generator:
    """Draws distinct URLs from the operations of a schema; list URLs are checked by their FilterSet as drawn."""

    def __init__(self, schema, seed, csv_share=0.0, sample=2000):
        self.rng = random.Random(seed)
        self.csv_share = csv_share
        self.operations = operations(schema)
        self.seen = set()
        self.rejected = 0
        self.anchors = {}
        self.keys = {}
        for operation in self.operations:
            for name, parameter in operation.parameters.items():
                if name not in ("limit", "offset", "lang", "format", "ordering"):
                    operation.values[name] = data_values(operation, name, parameter.get("schema", {}))
            resource = operation.resource
            if resource is not None and resource.model is not None:
                records = self.sample_of(resource, sample)
                if operation.kind == "list":
                    self.anchors[operation.path] = records
                elif operation.kind == "detail":
                    self.keys[operation.path] = [getattr(record, resource.natural_key) for record in records]
            elif operation.kind == "list":
                # A view listing other resources' records (the timeline) anchors on theirs.
                sources = embedded(operation)
                self.anchors[operation.path] = [
                    record for r in sources for record in self.sample_of(r, sample // max(1, len(sources)))
                ]
            operation.space = self.space(operation)

    def sample_of(self, resource, size):
        """Up to `size` of the resource's records, drawn at random, so the draw stays cheap on a large database."""
        ids = list(resource.viewset.queryset.order_by("pk").values_list("pk", flat=True))
        ids = sorted(self.rng.sample(ids, min(size, len(ids))))
        return list(resource.model._base_manager.filter(pk__in=ids).order_by("pk"))

    def filters(self, operation):
        return [name for name, values in operation.values.items() if values]

    def space(self, operation):
        """How many distinct URLs the operation has: for a list, its combinations of parameters (an upper bound)."""
        langs = len({lang or DEFAULTS["lang"] for lang in LANGS}) if "lang" in operation.parameters else 1
        if operation.kind == "detail":
            return langs * operation.resource.viewset.queryset.count()
        if operation.kind == "other":
            return langs
        total = langs * MAX_LIMIT
        ordering = len(orderings(operation))
        total *= 1 + ordering + ordering * max(0, ordering - 2)
        for name in self.filters(operation):
            total *= 1 + len(operation.values[name])
        return total * max(1, self.count_of(operation, {}) or 0)

    def count_of(self, operation, params):
        """The number of records the list's filters match, or None if its FilterSet rejects them."""
        from django.http import QueryDict

        key = tuple(sorted(params.items()))
        if key not in operation.count_cache:
            resource = operation.resource
            if resource.model is not None and resource.filterset_class is not None:
                data = QueryDict(urlencode(params))
                filterset = resource.filterset_class(data=data, queryset=resource.viewset.queryset.all())
                operation.count_cache[key] = filterset.qs.count() if filterset.is_valid() else None
            else:
                operation.count_cache[key] = self.count_by_view(operation, params)
        return operation.count_cache[key]

    @staticmethod
    def count_by_view(operation, params):
        """A view without a FilterSet of its own (the timeline) counts through the view, one record asked for; a
        feed paged by a cursor (the changes) has no count."""
        from django.test import RequestFactory

        request = RequestFactory().get(operation.path, {**params, "limit": 1}, HTTP_HOST="localhost")
        response = operation.resource.view.as_view()(request)
        return json.loads(response.render().content).get("count") if response.status_code == 200 else None

    def list_url(self, operation):
        rng = self.rng
        anchor = rng.choice(self.anchors.get(operation.path) or [None])
        names = self.filters(operation)
        rng.shuffle(names)
        wanted = rng.choices(FILTER_COUNTS, FILTER_COUNT_WEIGHTS)[0]
        params = {}
        for name in names:
            if len(params) == wanted:
                break
            value = anchored_value(operation, name, anchor, rng)
            # Filters the anchor has no value for are passed over, but a few take any value the data has.
            if value is None and rng.random() < UNANCHORED_SHARE:
                value = rng.choice(operation.values[name])
            if value is not None:
                params[name] = value
        if "offset" in operation.parameters and rng.random() < OFFSET_SHARE:
            # Counting runs the FilterSet, which also checks the filters; the sample the harness sends checks the rest.
            count = self.count_of(operation, params)
            if count is None:
                return None
            # Within what the schema allows: deeper pages are walked with `cursor`.
            deepest = operation.parameters["offset"].get("schema", {}).get("maximum", count - 1)
            if count > 1:
                params["offset"] = rng.randrange(1, min(count, deepest + 1))
        values = orderings(operation)
        if values and rng.random() < ORDERING_SHARE:
            params["ordering"] = draw_ordering(values, rng)
        if rng.random() < LIMIT_SHARE:
            params["limit"] = rng.randint(1, MAX_LIMIT)
        lang = rng.choice(LANGS) if "lang" in operation.parameters else None
        return self.finish(operation, operation.path, {**params, "lang": lang} if lang else params)

    def finish(self, operation, path, params):
        """The URL, maybe asking for CSV, unless it was drawn before."""
        if self.csv_share and "format" in operation.parameters and self.rng.random() < self.csv_share:
            params["format"] = "csv"
        canonical = (path, tuple(sorted({**DEFAULTS, **{k: str(v) for k, v in params.items()}}.items())))
        if canonical in self.seen:
            return None
        self.seen.add(canonical)
        return f"{path}?{urlencode(params)}" if params else path

    def fixed_urls(self):
        """Every detail (of the sample) and the root, in every language, with its operation: each exists once."""
        urls = []
        for operation in self.operations:
            if operation.kind == "list":
                continue
            paths = [operation.path]
            if operation.kind == "detail":
                parameter = re.search(r"\{\w+\}", operation.path).group(0)
                paths = [operation.path.replace(parameter, key) for key in self.keys[operation.path]]
            for path in paths:
                langs = list(LANGS if "lang" in operation.parameters else (None,))
                self.rng.shuffle(langs)  # no `lang` and `lang=en` are one URL: either may stand for it
                for lang in langs:
                    urls.append((self.finish(operation, path, {"lang": lang} if lang else {}), operation))
        return [(url, operation) for url, operation in urls if url is not None]

    def generate(self, count, max_seconds=600):
        """`count` distinct URLs: details and the root once each, lists in equal shares for the rest, shuffled.

        Details take at most FIXED_SHARE of the URLs (a sample of them when there are more), so lists
        always have their share.
        """
        fixed = self.fixed_urls()
        if len(fixed) > count * FIXED_SHARE:
            fixed = self.rng.sample(fixed, int(count * FIXED_SHARE))
        for _, operation in fixed:
            operation.generated += 1
        lists = [operation for operation in self.operations if operation.kind == "list"]
        wanted = max(0, count - len(fixed))
        urls = []
        deadline = time.monotonic() + max_seconds
        for index, operation in enumerate(lists):
            share = wanted // len(lists) + (index < wanted % len(lists))
            made = misses = 0
            # An operation whose combinations run out leaves the rest of its share to the others.
            while made < share and misses < 1000 and time.monotonic() < deadline:
                url = self.list_url(operation)
                made, misses = (made + 1, 0) if url else (made, misses + 1)
                self.keep(url, operation, urls)
        while len(urls) < wanted and time.monotonic() < deadline:
            operation = self.rng.choice(lists)
            self.keep(self.list_url(operation), operation, urls)
        urls += [url for url, _ in fixed]
        self.rng.shuffle(urls)
        return urls

    def keep(self, url, operation, urls):
        if url is None:
            self.rejected += 1
        else:
            operation.generated += 1
            urls.append(url)

    def report(self):
        """Per operation: URLs generated and how many distinct URLs it has."""
        return [{"path": o.path, "kind": o.kind, "generated": o.generated, "space": o.space} for o in self.operations]


def generate(count=20_000, seed=12, schema_file=None, csv_share=0.0):
    """`count` distinct URLs and a report per operation; Django must be set up."""
    generator = Generator(load_schema(schema_file), seed, csv_share)
    urls = generator.generate(count)
    return urls, generator.report(), generator


def magnitude(number):
    return f"{number:,}" if number < 10**6 else f"~10^{len(str(number)) - 1}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", help="file for the URLs, one per line (default: standard output)")
    parser.add_argument("--report", help="file for the per-operation report, as JSON")
    parser.add_argument("--schema", help="an OpenAPI file (default: the schema of the running code)")
    parser.add_argument("--csv-share", type=float, default=0.0, help="share of list and detail URLs with format=csv")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiangmen_api.settings")
    import django

    django.setup()
    started = time.monotonic()
    urls, report, generator = generate(args.count, args.seed, args.schema, args.csv_share)
    text = "".join(f"{url}\n" for url in urls)
    if args.out:
        Path(args.out).write_text(text)
    else:
        sys.stdout.write(text)
    if args.report:
        Path(args.report).write_text(json.dumps(report, indent=1))
    print(
        f"{len(urls)} distinct URLs in {time.monotonic() - started:.1f} s ({generator.rejected} drafts rejected "
        "as repeats or invalid)",
        file=sys.stderr,
    )
    for row in report:
        print(f"  {row['kind']:6} {row['path']:32} {row['generated']:6} of {magnitude(row['space'])}", file=sys.stderr)


if __name__ == "__main__":
    main()
