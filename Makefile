# The portal's commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEMO_PASSWORD ?= $(or $(PORTAL_DEMO_PASSWORD),regions-demo-2026)
TEST_DATABASE_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/portal)
PYTEST_WORKERS ?= 2

.DEFAULT_GOAL := help
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal_bench
BENCH_PAGES ?= 10000

.PHONY: help setup run serve test lint format messages catalogues bench bench-pages bench-instructions bench-search mutants browsers java clean backup restore loadtest lighthouse screenshots fonts icons

help: ## List the commands
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

catalogues: $(VENV)/.runtime ## Compile the interface translations (.po -> .mo)
	$(PY) manage.py compile_catalogues

setup: $(VENV)/.runtime catalogues
	@# What `make run` and `make serve` share: the database (data/portal.sqlite3 unless DATABASE_URL), the demo.
	@mkdir -p data
	$(PY) manage.py migrate --no-input -v 0
	PORTAL_DEMO_PASSWORD='$(DEMO_PASSWORD)' $(PY) manage.py bootstrap_portal --demo-users
	$(PY) manage.py load_demo_content
	$(PY) manage.py load_glossary
	$(PY) manage.py search_index ensure

run: setup ## Set up (first time) and serve the portal at http://127.0.0.1:8000
	@echo ""
	@echo "  Public site:  http://127.0.0.1:8000/fr/   http://127.0.0.1:8000/ar/   http://127.0.0.1:8000/en/"
	@echo "  Admin:        http://127.0.0.1:8000/admin/"
	@echo "  Demo logins (password: $(DEMO_PASSWORD)): admin (superuser), editor, dgct, arm, embassy,"
	@echo "                translator_ar, translator_en, translator_fr"
	@echo "  Mail is queued and sent by a worker started beside the server (printed here: no EMAIL_HOST)."
	@echo ""
	@# The mail worker (cms/mail.py) runs as long as the server does.
	$(PY) manage.py runmailer & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver 127.0.0.1:8000

# `make serve`: production settings on make run's data, over plain HTTP on this machine (PORTAL_LOCAL_SERVE).
SERVE_ENV = DJANGO_SETTINGS_MODULE=cms.settings.production PORTAL_LOCAL_SERVE=true SECRET_KEY="$$(cat data/.serve-secret-key)"

serve: setup ## Serve as production does at http://127.0.0.1:8000: gunicorn (cms/gunicorn.conf.py), WhiteNoise, page cache
	@# A key of its own, kept with the data so sessions outlive a restart; never printed.
	@test -s data/.serve-secret-key || $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > data/.serve-secret-key
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input -v 0
	$(SERVE_ENV) $(PY) manage.py clear_page_cache
	@echo ""
	@echo "  Production settings, gunicorn (cms/gunicorn.conf.py), page cache on: http://127.0.0.1:8000/fr/"
	@echo "  Demo logins as for make run; reviewers and admin enrol two-factor authentication (PORTAL_REQUIRE_2FA)."
	@echo ""
	$(SERVE_ENV) $(PY) manage.py runmailer & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(SERVE_ENV) $(VENV)/bin/gunicorn -c cms/gunicorn.conf.py

browsers: ## Install Debian's Chromium for the browser tests when missing
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium (browser tests)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

java: ## Install Debian's headless Java runtime for the W3C Nu HTML checker (vnu-jar) when missing
	@if ! command -v java >/dev/null; then \
		echo "Installing Debian's default-jre-headless (HTML validation tests)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	fi

node_modules/vnu-jar/build/dist/vnu.jar: node_modules/axe-core/axe.min.js
	@test -f $@ || npm ci --no-audit --no-fund

node_modules/axe-core/axe.min.js: package.json package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund
	@touch $@

test: $(VENV)/.dev browsers java node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar ## Run the whole suite against PostgreSQL, browser tests included
	$(PY) manage.py compile_catalogues
	DATABASE_URL='$(TEST_DATABASE_URL)' $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Not part of `make test` or CI: slow (one test session per mutant); docs/testing.md records the last score.
mutants: $(VENV)/.dev ## Mutation run (mutmut) over the rule modules, on PostgreSQL (portal_mutants): killed / total per module
	$(PY) manage.py compile_catalogues
	$(PY) scripts/mutants.py

lint: $(VENV)/.dev ## Ruff lint and format check, plus missing migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.dev ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.dev ## Extract interface strings into the fr, ar and en catalogues (needs gettext)
	$(PY) manage.py makemessages --locale fr --locale ar --locale en --ignore '.venv/*' --ignore 'data/*' --ignore 'mutants/*' --no-obsolete

# `make bench` is issue 13's page benchmark; search at scale (10,000 generated pages, longer) is its own target.
bench: bench-pages ## Pages under load (bench-pages); search at scale is `make bench-search`

bench-pages: $(VENV)/.runtime ## Each page under gunicorn + wrk, cached and uncached, against a bare Django view; table in docs/benchmarks.md
	@# scripts/bench_pages.py says what it measures and reads BENCH_* (BENCH_SECONDS, BENCH_BAKERYDEMO, ...).
	$(PY) scripts/bench_pages.py

bench-instructions: $(VENV)/.runtime ## Instructions per uncached request under callgrind (exact, unlike time), against bakerydemo; table in docs/benchmarks.md
	@# scripts/bench_instructions.py says what it counts and reads BENCH_* (BENCH_BAKERYDEMO, BENCH_ONLY, ...).
	$(PY) scripts/bench_instructions.py

bench-search: $(VENV)/.runtime ## Search at scale: 10,000 pages, index build time, query p50/p95 (database portal_bench)
	@# The database named by BENCH_DATABASE_URL, created through the server's "postgres" database when missing.
	-createdb --maintenance-db='$(dir $(BENCH_DATABASE_URL))postgres' '$(notdir $(BENCH_DATABASE_URL))' 2>/dev/null
	DATABASE_URL='$(BENCH_DATABASE_URL)' $(PY) manage.py migrate --no-input -v 0
	DATABASE_URL='$(BENCH_DATABASE_URL)' $(PY) manage.py bootstrap_portal
	DATABASE_URL='$(BENCH_DATABASE_URL)' $(PY) manage.py bench_search --pages $(BENCH_PAGES)

loadtest: $(VENV)/.runtime ## Gunicorn (production settings, PostgreSQL, demo content) under wrk: 32 connections, 60 s; errors, latency, memory
	bash scripts/load_test.sh

lighthouse: $(VENV)/.runtime browsers node_modules/axe-core/axe.min.js ## Lighthouse (mobile) on every page type in fr, ar, en (demo content in portal_lighthouse); table in docs/benchmarks.md
	bash scripts/lighthouse.sh

screenshots: $(VENV)/.dev browsers ## Phone and desktop screenshots (fr, ar) of the home, a tool, a region and the overview into test-results/screenshots/ (demo content in portal_screenshots)
	$(PY) scripts/screenshots.py

fonts: $(VENV)/.dev ## Rebuild the web font subsets and their @font-face rules (scripts/build_fonts.py)
	@[ -d /usr/share/fonts/truetype/liberation ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation >/dev/null; }
	$(PY) scripts/build_fonts.py

icons: $(VENV)/.dev ## Redraw the favicon and home-screen icons (scripts/build_icons.py)
	$(PY) scripts/build_icons.py

backup: $(VENV)/.runtime ## Back up the database (DATABASE_URL, PostgreSQL) and the media into backups/<date> (or TO=folder)
	$(PY) manage.py backup_portal $(if $(TO),--to '$(TO)')

restore: $(VENV)/.runtime ## Replace the database and the media with a backup: make restore BACKUP=backups/<date>
	@test -n '$(BACKUP)' || { echo "Name the backup folder: make restore BACKUP=backups/<date>"; exit 2; }
	$(PY) manage.py restore_portal '$(BACKUP)' --yes

clean: ## Remove the virtualenv, the SQLite database and compiled catalogues
	rm -rf $(VENV) data/portal.sqlite3 data/portal.sqlite3-wal data/portal.sqlite3-shm static
	find . -name '*.mo' -path '*/locale/*' -not -path './.venv/*' -delete
