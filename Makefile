# Dyad: `make run` sets up and serves everything; `make test` checks everything.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
AUDIT := tests/http_audit
PEER := bench/peer

LOCK := requirements.lock

.PHONY: all install lock lock-upgrade chromium wrk run test test-fast lint typecheck audit pytest \
	neo4j-start neo4j-stop bench plans screenshots clean sdl

all: install

install: $(VENV)/.installed $(AUDIT)/node_modules/.package-lock.json $(PEER)/node_modules/.package-lock.json

# Exactly what the lock pins (hash-checked), then Dyad itself; `pip check` fails when the lock
# no longer satisfies pyproject.toml's ranges (run `make lock`).
$(VENV)/.installed: $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $@

## Re-lock after changing pyproject.toml's dependencies: pins that still fit are kept.
## `make lock-upgrade` moves every pin to the newest release that fits, on purpose.
lock: $(VENV)/bin/uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--generate-hashes --quiet -o $(LOCK)

lock-upgrade: $(VENV)/bin/uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--generate-hashes --quiet --upgrade -o $(LOCK)

$(VENV)/bin/uv:
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet 'uv>=0.9,<1'

## Debian's Chromium, for the browser tests (never `playwright install`): installed when this
## user may (root with apt-get); otherwise this fails and names the one command to run.
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends chromium fonts-liberation; \
	else \
		echo "The browser tests need Chromium. Run: sudo apt-get install -y chromium fonts-liberation" >&2; \
		exit 1; \
	fi

## Debian's wrk, the benchmark's load generator (bench/load.py): installed when this user may
## (root with apt-get); otherwise this fails and names the one command to run.
wrk:
	@command -v wrk >/dev/null || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends wrk; \
	else \
		echo "The load benchmark needs wrk. Run: sudo apt-get install -y wrk" >&2; \
		exit 1; \
	fi

# The graphql-http audit and GraphQL Code Generator the tests run (npm, pinned by package-lock.json).
$(AUDIT)/node_modules/.package-lock.json: $(AUDIT)/package-lock.json
	npm ci --prefix $(AUDIT) --no-audit --no-fund --silent

## The committed GraphQL SDL, regenerated from the code.
sdl: install
	$(BIN)/dyad sdl > api/schema.graphql

## Neo4j up (built from Maven Central on first use), migrated, corpus loaded, API served.
## Ctrl-C stops the API and the Neo4j this started.
run: install
	$(BIN)/dyad up

## Lint, types, the record's audit, and every test against a real Neo4j the tests start
## (the browser tests included: Chromium is installed first, or the run stops).
test: install chromium lint typecheck audit pytest

## The fast tier, for the edit-test loop (under 2 minutes): lint, and every test not marked
## `slow` (browsers, servers of their own, synthetic worlds, generated documents, plan checks,
## races, whole-list walks, `dyad serve` subprocesses; tests/conftest.py).
test-fast: install lint
	$(BIN)/pytest -m "not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

## The shipped corpus against the status rules (docs/CORPUS.md): 0 breaches or it fails.
audit: install
	$(BIN)/dyad audit > /dev/null || $(BIN)/dyad audit

pytest: install chromium
	$(BIN)/pytest

## Benchmarks (not part of `make test`): results in bench/results/. SCALES=1,1000,10000 adds
## scale 10,000 (built by CSV import; about 10 M nodes, several GB of disk while it runs).
bench: install wrk $(PEER)/node_modules/.package-lock.json
	$(BIN)/python -m bench $(if $(SCALES),--scales $(SCALES))

## The README's screenshots (docs/img/), taken in Chromium of the explorer on the corpus.
## docs/PLANS.md: the hot queries as the API sends them, PROFILEd (bench/plans.py).
plans: install
	$(BIN)/python -m bench.plans

screenshots: install chromium
	$(BIN)/python -m bench.screenshots

# The benchmark's peer, @neo4j/graphql behind Apollo Server (npm, pinned by package-lock.json).
$(PEER)/node_modules/.package-lock.json: $(PEER)/package-lock.json
	npm ci --prefix $(PEER) --no-audit --no-fund --silent

neo4j-start: install
	$(BIN)/dyad neo4j start

neo4j-stop: install
	$(BIN)/dyad neo4j stop

clean:
	-$(BIN)/dyad neo4j stop
	rm -rf $(VENV) .dyad graph/server/target .mypy_cache .ruff_cache .pytest_cache
