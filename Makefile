# Earned — every task a developer or CI needs, from a stock Python 3.11.
# The virtual environment is built from the lock files (hashes checked), so a fresh clone needs
# nothing but `make run` or `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP     := $(VENV)/.dev-installed

.PHONY: run demo test test-all browser-test lint format typecheck check bench train-crisis lock clean help

help:  ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Earned needs Python 3.11 or newer.") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

$(DEV_STAMP): requirements-dev.lock $(RUNTIME_STAMP)
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	@touch $@

run: $(RUNTIME_STAMP)  ## start Earned on this machine and print the sign-in link (ARGS="--no-browser")
	@$(BIN)/earned serve $(ARGS)

demo: $(RUNTIME_STAMP)  ## start a demo Earned (a fictional person's six months) in .demo/
	@EARNED_DATA_DIR=.demo $(BIN)/earned demo
	@EARNED_DATA_DIR=.demo $(BIN)/earned serve $(ARGS)

test: $(DEV_STAMP)  ## the everyday suite, in parallel: all but the browser and the slow tests
	$(BIN)/pytest -n auto -m "not browser and not slow" $(ARGS)

test-all: $(DEV_STAMP)  ## the whole suite, in parallel: browser (Chromium) and slow tests included
	$(BIN)/pytest -n auto $(ARGS)

browser-test: $(DEV_STAMP)  ## the browser tests alone (needs Debian's chromium)
	$(BIN)/pytest -n auto -m browser $(ARGS)

lint: $(DEV_STAMP)  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP)  ## apply ruff's formatting and safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(DEV_STAMP)  ## mypy --strict
	$(BIN)/mypy

check: lint typecheck test-all  ## everything CI checks

bench: $(DEV_STAMP)  ## run the benchmarks in bench/ (ARGS="search" for one part)
	$(BIN)/python -m bench $(ARGS)

train-crisis: $(DEV_STAMP)  ## learn the crisis-language model's weights from the labelled corpora
	$(BIN)/python -m bench.crisis_model

lock:  ## re-resolve the lock files from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes -q -o requirements.lock
	uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --generate-hashes -q -o requirements-dev.lock

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
