#!/usr/bin/env bash
# Serves the API with gunicorn on a throwaway PostgreSQL database loaded with the curated data.
# Usage: bench/serve.sh PORT [extra gunicorn args]; prints the gunicorn pid file path. Used by bench/run.py,
# which stops it.
set -euo pipefail
port="$1"; shift
cd "$(dirname "$0")/.."
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
database="${BENCH_DATABASE:-jiangmen_bench}"
psql -q -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $database"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$database"
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-bench-only-secret-key}" DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
export DJANGO_SECURE_SSL_REDIRECT=0 API_THROTTLE_RATE="${API_THROTTLE_RATE:-}"
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py load_curated_data -v0 > /dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
  echo "port $port is already serving; stop that server first" >&2
  exit 1
fi
pidfile="$(mktemp -u /tmp/jiangmen-gunicorn-XXXX.pid)"
.venv/bin/gunicorn jiangmen_api.wsgi --bind "127.0.0.1:$port" --pid "$pidfile" --daemon \
  --access-logfile /dev/null --error-logfile /tmp/jiangmen-gunicorn.log "$@"
for _ in $(seq 60); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"
echo "$pidfile"
