# kcanalysis: two commands on a fresh machine with Python 3.11 (`make help` lists all).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help reports test test-fast bench lint format demo-data clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

reports: $(STAMP) ## Set up and render the demo reports to outputs/
	$(BIN)/kcanalysis info
	$(BIN)/kcanalysis batch params/demo.yaml

test: $(STAMP) ## Set up and run the whole test suite (notebook and browser tests included)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## Run the tests not marked slow
	$(BIN)/python -m pytest -m "not slow"

bench: $(STAMP) ## Run the benchmarks (they print ratios; not part of the tests)
	$(BIN)/python benchmarks/methods_bench.py
	$(BIN)/python benchmarks/ingest_bench.py
	$(BIN)/python benchmarks/batch_bench.py

lint: $(STAMP) ## Run ruff
	$(BIN)/ruff check kcanalysis tests benchmarks
	$(BIN)/ruff format --check kcanalysis tests benchmarks

format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff format kcanalysis tests benchmarks

demo-data: $(STAMP) ## Regenerate the synthetic demo panel (seeded, byte-identical)
	$(BIN)/python -m kcanalysis.datasets.generate_demo kcanalysis/data

clean: ## Remove the virtual environment and rendered outputs
	rm -rf $(VENV) outputs/*/
