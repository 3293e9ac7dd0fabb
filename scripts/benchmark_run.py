"""Throughput and memory of `summits run` on a synthetic corpus (the sample articles copied N times).

Usage: python scripts/benchmark_run.py [--copies 200] [--no-model] [--processes 1]
Prints documents/second, words/second and the peak resident memory, for the README.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from pipeline.config import load_settings
from pipeline.run import run


def make_corpus(source: Path, target: Path, copies: int) -> int:
    articles = sorted(source.glob("*.txt"))
    for number in range(copies):
        for article in articles:
            shutil.copy(article, target / f"{article.stem}_{number:05d}.txt")
    return copies * len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    settings = replace(load_settings(), n_process=args.processes)
    with tempfile.TemporaryDirectory() as folder:
        corpus, out = Path(folder) / "corpus", Path(folder) / "out"
        corpus.mkdir()
        n_files = make_corpus(settings.corpus_dir, corpus, args.copies)
        started = time.perf_counter()
        result = run(settings, [corpus], out, use_model=not args.no_model, show_progress=False)
        seconds = time.perf_counter() - started
    counts, timings = result.report["counts"], result.report["timings"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model: {result.report['model']}; processes: {args.processes}")
    print(f"{n_files} files, {counts['documents']} documents, {counts['words']} words, {counts['mentions']} mentions")
    print(f"total {seconds:.1f} s (model load {timings['load_seconds']} s): "
          f"{counts['documents'] / timings['process_seconds']:.1f} documents/s, {timings['words_per_second']} words/s")
    print(f"peak resident memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
