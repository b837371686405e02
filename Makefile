# Dyad: `make run` sets up and serves everything; `make test` checks everything.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
AUDIT := tests/http_audit

.PHONY: all install run test lint typecheck audit pytest neo4j-start neo4j-stop bench clean sdl

all: install

install: $(VENV)/.installed $(AUDIT)/node_modules/.package-lock.json

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

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

## Lint, types, the record's audit, and the tests against a real Neo4j the tests start.
test: install lint typecheck audit pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

## The shipped corpus against the status rules (docs/CORPUS.md): 0 breaches or it fails.
audit: install
	$(BIN)/dyad audit > /dev/null || $(BIN)/dyad audit

pytest: install
	$(BIN)/pytest

## Benchmarks (not part of `make test`): results in bench/results/.
bench: install
	$(BIN)/python -m bench

neo4j-start: install
	$(BIN)/dyad neo4j start

neo4j-stop: install
	$(BIN)/dyad neo4j stop

clean:
	-$(BIN)/dyad neo4j stop
	rm -rf $(VENV) .dyad graph/server/target .mypy_cache .ruff_cache .pytest_cache
