"""The load test's reckoning: how stale a reader's answer was, ETags paired with older content, wrk's summary.

The run itself (`make loadtest`) is measured, not asserted; these check that it counts what it reports.
"""

from bench.load_test import mismatched_etags, parse_wrk, staleness

SAVES = [
    {"save": 1, "at": 10.0, "version": 10},
    {"save": 2, "at": 11.0, "version": 12},
    {"save": 3, "at": 12.0, "version": 13},
]


def test_an_answer_is_stale_from_when_the_first_save_it_misses_returned():
    answers = [
        (10.5, 200, 10, 1),  # save 1 is the last one made: fresh
        (11.6, 200, 10, 1),  # misses save 2, made at 11.0
        (12.2, 200, 10, 1),  # misses saves 2 and 3: stale since 11.0
        (12.3, 200, 13, 3),
        (12.4, 500, None, 0),  # an error shows no record
    ]
    longest, stale = staleness(answers, SAVES)
    assert round(longest, 3) == 1.2
    assert stale == 2


def test_only_older_content_under_a_saves_version_is_a_mismatch():
    answers = [
        (11.5, 200, 12, 1),  # the version of save 2 with the content before it
        (11.5, 200, 11, 1),  # a version between saves: no save made it
        (11.5, 200, 10, 2),  # newer content than its version says: allowed
        (11.5, 304, 13, 0),
    ]
    assert mismatched_etags(answers, SAVES) == 1


def test_wrk_summary_gives_statuses_and_socket_errors_by_kind():
    output = (
        "Running 1m test\n"
        "requests=2346 errors_http=696 errors_socket=1 p50_ms=1268.00 p99_ms=4455.80 rps=39.1 sent=2346 exhausted=0"
        " seconds=60.00 statuses=200:1650,500:696 connect=0 read=1 write=0 timeout=0\n"
    )
    summary = parse_wrk(output)
    assert summary["requests"] == 2346
    assert summary["statuses"] == {200: 1650, 500: 696}
    assert summary["socket_errors"] == {"connect": 0, "read": 1, "write": 0, "timeout": 0}
    assert summary["p99_ms"] == 4455.8
