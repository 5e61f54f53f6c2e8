"""What the fuzzing is told beyond the schema (tests/test_fuzz.py imports it; the CLI run in .ci/run names it
in SCHEMATHESIS_HOOKS)."""

import datetime

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
