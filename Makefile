# marsad: `make demo` sets everything up and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test test-services stop-services lint docs bench clean train-ner test-train-ner

$(STAMP): pyproject.toml requirements/lock.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements/lock.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/marsad analyze examples/ --format jsonl --output out/examples.jsonl
	$(BIN)/marsad analyze examples/ --format table
	@echo "Full Analysis records (marsad.analysis/1): out/examples.jsonl"
	$(BIN)/marsad ingest examples/ --db out/marsad.db --quiet
	@echo "Store: out/marsad.db. Browse it with: $(BIN)/marsad serve --db out/marsad.db"
	@echo "  then open http://127.0.0.1:8000/ (API schema: http://127.0.0.1:8000/openapi.json)"

# Services the store, API and UI tests use: a throwaway PostgreSQL cluster on 127.0.0.1
# and Debian's Chromium. Installed and started only as root (CI); without them those tests
# skip, or fail when MARSAD_REQUIRE_SHARED=1.
PG_PORT ?= 54329
PG_DIR ?= /tmp/marsad-pg
PG_URL := postgresql://postgres@127.0.0.1:$(PG_PORT)/postgres
PG_BIN = $$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
TEST_SERVICES := $(if $(filter 0,$(shell id -u)),test-services)

test-services:
	@if ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; \
	then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  postgresql chromium fonts-noto-core >/dev/null; fi
	@if ! $(PG_BIN)/pg_isready -q -h 127.0.0.1 -p $(PG_PORT); then \
	  rm -rf $(PG_DIR) && mkdir -p $(PG_DIR) && chown postgres $(PG_DIR) && \
	  runuser -u postgres -- $(PG_BIN)/initdb -D $(PG_DIR)/data -A trust -U postgres --no-sync \
	    -E UTF8 --locale=C.UTF-8 >/dev/null && \
	  runuser -u postgres -- $(PG_BIN)/pg_ctl -D $(PG_DIR)/data -l $(PG_DIR)/log -w \
	    -o "-h 127.0.0.1 -p $(PG_PORT) -k $(PG_DIR) -c fsync=off" start >/dev/null; fi
	@echo "PostgreSQL for tests: $(PG_URL)"

stop-services:
	-runuser -u postgres -- $(PG_BIN)/pg_ctl -D $(PG_DIR)/data -m fast stop

test: $(STAMP) $(TEST_SERVICES)
	$(BIN)/ruff check src tests benchmarks
	if $(PG_BIN)/pg_isready -q -h 127.0.0.1 -p $(PG_PORT) 2>/dev/null; then \
	  export MARSAD_TEST_PG=$(PG_URL); fi; $(BIN)/python -m pytest -q

# Benchmarks: a report in BENCHMARKS.md, each figure next to a reference measured in the
# same run. The transformer reference (torch CPU, transformers) gets its own environment:
# thinc imports torch whenever it is installed, which would slow every marsad start.
BENCH_VENV := .venv-bench

$(BENCH_VENV)/.installed:
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet torch==2.13.0 transformers==5.23.0
	touch $@

bench: $(STAMP) $(BENCH_VENV)/.installed
	$(BIN)/pip install --quiet -c requirements/lock.txt -e ".[dev,bench]"
	$(BIN)/python benchmarks/run.py

# Retraining the NER model (`marsad train ner`, ../shared needed) in its own environment
# with PyTorch, which tagging does not need; pass options as ARGS="--reuse-clusters".
# PyPI's Linux torch wheel brings CUDA libraries; for the CPU-only one, add
# TORCH_INDEX=https://download.pytorch.org/whl/cpu. `make test-train-ner` runs the tests
# that need PyTorch (seeded training, NumPy export).
TRAIN_VENV := .venv-train
TORCH_INDEX ?=

$(TRAIN_VENV)/.installed: pyproject.toml requirements/lock.txt
	test -x $(TRAIN_VENV)/bin/python || $(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/pip install --quiet -c requirements/lock.txt \
	  $(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX)) -e ".[train]" pytest==9.2.0
	touch $@

train-ner: $(TRAIN_VENV)/.installed
	$(TRAIN_VENV)/bin/marsad train ner $(ARGS)

test-train-ner: $(TRAIN_VENV)/.installed
	$(TRAIN_VENV)/bin/python -m pytest -q tests/test_ner_bilstm.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

docs: $(STAMP)
	$(BIN)/python -m marsad.clidocs > docs/cli.md
	$(BIN)/marsad schema > schemas/analysis-1.json

clean:
	rm -rf $(VENV) $(TRAIN_VENV) out .pytest_cache .ruff_cache
