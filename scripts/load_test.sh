#!/usr/bin/env bash
# Load test of the database connections and worker memory (`make loadtest`): gunicorn with production settings on
# PostgreSQL and the demo content, driven by wrk (Debian) with 32 connections for 60 s over public pages. Prints the
# requests, the errors (socket errors and non-2xx/3xx answers), the latency, the PostgreSQL connections held and each
# worker's memory before and after. Traffic goes to 127.0.0.1 only. The page cache is on, as in production (the
# database cache); LOAD_PAGE_CACHE_SECONDS=0 measures rendering alone.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DB=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_load}
PORT=${LOAD_PORT:-8799}
DURATION=${LOAD_DURATION:-60s}
CONNECTIONS=${LOAD_CONNECTIONS:-32}
WORKERS=${LOAD_WORKERS:-2}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

createdb --maintenance-db="${DB%/*}/postgres" "${DB##*/}" 2>/dev/null || true
export DATABASE_URL=$DB DJANGO_SETTINGS_MODULE=cms.settings.production ALLOWED_HOSTS=127.0.0.1
export SECRET_KEY=${SECRET_KEY:-$($PY -c "import secrets; print(secrets.token_urlsafe(50))")}
export SECURE_SSL_REDIRECT=false STATIC_ROOT=${STATIC_ROOT:-$(mktemp -d)} PAGE_CACHE_SECONDS=${LOAD_PAGE_CACHE_SECONDS:-600}
$PY manage.py migrate --no-input -v 0
$PY manage.py compile_catalogues >/dev/null
$PY manage.py collectstatic --no-input -v 0
$PY manage.py bootstrap_portal >/dev/null
$PY manage.py load_demo_content --force >/dev/null

.venv/bin/gunicorn -c cms/gunicorn.conf.py --workers "$WORKERS" --bind "127.0.0.1:$PORT" --log-level warning &
master=$!
trap 'kill $master 2>/dev/null; wait $master 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/fr/" && break; sleep 1; done

paths=(/fr/ /ar/ /en/ /fr/outils/ /ar/search/?q=%D8%A7%D9%84%D9%85%D8%B4%D8%A7%D8%B1%D9%83%D8%A9 /fr/regions/ /healthz)
for path in "${paths[@]}"; do curl -s -o /dev/null -w "warm-up %{http_code} $path\n" "http://127.0.0.1:$PORT$path"; done
rss() { ps --ppid "$master" -o rss= | awk '{printf "%s ", $1}'; }
before=$(rss)
lua=$(mktemp --suffix .lua)
printf 'local paths = {%s}\nlocal i = 0\nrequest = function()\n  i = i %% #paths + 1\n  return wrk.format("GET", paths[i])\nend\n' \
    "$(printf '"%s",' "${paths[@]}")" > "$lua"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "http://127.0.0.1:$PORT"
after=$(rss)
held=$(psql "$DB" -Atc "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
echo "workers: $WORKERS; page cache: ${PAGE_CACHE_SECONDS} s; worker memory (kB) before: $before after: $after; PostgreSQL connections held after the run: $held"
