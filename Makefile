# devzones: `make report` runs the main job on the seeds, `make test` runs every test.
# Both create the virtual environment (.venv, Python 3.11, pip) when it is missing.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test lint lab bench clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/devzones extract seeds --out outputs/tables

test: $(STAMP)
	$(BIN)/ruff check lib tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check lib tests

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

clean-venv:
	rm -rf $(VENV)
