"""The Dask engine against the local engine on one synthetic corpus, printed as a Markdown table.

Run from the project folder:
  python scripts/benchmark_dask.py [--documents 10000] [--workers 2] [--json PATH]

One corpus (scripts/synthetic_news.py, the documents axis of benchmark_run.py: files of two to four
paragraphs), two runs of `pipeline.run.run` each in a fresh process, rules only (use_model false, as in
config.yaml): the local engine on one process, then the Dask engine on a LocalCluster of --workers
processes that the run starts and stops. Documents/s is over the pipeline loop (the run report's
process_seconds), so the Dask figure pays for starting the cluster and building a pipeline in every
worker. Target (issue 16): 2 workers at 1.6x the documents/s of one process or more, with the four
tables (mentions, events, participants, documents) byte for byte the same.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.getcwd())  # the project folder's `pipeline`, not an installed copy

from benchmark_run import SEED, in_fresh_process  # noqa: E402  (this folder, sys.path[1])
from benchmark_tables import TWO_PROCESS_SPEEDUP, _verdict  # noqa: E402
from synthetic_news import NewsWriter, load_vocabulary, write_documents  # noqa: E402
from pipeline.config import load_settings  # noqa: E402

TABLES = ("mentions.csv", "events.csv", "participants.csv", "documents.csv")


def measure(documents: int, workers: int) -> dict:
    """Both engines on one corpus; the outputs compared table by table."""
    results = {"started": dt.datetime.now().isoformat(timespec="seconds"), "cpus": os.cpu_count(),
               "load_average": os.getloadavg()[0], "documents": documents, "workers": workers}
    with tempfile.TemporaryDirectory() as scratch:
        corpus, outputs = Path(scratch) / "corpus", Path(scratch)
        corpus.mkdir()
        write_documents(corpus, documents, NewsWriter(load_vocabulary(load_settings().models_dir), SEED))
        runs = {"local": {"engine": "local", "processes": 1}, "dask": {"engine": "dask", "processes": workers}}
        for name, job in runs.items():
            results[name] = in_fresh_process({"kind": "run", "folder": str(corpus), "use_model": False,
                                              "out": str(outputs / name), **job})
            print(f"  {name}: {results[name]['documents'] / results[name]['pipe']:.1f} documents/s", file=sys.stderr)
        results["different_tables"] = [table for table in TABLES if (outputs / "local" / "out" / table).read_bytes()
                                       != (outputs / "dask" / "out" / table).read_bytes()]
    results["load_average_end"] = os.getloadavg()[0]
    return results


def print_table(results: dict) -> None:
    rate = {name: results[name]["documents"] / max(results[name]["pipe"], 1e-9) for name in ("local", "dask")}
    speedup = rate["dask"] / rate["local"]
    identical = not results["different_tables"]
    print(f"{results['documents']:,} synthetic documents, rules only; {results['cpus']} CPUs, load average "
          f"{results['load_average']:.2f} at the start and {results['load_average_end']:.2f} at the end\n")
    print("| engine | processes | documents | failed | pipeline loop (s) | documents/s | wall (s) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, processes in (("local", 1), ("dask", results["workers"])):
        row = results[name]
        print(f"| {name} | {processes} | {row['documents']:,} | {row['failed']} | {row['pipe']:.1f} | "
              f"{rate[name]:.1f} | {row['wall']:.1f} |")
    print(f"\n| target | measured | verdict |\n| --- | --- | --- |")
    print(f"| Dask on {results['workers']} workers at {TWO_PROCESS_SPEEDUP}x one process or more | {speedup:.2f}x | "
          f"{_verdict(speedup >= TWO_PROCESS_SPEEDUP)} |")
    print(f"| identical mentions, events, participants, documents tables | "
          f"{'identical' if identical else 'differ: ' + ', '.join(results['different_tables'])} | "
          f"{_verdict(identical)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2, help="processes of the LocalCluster")
    parser.add_argument("--json", type=Path, help="write the results here too")
    args = parser.parse_args()
    results = measure(args.documents, args.workers)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print_table(results)


if __name__ == "__main__":
    main()
