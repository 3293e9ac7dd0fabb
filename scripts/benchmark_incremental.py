"""Incremental runs (issue 16): a full run over N synthetic documents, the same run again with nothing
changed, and again after adding 10 documents; each `summits run` in a fresh process.

Run from the project folder:  python scripts/benchmark_incremental.py [--documents 1000] [--added 10] [--model]
Prints a Markdown table: documents processed, the run's own time (run_report.json total_seconds: reading,
pipeline load when needed, processing, merging, writing) and the whole command's wall time (with Python's
start-up and imports), and the targets: 0 documents processed and under 10 % of the full run's time.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.getcwd())

from synthetic_news import NewsWriter, load_vocabulary, write_documents  # noqa: E402  (this folder)
from pipeline.config import load_settings  # noqa: E402

SHARE = 0.10


def summits_run(inputs: Path, out: Path, model: bool) -> dict:
    command = [sys.executable, "-m", "pipeline.cli", "run", str(inputs), "--out", str(out),
               "--model" if model else "--no-model"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=os.getcwd(), check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"summits run failed:\n{done.stderr[-2000:]}")
    report = json.loads((out / "run_report.json").read_text(encoding="utf-8"))
    return {"wall": wall, "run": report["timings"]["total_seconds"], **report["incremental"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--added", type=int, default=10)
    parser.add_argument("--model", action="store_true", help="with the bundled model (default: rules only)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as base:
        corpus, inputs, out = Path(base) / "all", Path(base) / "in", Path(base) / "out"
        corpus.mkdir()
        inputs.mkdir()
        write_documents(corpus, args.documents + args.added, NewsWriter(load_vocabulary(load_settings().models_dir), 5))
        files = sorted(corpus.glob("*.txt"))
        for path in files[:args.documents]:
            path.rename(inputs / path.name)
        rows = [("full run", summits_run(inputs, out, args.model))]
        rows.append(("again, nothing changed", summits_run(inputs, out, args.model)))
        for path in files[args.documents:]:
            path.rename(inputs / path.name)
        rows.append((f"{args.added} documents added", summits_run(inputs, out, args.model)))
    full = rows[0][1]
    print(f"{args.documents:,} synthetic documents, {'with the model' if args.model else 'rules only'}; "
          f"load average {os.getloadavg()[0]:.2f}\n")
    print("| run | processed | unchanged | new | run s | share of the full run | command wall s | share |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for what, row in rows:
        print(f"| {what} | {row['parts_processed']:,} | {row['unchanged']:,} | {row['new']:,} | {row['run']:.2f} | "
              f"{row['run'] / full['run']:.0%} | {row['wall']:.2f} | {row['wall'] / full['wall']:.0%} |")
    again, added = rows[1][1], rows[2][1]
    print(f"\n| target | measured | result |\n|---|---|---|")
    print(f"| nothing changed: 0 documents processed | {again['parts_processed']} | "
          f"{'PASS' if again['parts_processed'] == 0 else 'FAIL'} |")
    print(f"| nothing changed: under {SHARE:.0%} of the full run (the run's own time) | {again['run'] / full['run']:.1%} | "
          f"{'PASS' if again['run'] < SHARE * full['run'] else 'FAIL'} |")
    print(f"| {args.added} added: {args.added} processed | {added['parts_processed']} | "
          f"{'PASS' if added['parts_processed'] == args.added else 'FAIL'} |")


if __name__ == "__main__":
    main()
