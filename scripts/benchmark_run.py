"""Scaling and throughput of `summits run` on synthetic Dutch news, printed as Markdown tables for the README.

Run from the project folder:
  python scripts/benchmark_run.py [--quick] [--axes paragraph document documents] [--pipelines rules model]
                                  [--no-throughput] [--copies N] [--repeat 3] [--json PATH]
  python scripts/benchmark_run.py --table PATH      (the tables and targets of a saved --json file again)

Scaling axes (texts from scripts/synthetic_news.py; one seed, so a smaller size is the start of a larger one):
  paragraph  one file whose only paragraph holds 100, 400, 1,600 sentences
  document   one file of 100, 400, 1,600 paragraphs (a story of two to four sentences each)
  documents  100, 1,000, 10,000 files of two to four paragraphs
--quick uses 100, 400, 1,600 on every axis and 400 documents for the throughput runs.
Every run is `pipeline.run.run` in a fresh process, so its peak resident memory (ru_maxrss) is its own.
"processing" is wall time minus the model load (reading, pipeline, merging, writing); the time ratio is on it.
Throughput (documents/s over the pipeline loop, the report's process_seconds): the pipeline with the model
as a share of the bare model's nlp.pipe on the same texts (load excluded; the model as shipped, and with
only the components the pipeline loads: no parser, no lemmatizer), rules only, and 2 processes
over 1, on the 1,000-document corpus (or --copies of the sample articles in corpus/).
Timing is wall-clock, best of --repeat runs where a run is shorter than --cheap seconds: the machine is shared.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

sys.path.insert(0, os.getcwd())  # the project folder's `pipeline`, not an installed copy

from benchmark_tables import print_report  # noqa: E402  (this folder, sys.path[1])
from synthetic_news import (NewsWriter, load_vocabulary, write_document_file, write_documents,  # noqa: E402
                            write_paragraph_file)
from pipeline.components.assemble import UNUSED_MODEL_COMPONENTS, load_base_model  # noqa: E402
from pipeline.config import load_settings  # noqa: E402
from pipeline.reading.corpus import parse_header  # noqa: E402
from pipeline.run import run  # noqa: E402


@dataclass(frozen=True)
class Axis:
    label: str
    unit: str
    description: str
    sizes: tuple[int, ...]
    write: Callable[[Path, int, NewsWriter], int]


AXES = {
    "paragraph": Axis("one paragraph", "sentences", "one file whose only paragraph holds the sentences",
                      (100, 400, 1_600), write_paragraph_file),
    "document": Axis("one document", "paragraphs", "one file of paragraphs of two to four sentences",
                     (100, 400, 1_600), write_document_file),
    "documents": Axis("documents", "documents", "files of two to four paragraphs",
                      (100, 1_000, 10_000), write_documents),
}
QUICK_SIZES = (100, 400, 1_600)
THROUGHPUT_DOCUMENTS, QUICK_THROUGHPUT_DOCUMENTS = 1_000, 400
SEED = 7


def _usage() -> dict[str, float]:
    """Peak resident memory (MB) and CPU seconds of this process and of its finished children (the
    n_process workers; their peak is the largest one's): a main process that is busy while the workers
    wait shows here."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"peak_mb": own.ru_maxrss / 1024, "workers_peak_mb": workers.ru_maxrss / 1024,
            "cpu": own.ru_utime + own.ru_stime, "workers_cpu": workers.ru_utime + workers.ru_stime}


def measure_run(folder: Path, use_model: bool, processes: int, engine: str = "local", out: str = "",
                scheduler: str | None = None) -> dict:
    """One `summits run` over `folder`, in this process (a fresh one: see in_fresh_process); its outputs
    in `out` if given (to compare two runs), else in a folder that is removed."""
    settings = replace(load_settings(), n_process=processes)
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        result = run(settings, [folder], Path(out or scratch) / "out", use_model=use_model, show_progress=False,
                     engine=engine, scheduler=scheduler)
        wall = time.perf_counter() - started
    timings, counts = result.report["timings"], result.report["counts"]
    return {"model": result.report["model"], "wall": wall, "load": timings["load_seconds"],
            "process": wall - timings["load_seconds"], "pipe": timings["process_seconds"],
            "documents": counts["documents"], "words": counts["words"], "mentions": counts["mentions"],
            "events": counts["events"], "failed": len(result.report["failed_documents"]), **_usage()}


def body_texts(folder: Path) -> list[str]:
    """Each file's text after its ` date ...` header: what the pipeline hands to nlp.pipe."""
    texts = []
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append(text[parse_header(text)[1]:])
    return texts


def measure_bare(folder: Path, shipped: bool) -> dict:
    """The statistical model alone over the same texts: as shipped (every component), or with only the
    components the pipeline loads (the rules' own cost is the difference to the pipeline)."""
    settings = load_settings()
    started = time.perf_counter()
    exclude = () if shipped else UNUSED_MODEL_COMPONENTS
    choice = load_base_model(settings.spacy_model, settings.fallback_model, exclude)
    load = time.perf_counter() - started
    texts = body_texts(folder)
    piped = time.perf_counter()
    docs = list(choice.nlp.pipe(texts, batch_size=settings.batch_size))
    seconds = time.perf_counter() - piped
    words = sum(1 for doc in docs for token in doc if not token.is_space and not token.is_punct)
    return {"model": choice.name, "wall": time.perf_counter() - started, "load": load, "process": seconds,
            "pipe": seconds, "documents": len(docs), "words": words, **_usage()}


def in_fresh_process(job: dict) -> dict:
    """Run `job` in a new interpreter (this script with --worker), so its memory peak is its own."""
    command = [sys.executable, __file__, "--worker", json.dumps(job)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=os.getcwd(), check=False)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark worker failed ({job}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def work(job: dict) -> dict:
    folder = Path(job["folder"])
    if job["kind"] == "bare":
        return measure_bare(folder, job.get("shipped", False))
    return measure_run(folder, job["use_model"], job["processes"], job.get("engine", "local"), job.get("out", ""),
                       job.get("scheduler"))


def best_of(job: dict, repeat: int, cheap: float) -> dict:
    """The fastest of up to `repeat` runs (one only when a run takes longer than `cheap` seconds);
    the highest memory peak of them."""
    runs = []
    for _ in range(repeat):
        runs.append(in_fresh_process(job))
        if runs[-1]["wall"] > cheap:
            break
    best = dict(min(runs, key=lambda measured: measured["process"]))
    best.update(runs=len(runs), process_all=[round(measured["process"], 2) for measured in runs],
                peak_mb=max(measured["peak_mb"] for measured in runs))
    return best


def measure_axis(name: str, sizes: tuple[int, ...], pipeline: str, vocabulary, args) -> dict:
    axis, use_model, rows = AXES[name], pipeline == "model", []
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            axis.write(Path(folder), size, NewsWriter(vocabulary, SEED))
            measured = best_of({"kind": "run", "folder": folder, "use_model": use_model, "processes": 1},
                               args.repeat, args.cheap)
        rows.append({"size": size, **measured})
        print(f"  {name} {size} ({measured['model']}): processing {measured['process']:.2f} s, "
              f"{measured['peak_mb']:.0f} MB", file=sys.stderr)
    return {"name": name, "label": axis.label, "unit": axis.unit, "description": axis.description,
            "pipeline": "with the model" if use_model else "rules only", "rows": rows}


THROUGHPUT_RUNS = (  # (what, job) in the order of the table
    ("bare model nlp.pipe", {"kind": "bare", "shipped": True}),
    ("bare model nlp.pipe, the pipeline's components", {"kind": "bare"}),
    ("pipeline with the model", {"kind": "run", "use_model": True, "processes": 1}),
    ("pipeline with the model", {"kind": "run", "use_model": True, "processes": 2}),
    ("pipeline, rules only", {"kind": "run", "use_model": False, "processes": 1}),
    ("pipeline, rules only", {"kind": "run", "use_model": False, "processes": 2}),
)


def measure_throughput(vocabulary, args) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        if args.copies:
            articles = copy_samples(load_settings().corpus_dir, Path(folder), args.copies)
            corpus = f"{args.copies} copies of the {articles} sample articles in corpus/"
        else:
            count = QUICK_THROUGHPUT_DOCUMENTS if args.quick else THROUGHPUT_DOCUMENTS
            write_documents(Path(folder), count, NewsWriter(vocabulary, SEED))
            corpus = f"{count:,} synthetic documents, as on the documents axis"
        rows = []
        for what, job in THROUGHPUT_RUNS:
            measured = best_of({**job, "folder": folder}, args.repeat, args.cheap)
            rows.append({"what": what, "processes": job.get("processes", 1), **measured})
            print(f"  {what}, {rows[-1]['processes']} process(es): "
                  f"{measured['documents'] / measured['pipe']:.1f} documents/s", file=sys.stderr)
    return {"corpus": corpus, "rows": rows}


def copy_samples(source: Path, target: Path, copies: int) -> int:
    articles = sorted(source.glob("*.txt"))
    for number in range(copies):
        for article in articles:
            shutil.copy(article, target / f"{article.stem}_{number:05d}.txt")
    return len(articles)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="100, 400, 1,600 on every axis, 400 documents for throughput (5-10 minutes)")
    parser.add_argument("--axes", nargs="*", choices=list(AXES), default=list(AXES),
                        help="scaling axes to run (none: only throughput)")
    parser.add_argument("--pipelines", nargs="+", choices=("rules", "model"), default=["rules"],
                        help="run the axes rules only, with the model, or both (default: rules, as config.yaml)")
    parser.add_argument("--throughput", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--copies", type=int, default=0,
                        help="throughput on N copies of the sample articles instead of the synthetic corpus")
    parser.add_argument("--repeat", type=int, default=3, help="best of N for runs shorter than --cheap")
    parser.add_argument("--cheap", type=float, default=30.0, help="seconds; a longer run is not repeated")
    parser.add_argument("--json", type=Path, help="write the results here too")
    parser.add_argument("--table", type=Path, help="print the tables of a saved --json file and exit")
    parser.add_argument("--worker", help=argparse.SUPPRESS)  # one measurement in a fresh process
    return parser.parse_args()


def main() -> None:
    args = arguments()
    if args.worker:
        print(json.dumps(work(json.loads(args.worker))))
        return
    if args.table:
        print_report(json.loads(args.table.read_text(encoding="utf-8")))
        return
    results = {"command": " ".join([Path(sys.executable).name, *sys.argv]),
               "started": dt.datetime.now().isoformat(timespec="seconds"), "cpus": os.cpu_count(),
               "load_average": os.getloadavg()[0], "repeat": args.repeat, "cheap_seconds": args.cheap,
               "axes": [], "throughput": None}
    vocabulary = load_vocabulary(load_settings().models_dir)
    for pipeline in args.pipelines:
        for name in args.axes:
            sizes = QUICK_SIZES if args.quick else AXES[name].sizes
            results["axes"].append(measure_axis(name, sizes, pipeline, vocabulary, args))
    if args.throughput:
        results["throughput"] = measure_throughput(vocabulary, args)
    results["load_average_end"] = os.getloadavg()[0]
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print_report(results)


if __name__ == "__main__":
    main()
