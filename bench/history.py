"""`make bench-history`: what as-of reads and the change feed cost after a year of edits, and what the history weighs.

On a database prepared beforehand (the curated data, at 1x or with `generate_synthetic_data`), this:

1. dates the data a year back: every history row moves 366 days earlier, and each record without history
   (synthetic copies are bulk-inserted) gets its creation row then, as do their citations;
2. simulates a year of curation: EDITS_PER_DAY saves a day through the ORM, each dated on its day
   (`_history_date`) with a change note, of records drawn at random from every resource in proportion
   to its size, changing one text field;
3. times, in one process with the response cache off (median of REPEAT after one warm-up), pages of 50
   and details with no `as_of`, and as of a day after the start, the middle of the year and its last
   day; and pages of the change feed (the first, one from the middle of the year, one resource's);
4. counts the history's rows and bytes against the current tables'.

    .venv/bin/python bench/history.py --postgres-database jiangmen_scale10k --label 10000x
    .venv/bin/python bench/history.py --sqlite /tmp/history.sqlite3 --label 1x   # made and loaded here

It changes the database it is given: run it on a copy meant for benchmarks.
"""

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITS_PER_DAY = 100
DAYS = 365
REPEAT = 5
EDIT_REASON = "Simulated curation for the history benchmark."
PAGES = [
    ("zones, page of 50", "/api/v1/zones/?limit=50"),
    ("observations, page of 50", "/api/v1/observations/?limit=50"),
    ("observations, kind=target by value", "/api/v1/observations/?kind=target&ordering=-value&limit=50"),
    ("observation, detail", "/api/v1/observations/{observation}/"),
    # The last company: a curated one at 1x, a copy at scale (a curated company then nests thousands of copies).
    ("company, detail", "/api/v1/companies/{company}/"),
]


def environment(args):
    url = f"sqlite:///{args.sqlite}" if args.sqlite else f"postgres://postgres@127.0.0.1:5432/{args.postgres_database}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "jiangmen_api.settings",
        "DJANGO_SECRET_KEY": "bench-only-secret-key",
        "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "API_THROTTLE_RATE": "",
        "API_RESPONSE_CACHE_SECONDS": "0",
    }


def prepare_sqlite(env, path):
    if Path(path).exists():
        return
    python = str(ROOT / ".venv" / "bin" / "python")
    for command in (["migrate", "--noinput", "-v0"], ["load_curated_data", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)


def date_back_a_year(start):
    """Every history row a year earlier, and a creation row at `start` for every row that has none."""
    from django.db import connection, transaction
    from django.db.models import F

    from apps.core.vintage import history_of, tracked_models

    quote = connection.ops.quote_name
    shift = datetime.timedelta(days=366)
    added = 0
    with transaction.atomic(), connection.cursor() as cursor:
        for model in tracked_models():
            history = history_of(model)
            table, kept = quote(model._meta.db_table), quote(history._meta.db_table)
            history.objects.update(
                history_date=F("history_date") - shift, history_valid_until=F("history_valid_until") - shift
            )
            columns = [f.column for f in history._meta.concrete_fields if f.attname in model_fields(model)]
            names = ", ".join(quote(c) for c in columns)
            cursor.execute(
                f"INSERT INTO {kept} ({names}, history_date, history_type, history_change_reason) "
                f"SELECT {', '.join('t.' + quote(c) for c in columns)}, %s, '+', 'Dated back for the benchmark.' "
                f"FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM {kept} h WHERE h.id = t.id)",
                [connection.ops.adapt_datetimefield_value(start)],
            )
            added += cursor.rowcount
    return added


def model_fields(model):
    return {field.attname for field in model._meta.concrete_fields}


def simulate_edits(start, edits_per_day, seed=20261127):
    """A year of saves, each dated on its day, spread over every resource in proportion to its records."""
    from apps.core.registry import registry
    from apps.sources.models import is_cited

    rng = random.Random(seed)
    models = [resource.model for resource in registry.models() if is_cited(resource.model)]
    keys = {model: list(model.objects.values_list("pk", flat=True)) for model in models}
    weights = [len(keys[model]) for model in models]
    started = time.monotonic()
    for day in range(DAYS):
        for number in range(edits_per_day):
            model = rng.choices(models, weights)[0]
            record = model.objects.get(pk=rng.choice(keys[model]))
            record.description_en = f"{record.description_en.split(' [edit')[0]} [edit {day}-{number}]"
            record._history_date = start + datetime.timedelta(days=day + 1, seconds=number)
            record._change_reason = EDIT_REASON
            record.save()
    return DAYS * edits_per_day, time.monotonic() - started


def earliest_edit():
    from apps.core.vintage import history_of, tracked_models

    edited = (history_of(model).objects.filter(history_change_reason=EDIT_REASON) for model in tracked_models())
    return min(
        moment
        for rows in edited
        if (moment := rows.order_by("history_date").values_list("history_date", flat=True).first())
    )


def count_edits():
    from apps.core.vintage import history_of, tracked_models

    return sum(
        history_of(model).objects.filter(history_change_reason=EDIT_REASON).count() for model in tracked_models()
    )


def timed(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    return statistics.median(times)


def measure(start, end):
    from django.test import Client

    from apps.companies.models import Company
    from apps.indicators.models import Observation

    client = Client()
    observation = Observation.objects.order_by("pk").values_list("slug", flat=True).first()
    company = Company.objects.order_by("-pk").values_list("slug", flat=True).first()
    moments = {
        "now (no as_of)": None,
        "as of day 2": start + datetime.timedelta(days=1),
        "as of mid-year": start + datetime.timedelta(days=DAYS // 2),
        "as of the last day": end - datetime.timedelta(hours=12),
    }
    pages = {}
    for name, path in PAGES:
        url = path.format(observation=observation, company=company)
        pages[name] = {}
        for label, moment in moments.items():
            separator = "&" if "?" in url else "?"
            asked = url if moment is None else f"{url}{separator}as_of={moment.isoformat().replace('+', '%2B')}"
            pages[name][label] = timed(client, asked)
    middle = (start + datetime.timedelta(days=DAYS // 2)).isoformat().replace("+", "%2B")
    feed = {
        "first page of 50": timed(client, "/api/v1/changes/?limit=50"),
        "page of 50 from mid-year": timed(client, f"/api/v1/changes/?limit=50&updated_since={middle}"),
        "observations' changes from mid-year": timed(
            client, f"/api/v1/changes/?limit=50&resource=observations&updated_since={middle}"
        ),
    }
    return pages, feed


def sizes():
    """Rows and bytes of the history tables and of the tables they keep."""
    from django.db import connection

    from apps.core.vintage import history_of, tracked_models

    def size(table):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            (rows,) = cursor.fetchone()
            if connection.vendor == "postgresql":
                cursor.execute("SELECT pg_total_relation_size(%s)", [table])
            else:  # SQLite's dbstat table, where it is compiled in
                try:
                    cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name = %s", [table])
                except Exception:  # sizes are then left out
                    return rows, 0
            (size_bytes,) = cursor.fetchone()
        return rows, size_bytes or 0

    current, kept = [0, 0], [0, 0]
    for model in tracked_models():
        history = history_of(model)
        tables = [(model._meta.db_table, history._meta.db_table)]
        for field in history._history_m2m_fields:
            tables.append(
                (field.remote_field.through._meta.db_table, getattr(history, field.name).model._meta.db_table)
            )
        for table, history_table in tables:
            for total, (rows, size_bytes) in ((current, size(table)), (kept, size(history_table))):
                total[0] += rows
                total[1] += size_bytes
    return {"current": current, "history": kept}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--postgres-database")
    where.add_argument("--sqlite")
    parser.add_argument("--label", required=True, help="The scale, as the tables name it (1x, 10000x).")
    parser.add_argument("--edits-per-day", type=int, default=EDITS_PER_DAY)
    parser.add_argument(
        "--measure-only", action="store_true", help="The database was dated back and edited by an earlier run."
    )
    args = parser.parse_args()
    env = environment(args)
    if args.sqlite:
        prepare_sqlite(env, args.sqlite)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import timezone

    end = timezone.now()
    start = end - datetime.timedelta(days=366)
    before = sizes()
    if args.measure_only:
        start = earliest_edit() - datetime.timedelta(days=1)
        edits = count_edits()
    else:
        added = date_back_a_year(start)
        print(f"{args.label}: dated back; {added:,} creation rows added", flush=True)
        edits, seconds = simulate_edits(start, args.edits_per_day)
        print(f"{args.label}: {edits:,} simulated edits in {seconds:.0f} s", flush=True)
    if env["DATABASE_URL"].startswith("postgres"):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    after = sizes()
    pages, feed = measure(start, end)
    result = {"label": args.label, "edits": edits, "sizes_before": before, "sizes_after": after, "pages": pages}
    result["feed"] = feed
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / f"bench-history-{args.label}.json").write_text(json.dumps(result, indent=1))
    labels = list(next(iter(pages.values())))
    print(f"\n{args.label}, after {edits:,} edits over a year (median ms of {REPEAT}, response cache off):\n")
    print(f"| scale | request | {' | '.join(labels)} |")
    print("|---|---|" + "---|" * len(labels))
    for name, times in pages.items():
        print(f"| {args.label} | {name} | " + " | ".join(f"{times[label]:.1f}" for label in labels) + " |")
    print("\n| scale | change feed | ms |\n|---|---|---|")
    for name, ms in feed.items():
        print(f"| {args.label} | {name} | {ms:.1f} |")
    print("\n| scale | tables | rows | MiB |\n|---|---|---|---|")
    for name, (rows, size_bytes) in (("current", after["current"]), ("history", after["history"])):
        print(f"| {args.label} | {name} | {rows:,} | {size_bytes / 2**20:.1f} |")
    rows, size_bytes = before["history"]
    print(f"| {args.label} | history before the simulated year | {rows:,} | {size_bytes / 2**20:.1f} |")


if __name__ == "__main__":
    main()
