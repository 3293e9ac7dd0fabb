# One command sets up and runs each job; the virtual environment is made on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test evaluate evaluate-dev benchmark-dates benchmark-run model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)                ## extract meetings from corpus/ into outputs/
	$(BIN)/summits run

test: $(STAMP)               ## the layering contract (import-linter), then the whole test suite
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

evaluate: run                ## score outputs/ against corpus/gold, the development, held-out and realistic sets
	$(BIN)/summits evaluate
	$(BIN)/summits run tests/data/dev --out outputs/dev
	$(BIN)/summits evaluate --gold tests/data/dev/gold.csv --pred outputs/dev/mentions.csv --out outputs/dev
	$(BIN)/summits run tests/data/heldout --out outputs/heldout
	$(BIN)/summits evaluate --gold tests/data/heldout/gold.csv --pred outputs/heldout/mentions.csv --out outputs/heldout
	$(BIN)/summits run tests/data/realistic --out outputs/realistic
	$(BIN)/summits evaluate --gold tests/data/realistic/gold.csv --pred outputs/realistic/mentions.csv --out outputs/realistic

benchmark-dates: $(STAMP)    ## our date normaliser against dateparser on tests/data/date_expressions.tsv
	$(BIN)/python scripts/benchmark_dates.py

benchmark-run: $(STAMP)      ## pipeline throughput on a synthetic corpus
	$(BIN)/python scripts/benchmark_run.py

model: $(STAMP)              ## retrain models/nl_summit_sm from training_data_dir (about an hour, one thread)
	$(BIN)/summits train-model

clean:
	rm -rf $(VENV) outputs/*.csv outputs/*.json outputs/*.md outputs/dev outputs/heldout outputs/realistic
