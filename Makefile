# VBT casusregistratie. `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP_RUN := $(VENV)/.requirements-run
STAMP_DEV := $(VENV)/.requirements-dev
STAMP_BENCH := $(VENV)/.requirements-bench
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/vbt_bench
BENCH_SIGNALEN ?= 100000

.PHONY: run test install install-dev migrate seed lint format messages clean bench

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP_RUN): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(STAMP_DEV): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(STAMP_RUN)

$(STAMP_BENCH): requirements.txt requirements-bench.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-bench.txt
	touch $@

install: $(STAMP_RUN)
install-dev: $(STAMP_DEV)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

## run: virtualenv, dependencies, migrations, demo data, server on http://127.0.0.1:8000
run: seed
	$(PY) manage.py runserver 127.0.0.1:8000

## test: lint, migration check, deploy check and the whole pytest suite
test: install-dev
	$(BIN)/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=vbt.settings.production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
		VBT_STEUN_PEPPER=check-only ALLOWED_HOSTS=vbt.example.nl \
		$(PY) manage.py check --deploy --fail-level WARNING
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install-dev
	$(PY) manage.py makemessages -l nl --ignore=.venv --ignore=static --ignore=staticfiles --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles

## bench: seed a PostgreSQL database (once), measure every main page and a mixed read/write
## load; report in bench/rapport.md
bench: $(STAMP_BENCH)
	@$(PY) -c "import sys, dj_database_url as d; c = d.parse('$(BENCH_DATABASE_URL)'); \
		sys.exit(c['ENGINE'] != 'django.db.backends.postgresql')" \
		|| { echo "BENCH_DATABASE_URL must be PostgreSQL"; exit 1; }
	@$(PY) -c "import psycopg2, dj_database_url as d; c = d.parse('$(BENCH_DATABASE_URL)'); \
		a = psycopg2.connect(dbname='postgres', user=c['USER'], password=c['PASSWORD'], \
		host=c['HOST'], port=c['PORT'] or 5432); a.autocommit = True; k = a.cursor(); \
		k.execute('SELECT 1 FROM pg_database WHERE datname = %s', [c['NAME']]); \
		k.fetchone() or k.execute('CREATE DATABASE \"%s\"' % c['NAME'])"
	DATABASE_URL=$(BENCH_DATABASE_URL) DATABASE_STATEMENT_TIMEOUT=0 $(PY) manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) DATABASE_STATEMENT_TIMEOUT=0 \
		$(PY) manage.py seed_bench --signalen $(BENCH_SIGNALEN) --als-leeg
	DJANGO_SETTINGS_MODULE=vbt.settings.production SECRET_KEY=bench-alleen-lokaal-collectstatic \
		VBT_STEUN_PEPPER=bench ALLOWED_HOSTS=127.0.0.1 $(PY) manage.py collectstatic --noinput -v0
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/run.py
