# devzones: `make report` runs the main job on the seeds, `make test` runs every test.
# Both create the virtual environment (.venv, Python 3.11, pip) when it is missing.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := $(VENV)/share/jupyter/kernels/python3/kernel.json
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

.PHONY: report test lint lab bench notebooks browser clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The notebooks' kernel is the venv's own Python (papermill, nbval and JupyterLab look here).
$(KERNEL): $(STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null

report: $(KERNEL)
	$(BIN)/devzones report --corpus seeds --out outputs

# Re-execute the committed notebooks in place on the seeds: their outputs are what nbval checks.
notebooks: $(KERNEL)
	cd notebooks && for nb in zones chains investment; do \
	  ../$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --ExecutePreprocessor.record_timing=False $$nb.ipynb || exit 1; done

# The HTML test opens the reports in headless Chromium: install it when missing and root.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -qq chromium || { apt-get update -qq && apt-get install -y -qq chromium; } \
	  || echo "could not install chromium: the headless-browser test will be skipped"; \
	else echo "chromium missing and not root: the headless-browser test will be skipped"; fi

test: $(KERNEL) browser
	$(BIN)/ruff check lib tests benchmarks
	$(BIN)/python -m pytest tests notebooks $(NBVAL)

lint: $(STAMP)
	$(BIN)/ruff check lib tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lab: $(KERNEL)
	$(BIN)/jupyter lab notebooks

clean-venv:
	rm -rf $(VENV)
