# Two commands do everything on a fresh machine with Python 3.11, 3.12 or 3.13: `make run` and `make test`.
# The venv is made with the newest of those on the PATH, or with PYTHON=/path/to/python3.x, in VENV (.venv),
# and made anew when the interpreter or the requirements change (scripts/venv.sh).
PYTHON ?=
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install browser run test lint format schema loadtest wrk redis bench bench-postgres bench-cache bench-scale bench-memory bench-exports bench-history

install:
	@PYTHON='$(PYTHON)' VENV='$(VENV)' sh scripts/venv.sh

# The browser tests drive Debian's Chromium (no browser download), with Debian's CJK fonts so that the
# screenshots show the Chinese text: each installed here when missing.
browser:
	@command -v chromium > /dev/null || { apt-get update -q > /dev/null && apt-get install -y -q chromium > /dev/null; }
	@dpkg -s fonts-noto-cjk > /dev/null 2>&1 || { apt-get update -q > /dev/null && apt-get install -y -q fonts-noto-cjk > /dev/null; }

run: install
	@$(BIN)/python scripts/check_port.py $(HOST) $(PORT)
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_curated_data
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install browser
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

schema: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py spectacular --validate --fail-on-warn --file docs/openapi.yaml

# Load with a curator's saves, Redis stopped and started and a worker killed (docs/load-test.md); LOADTEST_ARGS
# names another database or ports.
loadtest: install wrk redis
	$(BIN)/python bench/load_test.py --seconds 60 --connections 50 $(LOADTEST_ARGS)

# Datasette is the benchmark's yardstick, never a dependency of the API: it gets a virtual environment of its own.
DATASETTE := bench/.venv-datasette

$(DATASETTE)/bin/uvicorn: install
	$(BIN)/python -m venv $(DATASETTE)
	$(DATASETTE)/bin/pip install --quiet 'datasette==0.65.*' uvicorn

wrk:
	@command -v wrk > /dev/null || apt-get install -y -q wrk || { apt-get update -q > /dev/null && apt-get install -y -q wrk; }

redis:
	@command -v redis-server > /dev/null || apt-get install -y -q redis-server || { apt-get update -q > /dev/null && apt-get install -y -q redis-server; }

# One run: distinct URLs (cache as shipped, and after a curator's save), cache off, and Datasette on the same file.
bench: install wrk $(DATASETTE)/bin/uvicorn
	$(BIN)/python bench/workload.py

# The distinct-URL and cache-off figures on PostgreSQL (database jiangmen_bench12, dropped afterwards).
bench-postgres: install wrk
	$(BIN)/python bench/workload.py --database postgres

# One URL repeated per endpoint: what the response cache and conditional requests give, on PostgreSQL.
bench-cache: install wrk
	$(BIN)/python bench/run.py --seconds 10 --connections 32
	$(BIN)/python bench/run.py --seconds 10 --connections 32 --cache-url redis://127.0.0.1:6379/1
	$(BIN)/python bench/run.py --seconds 10 --connections 32 --without-response-cache

bench-scale: install wrk
	$(BIN)/python bench/scale.py --scales 1,100,10000

bench-memory: install
	$(BIN)/python bench/memory.py

# A whole export's worker memory and cursor pages at both ends of a list, at 1x and 10,000x (database dropped of its
# synthetic data afterwards; SCALES=1,100 for a quicker run).
SCALES ?= 1,10000
bench-exports: install
	$(BIN)/python bench/exports.py --scales $(SCALES)

# As-of reads and the change feed after a year of simulated edits (100 saves a day), at 1x on a fresh SQLite file;
# `bench/history.py --postgres-database NAME --label 10000x` runs it on a database generated beforehand (and changes it).
HISTORY_SQLITE ?= artifacts/bench-history.sqlite3
bench-history: install
	mkdir -p artifacts && rm -f $(HISTORY_SQLITE)
	$(BIN)/python bench/history.py --sqlite $(HISTORY_SQLITE) --label 1x
