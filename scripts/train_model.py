"""Train nl_summit_sm from the open Dutch data and install it under models/ (issue 4).

Usage: OMP_NUM_THREADS=1 python3 scripts/train_model.py [--config config.yaml] [--work-dir training]
Run it in the background (it takes about an hour on one thread): nohup ... > training/train.log &
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before numpy loads: the machine's cores are shared
sys.path.insert(0, os.getcwd())  # run from the project folder (as for config.yaml) without installing

from pipeline.config import ConfigError, load_settings  # noqa: E402
from pipeline.offline.training import DEFAULT_CONFIG, ModelSizeError, install_model, train_model  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, train, and copy model-best to the configured fallback_model folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="the project's config.yaml (default: ./config.yaml)")
    parser.add_argument("--work-dir", default="training", help="converted data and checkpoints (git-ignored)")
    parser.add_argument("--spacy-config", default=str(DEFAULT_CONFIG), help="spaCy training config")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--max-steps", type=int, help="override training.max_steps (e.g. for a smoke run)")
    parser.add_argument("--alpino-dev-repeats", type=int, default=1, help="copies of UD Alpino dev in train")
    parser.add_argument("--no-install", action="store_true", help="train only; leave models/ alone")
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.config)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    overrides = {"training.max_steps": args.max_steps} if args.max_steps else {}
    best = train_model(settings.training_data_dir, Path(args.work_dir), args.threads, args.spacy_config, overrides,
                       args.alpino_dev_repeats)
    if args.no_install:
        return 0
    try:
        target = install_model(best, settings.fallback_model)
    except ModelSizeError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"installed {best} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
