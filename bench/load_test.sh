#!/usr/bin/env bash
# The load test: gunicorn (2 workers) on PostgreSQL, 60 s at 50 connections over bench/mix.txt, with wrk.
# Fails unless every request is answered 2xx. Usage: bench/load_test.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; connections="${2:-50}"
command -v wrk > /dev/null || { apt-get install -y -q wrk > /dev/null 2>&1 || { apt-get update -q && apt-get install -y -q wrk; }; }
pidfile="$(bench/serve.sh 8790 --workers 2)"
trap 'kill "$(cat "$pidfile")"' EXIT
.venv/bin/python -c "import os; print(f'{os.cpu_count()} cores')"
wrk --threads 2 --connections "$connections" --duration "${seconds}s" --timeout 10s \
  --script bench/mix.lua http://127.0.0.1:8790 | tee /tmp/jiangmen-load-test.txt
result="$(grep '^requests=' /tmp/jiangmen-load-test.txt)"
case "$result" in
  *"errors_http=0 errors_socket=0"*) echo "load test passed: $result" ;;
  *) echo "load test FAILED: $result"; exit 1 ;;
esac
