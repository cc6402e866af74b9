# jobtrends front door. Every target works on a fresh clone with only Python and the registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: demo test test-faults lint bench eval clean install install-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev,scale]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make demo: set up, run the whole pipeline on the bundled demo board, print where results are
demo: install
	$(BIN)/jobtrends run

## make test: set up with dev extras and run the test suite (fast fault cases included)
test: install-dev
	$(BIN)/pytest -q -m "not faults_slow" tests

## make test-faults: the whole fault-injection and crash-safety suite
test-faults: install-dev
	$(BIN)/pytest -q tests -m "faults or faults_slow"

lint: install-dev
	$(BIN)/ruff check spiders pipelines flows analytics tests bench
	$(BIN)/ruff format --check spiders pipelines flows analytics tests bench

## make bench [CORPUS=postings.jsonl]: speed table; real-text rows from CORPUS or ../shared/eval
bench: install-dev
	$(BIN)/python -m bench.run $(if $(CORPUS),--corpus $(CORPUS)) $(BENCH_ARGS)

## make eval: score extraction on the labelled postings in ../shared/eval
eval: install
	$(BIN)/jobtrends eval --skills $(SHARED)/eval/skills_dev.jsonl --titles $(SHARED)/eval/titles_dev.jsonl \
		--salary $(SHARED)/eval/salary_dev.jsonl --salary $(SHARED)/eval/salary_hard_dev.jsonl

clean:
	rm -rf data reports jobtrends.duckdb jobtrends.duckdb.wal jobtrends.duckdb.lock
