# Every target only wraps uv, npm, manage.py, pytest and ruff.
# The two commands of the README: `make run` and `make test`.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.8
HOST ?= 127.0.0.1
PORT ?= 8000
# The site as visitors see it (German error pages); `make run DEBUG=true` for
# Django's debug pages.
DEBUG ?= false

.DEFAULT_GOAL := help
.PHONY: help install run serve test lint format check load-demo collectstatic

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' || { \
		echo "Python 3.12 or newer is needed ($(PYTHON) is $$($(PYTHON) --version 2>&1))."; \
		echo "Run with e.g. 'make run PYTHON=python3.13'."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(UV): $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# KERN UX reduced to the classes the site uses, and mirrored for right-to-left
# languages (rtlcss): rebuilt when a template, script or Python module that
# names a KERN class changes.
CLASS_SOURCES := $(shell grep -rl 'kern-' --include='*.html' --include='*.js' --include='*.py' \
	--exclude-dir=node_modules --exclude-dir=.venv --exclude-dir=build --exclude-dir=tests \
	--exclude-dir=.git . 2>/dev/null)
build/rtl/kern.rtl.min.css: node_modules/.package-lock.json scripts/build-assets.mjs $(CLASS_SOURCES)
	npm run --silent build

install: $(UV) build/rtl/kern.rtl.min.css ## Install Python (uv.lock) and front-end (package-lock.json) dependencies
	$(UV) sync --frozen --inexact --extra dev --python $(PY) --quiet

load-demo: install ## Migrate the database and load the demo content (idempotent)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_initial_data
	$(PY) manage.py ensure_admin --site-url http://$(HOST):$(PORT)

run: load-demo serve ## Install everything, prepare the database, load demo content, serve on http://127.0.0.1:8000

serve: ## Serve the site on http://127.0.0.1:8000 (development server)
	DEBUG=$(DEBUG) $(PY) manage.py runserver $(HOST):$(PORT)

test: install ## Run the whole test suite
	$(PY) -m pytest

lint: install ## Lint and check formatting
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format code and fix what ruff can fix
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install ## Django checks, missing migrations, deploy checks, lint
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=flensburg_site.settings.production SECRET_KEY=check-only-$$RANDOM$$RANDOM-not-secret-at-all-just-for-the-deploy-check ALLOWED_HOSTS=example.org DATABASE_URL=sqlite:///:memory: $(PY) manage.py check --deploy --fail-level WARNING
	$(MAKE) lint

collectstatic: install ## Collect static files (compressed, hashed) into STATIC_ROOT
	$(PY) manage.py collectstatic --noinput
