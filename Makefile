# Landnetz — `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/landnetz_test_$(shell date +%s)
PYTEST_ARGS ?=

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	@PYTHON=""; for candidate in python3.13 python3.12 python3; do \
	  if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then PYTHON=$$candidate; break; fi; \
	done; \
	if [ -z "$$PYTHON" ]; then echo "Landnetz needs Python 3.12 or newer (python3.13, python3.12 or python3). Please install it, e.g. 'apt install python3.12-venv'." >&2; exit 1; fi; \
	echo "Creating $(VENV) with $$PYTHON"; $$PYTHON -m venv $(VENV)

$(VENV)/.installed: $(PY) pyproject.toml
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	@mkdir -p var
	@touch $@

install: $(VENV)/.installed ## Create the virtualenv and install Landnetz with its development tools

migrate: install ## Apply database migrations (SQLite in var/ by default)
	@mkdir -p var
	$(MANAGE) migrate --no-input -v0

demo: migrate ## Load the Sachsen-Anhalt demo network (idempotent)
	$(MANAGE) load_demo

run: demo ## Install, migrate, load the demo network and serve http://127.0.0.1:8000
	@echo "Serving Landnetz on http://127.0.0.1:8000  (stop with Ctrl+C)"
	$(MANAGE) runserver 127.0.0.1:8000

test: install ## Run the whole test suite (unit, HTTP, browser) on SQLite
	LANDNETZ_ENV=test $(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

test-pg: install ## Run the whole test suite on PostgreSQL (127.0.0.1:5432, user postgres)
	LANDNETZ_ENV=test DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

e2e: install ## Run only the browser journeys (Playwright + Chromium + axe-core)
	LANDNETZ_ENV=test $(VENV)/bin/pytest tests/e2e $(PYTEST_ARGS)

lint: install ## ruff (lint and format check) and Django's checks
	@mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	$(PY) scripts/check_messages.py

messages: install ## Extract strings into locale/*/LC_MESSAGES/django.po and compile them (needs gettext)
	$(MANAGE) makemessages --all --no-location --ignore '.venv/*' --ignore 'var/*' --ignore 'bench/*' --ignore 'tests/*'
	$(MANAGE) compilemessages --ignore '.venv' -v0

bench: install ## Generate a large data set and print page timing ratios (BENCH_SCALE=0.01 … 1)
	LANDNETZ_ENV=test $(PY) -m bench.run

.PHONY: help install migrate demo run test test-pg e2e lint messages bench
