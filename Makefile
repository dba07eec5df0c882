# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev lint messages bench bench-agenda bench-review clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { echo "Could not create a virtualenv: install Python 3.11 with venv (Debian: apt-get install python3-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

# axe-core for the browser tests; only where npm exists (the tests say so when it is missing).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: browser accessibility tests will be skipped."; fi

install: $(VENV)/.installed-run

install-dev: $(VENV)/.installed-dev node_modules/.installed

run: install
	mkdir -p var
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) db_worker --batch --no-startup-delay -v 0  # e.g. the search index of the demo pages
	@echo "Serving http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/). Stop with Ctrl+C."
	@trap 'kill 0' EXIT INT TERM; \
	$(MANAGE) db_worker & \
	$(MANAGE) run_scheduler & \
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# After changing UI strings: extract them (needs GNU gettext), add the Dutch wording to
# kankernl_site/locale/nl_translations.py, and compile both catalogues.
messages: install-dev
	$(MANAGE) makemessages --locale nl --locale en --no-obsolete --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*'
	$(BIN)/python scripts/apply_translations.py

# The public agenda under gunicorn, page cache off and warm, next to a static file (needs Redis;
# see README, Benchmarks). Options: make bench-agenda BENCH_ARGS="--seconds 10".
bench-agenda: install
	$(BIN)/python bench/agenda_bench.py $(BENCH_ARGS)

# The admin with 10,000 events waiting for review against 100, in one run (see README, Benchmarks).
# Options: make bench-review BENCH_ARGS="--events 20000"; DATABASE_URL=postgres://.../name for PostgreSQL.
bench-review: install
	$(BIN)/python bench/review_bench.py $(BENCH_ARGS)

# The agenda's calendar subscription of 10,000 dates against bare icalendar, in one run (see README,
# Benchmarks). Options: make bench-ical BENCH_ARGS="--dates 20000 --repeat 3".
.PHONY: bench-ical
bench-ical: install
	$(BIN)/python bench/ical_feed.py $(BENCH_ARGS)

# The embeddable agenda against the agenda page, uncached, in one run (see README, Benchmarks).
.PHONY: bench-embed
bench-embed: install
	$(BIN)/python bench/embed.py $(BENCH_ARGS)

# Mixed public traffic from 50 clients through nginx to two gunicorn nodes for 60 s while the worker
# imports 80 feeds (needs nginx, openssl, PostgreSQL and Redis; see README, Benchmarks).
.PHONY: bench-load
bench-load: install
	$(BIN)/python bench/load_bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules var static .pytest_cache .ruff_cache
