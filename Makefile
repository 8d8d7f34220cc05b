# Set-up, build, preview and tests. `make build` and `make test` work on a fresh machine.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
.DEFAULT_GOAL := build

.PHONY: bench-serve bench-build build preview test test-fast check review serve lint typecheck format clean translations bench schemas new diff

-include mk/quality.mk

# The generator is installed into the venv as a package (editable): MkDocs finds its plugin by entry point.
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# The site engine: mkdocs (MkDocs 1.6) or properdocs (its maintained fork); see macros/engines.py.
ENGINE ?= mkdocs

# The offline copies need node_modules/ (iframe-worker's shim, see macros/offline.py).
build: $(STAMP) $(NODE_STAMP)
	$(PY) -m macros build --engine $(ENGINE)

# The site with the records still to confirm, each with a badge, into site-preview/ (never published).
preview: $(STAMP) $(NODE_STAMP)
	PREVIEW=true $(PY) -m macros build --no-extras --site site-preview --engine $(ENGINE)

check: $(STAMP)
	$(PY) -m macros check

# The JSON Schemas of the data files (schemas/*.json), for editors' tools; a test fails when they are stale.
schemas: $(STAMP)
	$(PY) -m macros schemas

# Start a new record: `make new` lists the kinds; `make new KIND=event` asks for its fields.
new: $(STAMP)
	$(PY) -m macros new $(KIND)

# Which records and pages the working tree adds, changes or removes since BASE (default origin/main).
BASE ?= origin/main
diff: $(STAMP)
	$(PY) -m macros diff $(BASE)

# What awaits a Secretariat's confirmation, per Secretariat, with the question to send.
review: $(STAMP)
	$(PY) -m macros review

# The live preview: one edition (EDITION=wco|ippc), one language (PREVIEW_LANGUAGE=en|fr|…; the
# rebuild after an edit is then quick), records to confirm badged, data errors shown in the page.
EDITION ?= wco
PREVIEW_LANGUAGE ?= en
ADDR ?= 127.0.0.1:8000
serve: $(STAMP)
	PREVIEW=true PREVIEW_LANGUAGE=$(PREVIEW_LANGUAGE) NO_MKDOCS_2_WARNING=1 \
	  $(PY) -m $(ENGINE) serve -f mkdocs.$(EDITION).yml --dev-addr $(ADDR)

test: test-deps lint typecheck
	$(PY) -m pytest

# The unit tests only (no build, no browser): feedback in seconds while you work.
test-fast: $(STAMP)
	$(PY) -m pytest -m unit -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf site site.new site.old site-preview .pytest_cache .mypy_cache

translations: $(STAMP)
	$(PY) -m macros translations

bench: $(STAMP)
	$(PY) tools/bench_growth.py

# How long `make serve` takes to show a data edit in the page (median of 7 edits, English WCO edition).
bench-serve: $(STAMP)
	$(PY) tools/bench_serve.py --runs 7

# The full build's cost against the quick one's (median of 3 each; goal: at most 1.6×).
bench-build: $(STAMP) $(NODE_STAMP)
	$(PY) tools/bench_build.py --engine $(ENGINE)
