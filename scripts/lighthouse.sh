#!/usr/bin/env bash
# Lighthouse (mobile) over every public page type in French, Arabic and English (`make lighthouse`): gunicorn with
# production settings on PostgreSQL and the demo content, static files and compression as the TLS proxy serves them
# (scripts/lighthouse_wsgi.py), Lighthouse from npm (package.json) in Debian's Chromium: nothing downloads a browser.
# Writes the table of docs/benchmarks.md (scripts/lighthouse_report.py) and keeps the JSON reports in
# LH_REPORTS (default a temporary folder). Traffic goes to 127.0.0.1 only.
#   LH_DATABASE_URL  database to fill with the demo content (default postgres://postgres@127.0.0.1:5432/portal_lighthouse)
#   LH_SKIP_LOAD=1   the database already holds the demo content: skip migrate and load_demo_content
#   LH_ONLY="home.fr search.ar"   measure only these pages (printed; docs/benchmarks.md is left as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DB=${LH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal_lighthouse}
PORT=${LH_PORT:-8798}
REPORTS=${LH_REPORTS:-$(mktemp -d)}
mkdir -p "$REPORTS"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund

export DATABASE_URL=$DB DJANGO_SETTINGS_MODULE=cms.settings.production ALLOWED_HOSTS=127.0.0.1
export SECRET_KEY=${SECRET_KEY:-$($PY -c "import secrets; print(secrets.token_urlsafe(50))")}
static_tmp=""
[ -n "${STATIC_ROOT:-}" ] || { static_tmp=$(mktemp -d); STATIC_ROOT=$static_tmp; }
export SECURE_SSL_REDIRECT=false STATIC_ROOT
$PY manage.py compile_catalogues >/dev/null
$PY manage.py collectstatic --no-input -v 0
if [ -z "${LH_SKIP_LOAD:-}" ]; then
    createdb --maintenance-db="${DB%/*}/postgres" "${DB##*/}" 2>/dev/null || true
    $PY manage.py migrate --no-input -v 0
    $PY manage.py bootstrap_portal >/dev/null
    $PY manage.py load_demo_content --force >/dev/null
fi

.venv/bin/gunicorn lighthouse_wsgi:application --pythonpath scripts --workers 2 --bind "127.0.0.1:$PORT" \
    --log-level warning &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; [ -z "$static_tmp" ] || rm -rf "$static_tmp"' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/fr/" && break; sleep 1; done

$PY manage.py shell -v 0 < scripts/lighthouse_pages.py > "$REPORTS/pages.txt"
while read -r kind language path; do
    name="$kind.$language"
    if [ -n "${LH_ONLY:-}" ] && [[ " $LH_ONLY " != *" $name "* ]]; then continue; fi
    # Warm the server's caches once, as for a visitor arriving after others.
    curl -s -o /dev/null "http://127.0.0.1:$PORT$path"
    echo "Lighthouse: $name $path"
    # A run now and then fails to record its trace (NO_NAVSTART) on this busy machine: up to three tries.
    for try in 1 2 3; do
        node_modules/.bin/lighthouse "http://127.0.0.1:$PORT$path" --quiet \
            --only-categories=performance,accessibility,best-practices,seo \
            --chrome-flags="--no-sandbox --headless=new --disable-gpu" \
            --output=json --output-path="$REPORTS/$name.json" && break
        [ "$try" = 3 ] && { echo "Lighthouse failed three times on $path"; exit 1; }
    done
done < "$REPORTS/pages.txt"
echo "Reports: $REPORTS"
$PY scripts/lighthouse_report.py "$REPORTS" "$([ -n "${LH_ONLY:-}" ] && echo - || echo docs/benchmarks.md)"
