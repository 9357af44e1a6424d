# Kollega: `make run` serves a demo organisation, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: run test lint fix messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) -e '.[dev]'
	@touch $@

run: $(VENV)/.installed
	$(BIN)/kollega migrate
	$(BIN)/kollega seed --people 300 --seed 1 --if-empty
	$(BIN)/kollega serve

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=tests.settings $(BIN)/python -m django makemigrations --check --dry-run

test: lint
	@echo "== tests on SQLite"
	$(BIN)/pytest
	@if [ -n "$$KOLLEGA_TEST_POSTGRES_URL" ]; then \
		echo "== tests on PostgreSQL"; \
		KOLLEGA_DATABASE_URL="$$KOLLEGA_TEST_POSTGRES_URL" $(BIN)/pytest; \
	else \
		echo "== PostgreSQL skipped: set KOLLEGA_TEST_POSTGRES_URL to run the suite there too"; \
	fi

fix: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerate the translation catalogues after changing user-facing text.
messages: $(VENV)/.installed-dev
	cd kollega && PYTHONPATH=.. ../$(BIN)/python -m django makemessages -l sv --settings=tests.settings
	cd kollega && PYTHONPATH=.. ../$(BIN)/python -m django compilemessages --settings=tests.settings

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
