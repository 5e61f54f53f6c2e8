"""What the fuzzing is told beyond the schema (tests/test_fuzz.py imports it; the CLI run in .ci/run names it
in SCHEMATHESIS_HOOKS)."""

import csv
import datetime
import io

import openpyxl
import schemathesis


@schemathesis.hook
def before_call(ctx, case, kwargs):
    """A well-formed `as_of` before the data was first loaded is refused with a 400 that gives the earliest
    moment, which the schema cannot know: a generated moment in the past is asked for as now instead."""
    value = (case.query or {}).get("as_of")
    if not isinstance(value, str):
        return
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return
    now = datetime.datetime.now(datetime.UTC)
    if (moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)) < now:
        case.query["as_of"] = now.isoformat()


@schemathesis.deserializer("text/csv")
def csv_table(ctx, response):
    """A CSV body, for the schema's `string`, once it has proven a table: the byte order mark, then rows as wide
    as the header."""
    text = response.content.decode("utf-8")
    if not text.startswith("\ufeff"):
        raise ValueError("CSV without its byte order mark")
    rows = list(csv.reader(io.StringIO(text[1:])))
    if any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("CSV rows of different widths")
    return text


@schemathesis.deserializer("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
def workbook(ctx, response):
    """A workbook body, for the schema's binary `string`, once openpyxl has opened it."""
    openpyxl.load_workbook(io.BytesIO(response.content), read_only=True).close()
    return response.content.decode("latin-1")
