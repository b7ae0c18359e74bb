# Newsroom: `make run` sets everything up and serves the site; `make test` runs the whole suite.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
REQUIRE_POSTGRES ?= 0
# pytest-xdist workers: one per core (each with its own test database)
TEST_WORKERS ?= auto
LANGUAGES := pl en ru

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create the virtualenv with the site's and the tools' requirements (requirements-dev.txt)

messages: install ## Compile the gettext catalogs in locale/
	$(MANAGE) compilemessages --ignore=$(VENV) --verbosity 0

run: install messages ## Migrate, load demo content and serve http://127.0.0.1:8000 (admin at /admin/)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_initial_data
	$(MANAGE) runserver 127.0.0.1:8000

check: install messages ## Django checks, pending migrations, catalog checks
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run --verbosity 1
	@for lang in $(LANGUAGES); do \
		out=$$(msgfmt -c --statistics -o /dev/null locale/$$lang/LC_MESSAGES/django.po 2>&1) || { echo "$$out"; exit 1; }; \
		echo "locale/$$lang: $$out"; \
		case "$$out" in *untranslated*|*fuzzy*) echo "locale/$$lang has untranslated or fuzzy entries"; exit 1;; esac; \
	done

test: check browser-deps ## Run the whole suite on SQLite, then again (browser and deploy tests aside) on PostgreSQL when reachable; REQUIRE_POSTGRES=1 makes that mandatory
	$(PY) -m pytest -n $(TEST_WORKERS)
	@if $(PY) -c "import psycopg; psycopg.connect('$(TEST_DATABASE_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== PostgreSQL: $(TEST_DATABASE_URL)"; \
		DATABASE_URL='$(TEST_DATABASE_URL)' $(PY) -m pytest -n $(TEST_WORKERS) --create-db -m "not browser and not deploy"; \
	elif [ "$(REQUIRE_POSTGRES)" = "1" ]; then \
		echo "PostgreSQL is required (REQUIRE_POSTGRES=1) but $(TEST_DATABASE_URL) is not reachable."; exit 1; \
	else \
		echo "PostgreSQL not reachable at $(TEST_DATABASE_URL): the SQLite run above is the only one."; \
	fi

browser-deps: node_modules/axe-core/axe.min.js ## Debian Chromium and axe-core (npm) for tests/browser
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "== /usr/bin/chromium is missing: installing Debian's chromium for the browser tests"; \
		if [ "$$(id -u)" = "0" ]; then SUDO=""; \
		elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
		else echo "Cannot install chromium: not root and no sudo. Run 'apt-get install -y chromium' as root."; exit 1; fi; \
		{ $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y chromium; } \
			|| { echo "Installing chromium with apt-get failed: the browser tests need /usr/bin/chromium."; exit 1; }; \
		[ -x /usr/bin/chromium ] || { echo "apt-get ran but /usr/bin/chromium is still missing."; exit 1; }; \
	fi

node_modules/axe-core/axe.min.js: package.json $(wildcard package-lock.json)
	@command -v npm >/dev/null 2>&1 || { echo "npm is needed for axe-core (browser tests): install Node.js and npm."; exit 1; }
	if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	@[ -f $@ ] || { echo "npm ran but $@ is missing."; exit 1; }
	touch $@

bench: install messages bench-deps ## Load test at 30,000 release pages (BENCH_RELEASES=300: minutes), SQLite then PostgreSQL+Redis; see bench/run.py
	$(PY) -m bench.run

bench-deps: ## Debian's wrk, nginx-light and its cache purge module, for make bench
	@need=""; \
	command -v wrk >/dev/null 2>&1 || need="$$need wrk"; \
	[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need="$$need nginx-light"; \
	[ -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] || need="$$need libnginx-mod-http-cache-purge"; \
	if [ -n "$$need" ]; then \
		echo "== installing Debian's$$need for the bench"; \
		if [ "$$(id -u)" = "0" ]; then SUDO=""; \
		elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
		else echo "Cannot install$$need: not root and no sudo. Run 'apt-get install -y$$need' as root."; exit 1; fi; \
		{ $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y $$need; } \
			|| { echo "Installing$$need with apt-get failed: make bench needs them."; exit 1; }; \
	fi

lint: install ## ruff (check and format) and import-linter (the package rule of docs/architecture.md)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

makemessages: install ## Refresh locale/*/django.po from the code and templates
	$(MANAGE) makemessages $(addprefix -l ,$(LANGUAGES)) --ignore=$(VENV) --ignore=static --ignore=node_modules --ignore=tests --no-obsolete --add-location=file

.PHONY: help install messages run check test lint makemessages browser-deps bench bench-deps
