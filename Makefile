# jobtrends front door. Every target works on a fresh clone with only Python and the registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: demo test test-faults lint bench eval clean install install-dev constraints

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# installs follow constraints.txt, the package set the tests pass with (refresh: make constraints)
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e ".[dev,scale]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make demo: set up, run the whole pipeline on the bundled demo board, print where results are;
## then backfill 24 months of the replica's HN threads and import a JobSpy-format CSV
demo: install
	$(BIN)/jobtrends run
	$(BIN)/jobtrends backfill hn --months 24
	$(BIN)/python -m importers.demo_jobspy data/demo/jobspy_jobs.csv
	$(BIN)/jobtrends import data/demo/jobspy_jobs.csv --source jobspy

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

## make eval: score extraction on labelled postings: ../shared/eval when it exists, else the
## small sample shipped in tests/fixtures/eval_sample; EVAL=<folder> picks any folder of gold files
EVAL_SAMPLE := tests/fixtures/eval_sample
EVAL ?= $(if $(wildcard $(SHARED)/eval/skills_dev.jsonl),$(SHARED)/eval,$(EVAL_SAMPLE))
eval: install
	$(BIN)/jobtrends eval --skills $(EVAL)/skills_dev.jsonl --titles $(EVAL)/titles_dev.jsonl \
		$(foreach f,$(wildcard $(EVAL)/salary_*dev.jsonl),--salary $(f))

## make constraints: re-pin constraints.txt from a fresh install of pyproject.toml (needs the registry)
constraints:
	rm -rf .venv-pin && $(PYTHON) -m venv .venv-pin && .venv-pin/bin/pip install -q --upgrade pip
	.venv-pin/bin/pip install -q -e ".[dev,scale]"
	{ echo "# Tested package set (Python 3.11). make demo / make test install with: pip install -c constraints.txt"; \
	  echo "# Refresh after changing pyproject.toml: make constraints (pip freeze of a fresh .venv, jobtrends itself excluded)"; \
	  .venv-pin/bin/pip freeze --exclude-editable | grep -vi '^jobtrends'; } > constraints.txt
	rm -rf .venv-pin

clean:
	rm -rf data reports jobtrends.duckdb jobtrends.duckdb.wal jobtrends.duckdb.lock
