"""The Dask engine against the local engine on one synthetic corpus, printed as Markdown tables.

Run from the project folder:
  python scripts/benchmark_dask.py [--documents 10000] [--workers 2] [--json PATH]

One corpus (scripts/synthetic_news.py, the documents axis of benchmark_run.py: files of two to four
paragraphs), two runs of `pipeline.run.run` each in a fresh process, rules only (use_model false, as in
config.yaml): the local engine on one process; the Dask engine on a LocalCluster of --workers processes
that the run starts and stops (what `summits run --engine dask` does); and the Dask engine on a
LocalCluster of as many workers that this script started before the run, with spaCy and the project
imported (what `--scheduler` does). Documents/s is over the pipeline loop (the run report's
process_seconds): for the local engine after its pipeline is built, for the Dask engine after the cluster
has started and every worker has built its pipeline (the run report's load_seconds holds that time). Target (issue 16): 2 workers at 1.6x the documents/s of one
process or more, with the four tables (mentions, events, participants, documents) byte for byte the same.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
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


def measure(documents: int, workers: int) -> dict:
    """The engines on one corpus, each run in a fresh process; the outputs compared table by table."""
    results = {"started": dt.datetime.now().isoformat(timespec="seconds"), "cpus": os.cpu_count(),
               "load_average": os.getloadavg()[0], "documents": documents, "workers": workers, "runs": []}
    with tempfile.TemporaryDirectory() as scratch:
        corpus, outputs = Path(scratch) / "corpus", Path(scratch)
        corpus.mkdir()
        write_documents(corpus, documents, NewsWriter(load_vocabulary(load_settings().models_dir), SEED))
        job = {"kind": "run", "folder": str(corpus), "use_model": False}
        results["runs"].append(_measured(RUNS[0], {**job, "processes": 1}, outputs))
        results["runs"].append(_measured(RUNS[1], {**job, "engine": "dask", "processes": workers}, outputs))
        with local_cluster(workers) as cluster, Client(cluster, set_as_default=False) as client:
            client.run(importlib.import_module, "pipeline.components.assemble")  # spaCy and our modules loaded
            results["runs"].append(_measured(RUNS[2], {**job, "engine": "dask", "processes": workers,
                                                        "scheduler": cluster.scheduler_address}, outputs))
        for run in results["runs"][1:]:
            run["different_tables"] = [table for table in TABLES if (outputs / "0" / "out" / table).read_bytes()
                                       != (outputs / run["number"] / "out" / table).read_bytes()]
    results["load_average_end"] = os.getloadavg()[0]
    return results


RUNS = ("local engine, one process", "Dask, its own LocalCluster (summits run --engine dask)",
        "Dask, a running LocalCluster (--scheduler)")


def _measured(what: str, job: dict, outputs: Path) -> dict:
    number = str(RUNS.index(what))
    measured = in_fresh_process({**job, "out": str(outputs / number)})
    print(f"  {what}: {measured['documents'] / measured['pipe']:.1f} documents/s", file=sys.stderr)
    return {"what": what, "number": number, "processes": job["processes"], **measured}


def print_table(results: dict) -> None:
    runs = results["runs"]
    rate = [run["documents"] / max(run["pipe"], 1e-9) for run in runs]
    print(f"{results['documents']:,} synthetic documents, rules only; {results['cpus']} CPUs, load average "
          f"{results['load_average']:.2f} at the start and {results['load_average_end']:.2f} at the end\n")
    print("| run | processes | documents | failed | pipeline loop (s) | documents/s | wall (s) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run, documents_per_second in zip(runs, rate):
        print(f"| {run['what']} | {run['processes']} | {run['documents']:,} | {run['failed']} | {run['pipe']:.1f} | "
              f"{documents_per_second:.1f} | {run['wall']:.1f} |")
    print("\n| target | measured | verdict |\n| --- | --- | --- |")
    for run, documents_per_second in zip(runs[1:], rate[1:]):
        speedup, identical = documents_per_second / rate[0], not run["different_tables"]
        print(f"| {run['what']}: {TWO_PROCESS_SPEEDUP}x the local engine or more | {speedup:.2f}x | "
              f"{_verdict(speedup >= TWO_PROCESS_SPEEDUP)} |")
        print(f"| {run['what']}: the four tables identical to the local engine's | "
              f"{'identical' if identical else 'differ: ' + ', '.join(run['different_tables'])} | {_verdict(identical)} |")


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
