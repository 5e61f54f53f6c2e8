"""The README's examples, read by scripts/check_readme.py, answer as documented; CI also runs them with curl.

Here they run in-process against the test database, so a README edit that breaks one fails `make test` too.
"""

import importlib.util
import io
import itertools
import json
import os
import re
import shlex
import subprocess
import sys

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR
README = (ROOT / "README.md").read_text(encoding="utf-8")
_spec = importlib.util.spec_from_file_location("check_readme", ROOT / "scripts" / "check_readme.py")
check_readme = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_readme)


def in_process(client):
    """Fetches an example with the test client: the URL and any -H headers of its curl command."""

    def fetch(example):
        headers = {}
        words = list(example.argv)
        for flag, value in itertools.pairwise(words):
            if flag in ("-H", "--header"):
                name, _, header = value.partition(":")
                headers[name.strip()] = header.strip()
        response = client.get(example.url.removeprefix(check_readme.BASE), headers=headers, follow=not example.argv)
        return response.status_code, response.headers.get("Content-Type", "")

    return fetch


def test_every_curl_line_and_table_url_of_the_readme_is_found():
    found = check_readme.examples(README)
    curl_lines = [line.strip() for line in README.splitlines() if line.startswith("curl ")]
    assert [example.text for example in found if example.argv] == curl_lines
    assert len(curl_lines) >= 6
    table_urls = [
        url for line in README.splitlines() if line.startswith("|") for url in re.findall(r"http://\S+", line)
    ]
    assert [example.url for example in found if not example.argv] == table_urls
    assert {"http://127.0.0.1:8000/api/v1/", "http://127.0.0.1:8000/healthz"} <= set(table_urls)
    types = {example.content_type for example in found if example.argv}
    assert types == {"application/json", "text/csv", "application/ld+json", "application/zip", "application/x-ndjson"}


def test_every_readme_example_answers_as_documented(client):
    found = check_readme.examples(README)
    assert check_readme.check(found, in_process(client), out=io.StringIO()) == []


def test_a_broken_example_fails_and_says_why(client, capsys):
    snippet = """
| URL | What |
|---|---|
| http://127.0.0.1:8000/api/v1/ | fine |
| http://127.0.0.1:8000/api/v2/ | gone |

```sh
curl 'http://127.0.0.1:8000/api/v1/projects/calb-jiangmen-base/'
curl 'http://127.0.0.1:8000/api/v1/projects/no-such-project/'
curl 'http://127.0.0.1:8000/api/v1/projects/?format=csv'
curl 'http://127.0.0.1:8000/api/v1/projects/?limit=501'
curl -H 'Accept-Language: en' \\
     'http://127.0.0.1:8000/api/v1/projects/?format=csv'   # a spreadsheet (text/csv)
```
"""
    failures = check_readme.check(check_readme.examples(snippet), in_process(client))
    assert failures == [
        "README.md:5: http://127.0.0.1:8000/api/v2/  -> answered 404",
        "README.md:9: curl 'http://127.0.0.1:8000/api/v1/projects/no-such-project/'  -> answered 404",
        "README.md:10: curl 'http://127.0.0.1:8000/api/v1/projects/?format=csv'"
        "  -> answered text/csv, not application/json",
        "README.md:11: curl 'http://127.0.0.1:8000/api/v1/projects/?limit=501'  -> answered 400",
    ]
    printed = capsys.readouterr().out.splitlines()
    assert [line[:4] for line in printed] == ["ok  ", "FAIL", "ok  ", "FAIL", "FAIL", "FAIL", "ok  "]


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ("wget http://127.0.0.1:8000/api/v1/", "only curl examples are run"),
        ("curl http://127.0.0.1:8000/api/v1/ http://127.0.0.1:8000/healthz", "names exactly one URL"),
    ],
)
def test_a_command_that_talks_to_the_api_but_cannot_be_checked_is_an_error(block, problem):
    with pytest.raises(ValueError, match=problem):
        check_readme.examples(f"```sh\nmake run\n{block}\n```\n")


def test_the_curl_command_runs_as_written_with_only_the_address_changed(monkeypatch):
    (example,) = check_readme.examples(
        "```sh\ncurl -H 'Accept-Language: en' 'http://127.0.0.1:8000/api/v1/?a=1&b=2'\n```"
    )
    calls = []

    def run(command, **kwargs):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0, stdout="200 application/json", stderr="")

    monkeypatch.setattr(check_readme.subprocess, "run", run)
    assert check_readme.curl_fetch("http://127.0.0.1:8123")(example) == (200, "application/json")
    (command,) = calls
    assert command[:4] == ["curl", "-H", "Accept-Language: en", "http://127.0.0.1:8123/api/v1/?a=1&b=2"]
    assert command[4:6] == ["--silent", "--show-error"]
    assert shlex.join(command[:4]) == "curl -H 'Accept-Language: en' 'http://127.0.0.1:8123/api/v1/?a=1&b=2'"


def test_every_environment_variable_the_readme_names_is_read_by_the_settings():
    """The README's DATABASE_URL, DJANGO_DEBUG, … examples: each name is one the settings really read."""
    named = set(re.findall(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", README))
    recorder = (
        "import json, os\n"
        "read = set()\n"
        "get = os._Environ.__getitem__\n"
        "def recording(self, key):\n"
        "    read.add(key)\n"
        "    return get(self, key)\n"
        "os._Environ.__getitem__ = recording\n"
        "import jiangmen_api.settings\n"
        "print(json.dumps(sorted(read)))\n"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    done = subprocess.run(
        [sys.executable, "-c", recorder],
        cwd=ROOT,
        env={**env, "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    read = set(json.loads(done.stdout))
    assert {"DATABASE_URL", "DJANGO_DEBUG", "API_THROTTLE_RATE", "ADMIN_LOCKOUT_HOURS"} <= named
    assert named - read == set()
