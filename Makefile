# Set-up, build, preview and tests. `make build` and `make test` work on a fresh machine.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
.DEFAULT_GOAL := build

.PHONY: build test check serve lint format clean translations bench

-include mk/quality.mk

$(STAMP): requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# The offline copies need node_modules/ (iframe-worker's shim, see macros/offline.py).
build: $(STAMP) $(NODE_STAMP)
	$(PY) -m macros build

check: $(STAMP)
	$(PY) -m macros check

EDITION ?= wco
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve -f mkdocs.$(EDITION).yml

test: test-deps
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check macros tests
	$(VENV)/bin/ruff format --check macros tests

format: $(STAMP)
	$(VENV)/bin/ruff format macros tests
	$(VENV)/bin/ruff check --fix macros tests

clean:
	rm -rf site site.new site.old .pytest_cache

translations: $(STAMP)
	$(PY) -m macros translations

bench: $(STAMP)
	$(PY) tools/bench_growth.py
