"""Measure nl_summit_sm (NER on CoNLL-2002 testb, UPOS/LAS on UD Alpino test, speed) and update its card.

Usage (from the project folder): python3 scripts/evaluate_model.py [--model models/nl_summit_sm]
The figures go into models/nl_summit_sm.md between the `scores` markers and, as JSON, to --json.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before numpy loads: the machine's cores are shared
sys.path.insert(0, os.getcwd())  # run from the project folder (as for config.yaml) without installing

from pipeline.config import ConfigError, load_settings  # noqa: E402
from pipeline.offline.training import evaluate_model  # noqa: E402
from pipeline.offline.training_report import CardError, update_card  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, evaluate, write the JSON figures and the card's score block."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="the project's config.yaml (default: ./config.yaml)")
    parser.add_argument("--model", help="pipeline folder (default: fallback_model in config.yaml)")
    parser.add_argument("--card", help="model card to update (default: <models_dir>/nl_summit_sm.md)")
    parser.add_argument("--json", default="training/eval.json", help="where to write the figures as JSON")
    parser.add_argument("--work-dir", default="training/eval_corpus", help="converted test data (git-ignored)")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    model = Path(args.model) if args.model else settings.fallback_model
    card = Path(args.card) if args.card else settings.models_dir / "nl_summit_sm.md"
    results = evaluate_model(model, settings.training_data_dir, args.work_dir)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    try:
        update_card(card, results)
    except CardError as error:
        print(error, file=sys.stderr)
        return 1
    print(json.dumps({key: value for key, value in results.items() if key != "counts"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
