# marsad: `make demo` sets everything up and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint docs bench clean

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

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests

docs: $(STAMP)
	$(BIN)/python -m marsad.clidocs > docs/cli.md
	$(BIN)/marsad schema > schemas/analysis-1.json

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
