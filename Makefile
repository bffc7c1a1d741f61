# Landnetz — `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/landnetz_test_$(shell date +%s)
PYTEST_ARGS ?=
LOCK_BASE := requirements/base.lock
LOCK_DEV := requirements/dev.lock
LOCK_INPUTS := pyproject.toml requirements/build.in
TOOLS_VENV := .venv-tools
UV := $(TOOLS_VENV)/bin/uv
# One resolution for every platform and every Python >= 3.12; every file's hash is kept.
UV_COMPILE = $(UV) pip compile --quiet --universal --python-version 3.12 --python $(PY) --no-python-downloads \
	--generate-hashes --custom-compile-command 'make lock'

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	@PYTHON=""; for candidate in python3.13 python3.12 python3; do \
	  if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then PYTHON=$$candidate; break; fi; \
	done; \
	if [ -z "$$PYTHON" ]; then echo "Landnetz needs Python 3.12 or newer (python3.13, python3.12 or python3). Please install it, e.g. 'apt install python3.12-venv'." >&2; exit 1; fi; \
	echo "Creating $(VENV) with $$PYTHON"; $$PYTHON -m venv $(VENV)

# Every package comes from a lock with hashes (requirements/README.md); pyproject.toml
# only says which versions are compatible. Landnetz itself is built with the locked
# setuptools (--no-build-isolation), and pip check proves the lock satisfies pyproject.toml.
$(VENV)/.installed: $(PY) pyproject.toml $(LOCK_DEV)
	$(PIP) install --quiet --require-hashes -r $(LOCK_DEV)
	$(PIP) install -qq --no-deps --no-build-isolation -e .
	$(PIP) check
	@mkdir -p var
	@touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the locked packages (requirements/dev.lock)

# The lock compiler lives in a venv of its own, itself installed from a lock.
$(UV): requirements/tools.lock | $(PY)
	$(PY) -m venv --clear $(TOOLS_VENV)
	$(TOOLS_VENV)/bin/pip install --quiet --require-hashes -r requirements/tools.lock
	@touch $@

lock: $(UV) ## Recompile requirements/*.lock after editing pyproject.toml or requirements/*.in (keeps pins)
	$(UV_COMPILE) requirements/tools.in -o requirements/tools.lock
	$(UV_COMPILE) $(LOCK_INPUTS) -o $(LOCK_BASE)
	$(UV_COMPILE) $(LOCK_INPUTS) --extra dev -c $(LOCK_BASE) -o $(LOCK_DEV)

upgrade: $(UV) ## Newest allowed versions into the locks, reinstall, make test, show the changed pins
	$(UV_COMPILE) --upgrade $(LOCK_INPUTS) -o $(LOCK_BASE)
	$(UV_COMPILE) --upgrade $(LOCK_INPUTS) --extra dev -c $(LOCK_BASE) -o $(LOCK_DEV)
	$(MAKE) --no-print-directory install
	@status=0; $(MAKE) --no-print-directory test || status=$$?; \
	echo; echo "=== Lock changes (compared with the last commit) ==="; \
	git --no-pager diff --stat -- requirements/; \
	echo "Changed pins (dev.lock holds every runtime pin too):"; \
	awk -F'[= ;]+' '/^[A-Za-z0-9]/ { if (FNR == NR) old[$$1] = $$2; else new[$$1] = $$2 } \
	  END { for (p in new) if (!(p in old)) printf "  %-24s (new) -> %s\n", p, new[p]; \
	          else if (old[p] != new[p]) printf "  %-24s %s -> %s\n", p, old[p], new[p]; \
	        for (p in old) if (!(p in new)) printf "  %-24s %s -> (removed)\n", p, old[p] }' \
	  <(git show HEAD:$(LOCK_DEV) 2>/dev/null) $(LOCK_DEV) | sort; \
	if [ $$status -ne 0 ]; then echo "make test FAILED with the upgraded locks (exit $$status)"; else echo "make test passed with the upgraded locks: review and commit requirements/"; fi; \
	exit $$status

migrate: install ## Apply database migrations (SQLite in var/ by default)
	@mkdir -p var
	$(MANAGE) migrate --no-input -v0

demo: migrate ## Load the Sachsen-Anhalt demo network (idempotent)
	$(MANAGE) load_demo

run: demo ## Install, migrate, load the demo network, serve http://127.0.0.1:8000 with the task worker
	@echo "Serving Landnetz on http://127.0.0.1:8000 with the background worker (stop both with Ctrl+C)"
	@export TASKS_BACKEND=database; trap 'kill 0' EXIT; \
	  $(MANAGE) db_worker --queue-name '*' & \
	  $(MANAGE) runserver 127.0.0.1:8000

test: install ## Run the whole test suite (unit, HTTP, browser) on SQLite
	LANDNETZ_ENV=test $(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

test-pg: install ## Run the whole test suite on PostgreSQL (127.0.0.1:5432, user postgres)
	LANDNETZ_ENV=test DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

e2e: install ## Run only the browser journeys (Playwright + Chromium + axe-core)
	LANDNETZ_ENV=test $(VENV)/bin/pytest tests/e2e $(PYTEST_ARGS)

lint: install ## ruff, layers (import-linter), no function-level imports, migrations, German catalogue
	@mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) scripts/check_function_imports.py
	$(MANAGE) makemigrations --check --dry-run
	$(PY) scripts/check_messages.py

messages: install ## Extract strings into locale/*/LC_MESSAGES/django.po and compile them (needs gettext)
	$(MANAGE) makemessages --all --no-location --ignore '.venv/*' --ignore 'var/*' --ignore 'bench/*' --ignore 'tests/*'
	$(MANAGE) compilemessages --ignore '.venv' -v0

bench: install ## Generate a large data set and print page timing ratios (BENCH_SCALE=0.01 … 1)
	LANDNETZ_ENV=test $(PY) -m bench.run

# mutmut in a copy of the project (never the working tree), fast tests only; see
# docs/decisions/0006-mutation-testing.md. MUTATION_ARGS=--check-baseline is what CI runs.
MUTATE ?=
MUTATION_ARGS ?=
mutation: install ## Break the rule modules on purpose and list the mutants no test caught (MUTATE="landnetz/accounts/queries.py …")
	MUTATE="$(MUTATE)" $(PY) scripts/mutation.py $(MUTATION_ARGS)

.PHONY: help install lock upgrade migrate demo run test test-pg e2e lint messages bench mutation
