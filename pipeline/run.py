"""`summits run`: stream articles through the pipeline and write the tables (CSV, DuckDB, Parquet) and the report.

Documents flow one at a time (nlp.pipe with batching); only the small Mention records are kept, so
memory does not grow with the size of the input. A document that makes a component fail is recorded
in the report and the run goes on.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import time
from functools import partial
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from tqdm import tqdm

from pipeline.config import Settings
from pipeline.execution.local import Outcome, process_here
from pipeline.execution.workers import process_in_workers
from pipeline.export.database import DATABASE_NAME, write_database
from pipeline.export.documents import DocumentLedger
from pipeline.export.output_set import OutputSet
from pipeline.export.store import PreviousRun, Reuse, versions, write_store
from pipeline.export.tables import ExportRows, rows_for, write_csv, write_json
from pipeline.knowledge.tables import read_words
from pipeline.merge.clusters import cluster_mentions
from pipeline.reading.cleaning import load_junk_rules
from pipeline.reading.corpus import FileRecord, ReadOptions, iter_input_files, read_files
from pipeline.records import (DOCUMENT_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, PARTICIPANT_COLUMNS, Article, Mention,
                              PartialDate)

if TYPE_CHECKING:  # spaCy is imported only when a document needs the pipeline: a run with nothing new is quick
    from pipeline.components.assemble import ModelChoice


@dataclass
class RunResult:
    out_dir: Path
    mentions: list[Mention] = field(default_factory=list)
    report: dict = field(default_factory=dict)


def _reading_setup(settings: Settings, default_date: PartialDate | None,
                   part_chars: int) -> tuple[ReadOptions, tuple]:
    """The word lists reading and cleaning need; a broken file is a DataError naming file and line."""
    lexicon = settings.models_dir / "lexicon"
    function_words = read_words(lexicon / "dutch_function_words.txt")
    rules = load_junk_rules(lexicon / "web_junk.txt")
    name_particles = read_words(lexicon / "name_particles.txt")
    return ReadOptions(default_date, part_chars, function_words, name_particles), rules


class NoInputError(ValueError):
    """No input file was found under the paths given: a usage error, the outputs are not touched."""


class NothingReadError(RuntimeError):
    """Input files were found but no document was processed; the outputs are not touched."""

    def __init__(self, message: str, report: dict):
        super().__init__(message)
        self.report = report


FAILED_RUN_REPORT = "last_failed_run.json"  # beside the output set, never part of it


def run(settings: Settings, paths: list[Path], out_dir: Path, default_date: PartialDate | None = None,
        use_model: bool | None = None, show_progress: bool | None = None, choice: ModelChoice | None = None,
        processes: int | None = None, full: bool = False, keep_missing: bool = False, engine: str = "local",
        scheduler: str | None = None) -> RunResult:
    """Read, extract, merge and write; `choice` reuses an already built pipeline (tests, notebooks).
    `use_model` and `processes` override config.yaml for this run. Engine "dask" runs the documents on the Dask
    cluster at `scheduler`, else on a LocalCluster of `processes` workers. Incremental: a document part unchanged
    since the previous run into `out_dir` (same code, data and settings) keeps its stored mentions; `full`
    processes everything; `keep_missing` keeps the stored mentions of documents no longer in the input.
    The outputs are replaced as a set, and only by a run that read at least one document
    (NothingReadError otherwise)."""
    started = time.perf_counter()
    records: list[FileRecord] = []
    files = list(iter_input_files(paths, records))
    if not files:
        raise NoInputError(f"no .txt or .jsonl input files found in {', '.join(str(p) for p in paths)}")
    limits = run_limits(settings)
    options, rules = _reading_setup(settings, default_date, limits["part_chars"])
    with OutputSet(out_dir) as output:  # taken first: a busy folder fails before the model loads
        wanted = versions(settings.models_dir, _reading_key(settings, use_model, choice))
        previous = PreviousRun(note="--full") if full else PreviousRun.read(out_dir / DATABASE_NAME, wanted)
        reuse = Reuse(previous, keep_missing)
        mentions, report = _extract(settings, files, records, options, rules, limits, started, use_model,
                                    show_progress, choice, processes, reuse, engine, scheduler)
        tables = report.pop("tables")
        if report["counts"]["documents"] == 0:
            write_json(out_dir / FAILED_RUN_REPORT, report)
            raise NothingReadError(f"no document was processed ({len(records)} file(s): see "
                                   f"{out_dir / FAILED_RUN_REPORT}); the previous outputs are kept", report)
        write_tables(output, tables, settings.spreadsheet_csv, partial(write_store, wanted=wanted, parts=reuse.store))
        write_json(output.path("run_report.json"), report)
        output.commit()
    (out_dir / FAILED_RUN_REPORT).unlink(missing_ok=True)
    return RunResult(out_dir, mentions, report)


def _reading_key(settings: Settings, use_model: bool | None, choice: ModelChoice | None) -> str:
    """The settings that shape mentions, for the pipeline version: which model reads, and the threshold."""
    if choice is not None:
        model = choice.name
    elif not (settings.use_model if use_model is None else use_model):
        model = "rules only"
    else:  # the model that will load: installing the configured one later must change the version
        installed = importlib.util.find_spec(settings.spacy_model) is not None
        model = settings.spacy_model if installed else f"{settings.fallback_model.name} (bundled)"
    return f"model {model}; min_confidence {settings.min_confidence}"


def write_tables(output: OutputSet, tables: dict, for_spreadsheets: bool, also=None) -> None:
    """Every table as CSV, then all of them in summits.duckdb (with `also`: the incremental store) and as
    Parquet."""
    for name, (columns, rows) in tables.items():
        write_csv(output.path(f"{name}.csv"), columns, rows, for_spreadsheets)
    write_database(output.folder, tables, also)


def _extract(settings: Settings, files: list[Path], records: list[FileRecord], options: ReadOptions, rules,
             limits: dict, started: float, use_model: bool | None, show_progress: bool | None,
             choice: ModelChoice | None, processes: int | None, reuse: Reuse, engine: str = "local",
             scheduler: str | None = None) -> tuple[list[Mention], dict]:
    """Every new or changed document through the pipeline, the others from the store; the mentions and the
    report (with the output tables under "tables": name -> (columns, rows)). The pipeline is built only
    when a document needs it: re-running unchanged inputs loads nothing."""
    print(f"summits: {len(files)} input file(s); {reuse.previous.note}", file=sys.stderr)
    # the bar shows the total from the start; its clock restarts when documents begin, so the ETA is theirs
    progress = tqdm(total=len(files), desc="files", unit="file", file=sys.stderr,
                    disable=None if show_progress is None else not show_progress)
    failures: list[dict] = []
    mentions, n_docs, n_words = [], 0, 0
    documents = DocumentLedger()
    fresh = reuse.only_fresh(_counting_files(read_files(files, options, records), records, progress, documents))
    first = next(fresh, None)
    processes = max(1, processes or settings.n_process)
    loaded = {"seconds": 0.0, "model": ("", "not loaded: no document needed processing")}

    def ready(seconds: float, model: tuple[str, str]) -> None:
        """The engine's pipeline is loaded: its time is load time, not processing time."""
        loaded.update(seconds=seconds, model=model)
        progress.write(f"summits: {model[1]}", file=sys.stderr)
        progress.set_description("files")
        progress.reset(total=len(files))
        progress.update(len(records))

    if first is None:
        outcomes = iter(())
    elif engine == "dask":  # the workers build the pipeline; this process needs none
        progress.set_description("starting the cluster")
        outcomes = _on_dask(settings, use_model, chain([first], fresh), rules, processes, failures, scheduler, ready)
    else:
        from pipeline.components.assemble import build_pipeline

        progress.set_description("loading")
        loading = time.perf_counter()
        choice = choice or build_pipeline(settings, use_model)
        ready(time.perf_counter() - loading, (choice.name, choice.note))
        outcomes = _outcomes(settings, choice, use_model, chain([first], fresh), rules, processes, failures)
    for outcome in outcomes:
        n_docs += 1
        n_words += outcome.n_words
        mentions.extend(outcome.mentions)
        documents.read(outcome.doc_id, outcome.source_path, outcome.n_words)
        reuse.processed(outcome.doc_id, outcome.source_path, outcome.part, outcome.n_words, outcome.mentions)
    progress.close()
    processed = time.perf_counter()
    n_reused = _add_stored(reuse, mentions, documents)
    failures.sort(key=lambda f: (f["path"], f["doc_id"], f["component"]))
    _mark_failures(records, failures)
    rows: ExportRows = rows_for(cluster_mentions(mentions))
    load_seconds = loaded["seconds"]
    model, model_note = loaded["model"]
    process_seconds = processed - started - load_seconds
    report = {
        "model": model, "model_note": model_note, "processes": processes, "engine": engine, "limits": limits,
        "incremental": {**reuse.counts(), "parts_processed": n_docs, "parts_reused": n_reused,
                        "note": reuse.previous.note},
        "files": [record.as_dict() for record in records],
        "failed_documents": failures,
        "counts": _counts(records, n_docs + n_reused, n_words, len(rows.mentions), len(rows.events)),
        "timings": {"load_seconds": round(load_seconds, 2), "process_seconds": round(process_seconds, 2),
                    "total_seconds": round(time.perf_counter() - started, 2),
                    "words_per_second": round(n_words / max(process_seconds, 1e-9))},
        "tables": {"mentions": (MENTION_COLUMNS, rows.mentions), "events": (EVENT_COLUMNS, rows.events),
                   "participants": (PARTICIPANT_COLUMNS, rows.participants),
                   "documents": (DOCUMENT_COLUMNS, documents.rows(failures, rows.mentions))},
    }
    return mentions, report


def _on_dask(settings: Settings, use_model: bool | None, articles: Iterable[Article], rules, processes: int,
             failures: list[dict], scheduler: str | None, ready) -> Iterator[Outcome]:
    """The Dask engine: a LocalCluster of `processes` workers (every core unless told), or the cluster at
    `scheduler`."""
    from pipeline.components.assemble import build_pipeline
    from pipeline.execution.dask_engine import process_on_dask  # dask loads only for this engine

    workers = processes if processes > 1 else max(2, os.cpu_count() or 1)
    return process_on_dask(partial(build_pipeline, settings, use_model), articles, rules, settings.batch_size,
                           settings.min_confidence, failures, scheduler, workers, ready)


def _outcomes(settings: Settings, choice: ModelChoice, use_model: bool | None, articles: Iterable[Article],
              rules, processes: int, failures: list[dict]) -> Iterator[Outcome]:
    """The local engine: this process, or worker processes."""
    from pipeline.components.assemble import build_pipeline

    if processes == 1:
        return process_here(choice.nlp, articles, rules, settings.batch_size, settings.min_confidence, failures)
    build = partial(build_pipeline, settings, use_model)
    return process_in_workers(choice.nlp, build, articles, rules, settings.batch_size, settings.min_confidence,
                              processes, failures)


def _add_stored(reuse: Reuse, mentions: list[Mention], documents: DocumentLedger) -> int:
    """The mentions of unchanged parts (and, with keep_missing, of documents no longer in the input) join
    this run's; the number of parts reused."""
    for key, stored in reuse.reused.items():
        mentions.extend(stored.mentions)
        documents.read(key[0], stored.source_path, stored.n_words)
    if reuse.keep_missing:
        for key, stored in reuse.missing().items():
            mentions.extend(stored.mentions)
            documents.kept(key[0], stored)
            reuse.store[key] = stored
    return len(reuse.reused)


def run_limits(settings: Settings) -> dict:
    """The sizes a run keeps to, stated in its report: a text is cut into parts of at most `part_chars`
    characters (at paragraph, then sentence breaks) so that a batch of `batch_size` parts stays within
    `batch_chars`, far below the size at which spaCy's parser overflows (about 699,000 tokens)."""
    part_chars = max(10_000, min(settings.max_file_bytes, settings.max_batch_chars // max(1, settings.batch_size)))
    return {"part_chars": part_chars, "batch_documents": settings.batch_size, "batch_chars": settings.max_batch_chars}


def _counting_files(articles: Iterable[Article], records: list[FileRecord], progress,
                    documents: DocumentLedger) -> Iterator[Article]:
    """Advance the progress bar by files as the reader moves through them; note each document."""
    seen = 0
    for article in articles:
        documents.seen(article)
        if len(records) != seen:
            progress.update(len(records) - seen)
            seen = len(records)
        yield article
    progress.update(len(records) - seen)


def _counts(records: list[FileRecord], n_docs: int, n_words: int, n_mentions: int, n_events: int) -> dict:
    statuses = [record.status for record in records]
    return {"files": len(records), "files_processed": statuses.count("processed") + statuses.count("partial"),
            "files_skipped": statuses.count("skipped"), "files_failed": statuses.count("failed"),
            "documents": n_docs, "words": n_words, "mentions": n_mentions, "events": n_events}


def _mark_failures(records: list[FileRecord], failures: list[dict]) -> None:
    failed = {f["doc_id"] for f in failures}
    for record in records:
        if failed & set(record.doc_ids):
            record.notes.append("document(s) failed in the pipeline: see failed_documents")
            record.status = "partial" if set(record.doc_ids) - failed else "failed"
