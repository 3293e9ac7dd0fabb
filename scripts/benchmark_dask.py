"""The Dask engine against the local engine on one synthetic corpus, printed as Markdown tables.

Run from the project folder:
  python scripts/benchmark_dask.py [--documents 10000] [--workers 2] [--rounds 3] [--json PATH]

One corpus (scripts/synthetic_news.py, the documents axis of benchmark_run.py: files of two to four
paragraphs), rules only (use_model false, as in config.yaml), three runs of `pipeline.run.run` per round,
each in a fresh process: the local engine on one process; the Dask engine on a LocalCluster of --workers
processes that the run starts and stops (what `summits run --engine dask` does); and the Dask engine on a
LocalCluster of as many workers that this script started before the run, with spaCy and the project
imported (what `--scheduler` does). Documents/s is over the pipeline loop (the run report's
process_seconds): for the local engine after its pipeline is built, for the Dask engine after the cluster
has started and every worker has built its pipeline (the run report's load_seconds holds that time).

A shared machine's speed drifts by 10 to 20 % over minutes, more than the difference measured, so every
engine runs --rounds times, in an order that turns round each round, and each engine's median run counts
(its fastest is printed beside it, and every round's own ratio). Target (issue 16): 2 workers at 1.6x the documents/s of one
process or more, with the four tables (mentions, events, participants, documents) byte for byte the same.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.getcwd())  # the project folder's `pipeline`, not an installed copy

from benchmark_run import SEED, in_fresh_process  # noqa: E402  (this folder, sys.path[1])
from benchmark_tables import TWO_PROCESS_SPEEDUP, _verdict  # noqa: E402
from synthetic_news import NewsWriter, load_vocabulary, write_documents  # noqa: E402
from distributed import Client  # noqa: E402
from pipeline.config import load_settings  # noqa: E402
from pipeline.execution.dask_engine import local_cluster  # noqa: E402

TABLES = ("mentions.csv", "events.csv", "participants.csv", "documents.csv")
RUNS = ("local engine, one process", "Dask, its own LocalCluster (summits run --engine dask)",
        "Dask, a running LocalCluster (--scheduler)")


def measure(documents: int, workers: int, rounds: int) -> dict:
    """The engines on one corpus, `rounds` times, each run in a fresh process; the outputs compared table
    by table with the local engine's. The order turns round every round (local engine first, then last), so
    that a machine that slows down or speeds up during the benchmark favours neither engine."""
    results = {"started": dt.datetime.now().isoformat(timespec="seconds"), "cpus": os.cpu_count(),
               "load_average": os.getloadavg()[0], "documents": documents, "workers": workers, "runs": []}
    with tempfile.TemporaryDirectory() as scratch:
        corpus, outputs = Path(scratch) / "corpus", Path(scratch)
        corpus.mkdir()
        write_documents(corpus, documents, NewsWriter(load_vocabulary(load_settings().models_dir), SEED))
        job = {"kind": "run", "folder": str(corpus), "use_model": False}
        for number in range(rounds):
            order = RUNS if number % 2 == 0 else tuple(reversed(RUNS))
            for what in order:
                results["runs"].append(_measured(number, what, job, workers, outputs))
        reference = outputs / _folder(0, RUNS[0]) / "out"
        for run in results["runs"]:
            run["different_tables"] = [table for table in TABLES if (reference / table).read_bytes()
                                       != (outputs / run["folder"] / "out" / table).read_bytes()]
    results["load_average_end"] = os.getloadavg()[0]
    return results


def _measured(number: int, what: str, job: dict, workers: int, outputs: Path) -> dict:
    folder = _folder(number, what)
    if what == RUNS[0]:
        measured = in_fresh_process({**job, "processes": 1, "out": str(outputs / folder)})
    elif what == RUNS[1]:
        measured = in_fresh_process({**job, "engine": "dask", "processes": workers, "out": str(outputs / folder)})
    else:  # a cluster started before the run, its workers with spaCy and our modules already imported
        with local_cluster(workers) as cluster, Client(cluster, set_as_default=False) as client:
            client.run(importlib.import_module, "pipeline.components.assemble")
            measured = in_fresh_process({**job, "engine": "dask", "processes": workers, "out": str(outputs / folder),
                                         "scheduler": cluster.scheduler_address})
    print(f"  round {number + 1}, {what}: {measured['documents'] / measured['pipe']:.1f} documents/s", file=sys.stderr)
    return {"what": what, "round": number + 1, "folder": folder,
            "processes": 1 if what == RUNS[0] else workers, **measured}


def _folder(number: int, what: str) -> str:
    return f"{number}-{RUNS.index(what)}"


def _rate(run: dict) -> float:
    return run["documents"] / max(run["pipe"], 1e-9)


def print_table(results: dict) -> None:
    runs = results["runs"]
    print(f"{results['documents']:,} synthetic documents, rules only; {results['cpus']} CPUs, load average "
          f"{results['load_average']:.2f} at the start and {results['load_average_end']:.2f} at the end\n")
    print("| round | run | processes | documents | failed | pipeline loop (s) | documents/s | wall (s) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        print(f"| {run['round']} | {run['what']} | {run['processes']} | {run['documents']:,} | {run['failed']} | "
              f"{run['pipe']:.1f} | {_rate(run):.1f} | {run['wall']:.1f} |")
    rates = {what: [_rate(run) for run in runs if run["what"] == what] for what in RUNS}
    typical = {what: statistics.median(rates[what]) for what in RUNS}
    print(f"\nEvery engine's median run counts (its fastest in brackets); local engine {typical[RUNS[0]]:.1f} "
          f"({max(rates[RUNS[0]]):.1f}) documents/s.\n")
    print("| target | measured: median (fastest) | per round | verdict |\n| --- | --- | --- | --- |")
    for what in RUNS[1:]:
        speedup = typical[what] / typical[RUNS[0]]
        per_round = ", ".join(f"{rate / local:.2f}x" for rate, local in zip(rates[what], rates[RUNS[0]]))
        print(f"| {what}: {TWO_PROCESS_SPEEDUP}x the local engine or more | {speedup:.2f}x "
              f"({max(rates[what]) / max(rates[RUNS[0]]):.2f}x) | {per_round} | {_verdict(speedup >= TWO_PROCESS_SPEEDUP)} |")
    different = sorted({table for run in runs for table in run["different_tables"]})
    print(f"| every run: the four tables identical to the local engine's first run | "
          f"{'identical' if not different else 'differ: ' + ', '.join(different)} | | {_verdict(not different)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2, help="processes of the LocalCluster")
    parser.add_argument("--rounds", type=int, default=3, help="times every engine runs (the fastest counts)")
    parser.add_argument("--json", type=Path, help="write the results here too")
    args = parser.parse_args()
    results = measure(args.documents, args.workers, args.rounds)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print_table(results)


if __name__ == "__main__":
    main()
