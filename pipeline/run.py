"""`summits run`: stream articles through the pipeline and write mentions.csv, events.csv and the report.

Documents flow one at a time (nlp.pipe with batching); only the small Mention records are kept, so
memory does not grow with the size of the input. A document that makes a component fail is recorded
in the report and the run goes on.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from tqdm import tqdm

from pipeline.components.assemble import ModelChoice, build_pipeline
from pipeline.config import Settings
from pipeline.export.offsets import to_original
from pipeline.export.tables import rows_for, write_csv, write_json
from pipeline.knowledge.tables import read_words
from pipeline.merge.clusters import cluster_mentions
from pipeline.reading.cleaning import clean, load_junk_rules
from pipeline.reading.corpus import FileRecord, ReadOptions, read_articles
from pipeline.records import EVENT_COLUMNS, MENTION_COLUMNS, Article, Mention, PartialDate


@dataclass
class RunResult:
    out_dir: Path
    mentions: list[Mention] = field(default_factory=list)
    report: dict = field(default_factory=dict)


def _docs(nlp, articles: Iterable[Article], rules, failures: list[dict], sent: dict | None = None) -> Iterator:
    """Cleaned Docs carrying their Article; a text that cannot be cleaned is recorded, not fatal.
    `sent` collects every Article handed to the pipeline, by (doc_id, part)."""
    for article in articles:
        try:
            cleaned = clean(article.raw_text, rules, article.body_start)
            doc = nlp.make_doc(cleaned.text)
        except Exception as error:  # noqa: BLE001 - one bad document never stops the others
            failures.append(_failure(article, "cleaning", error))
            continue
        doc._.article = article
        doc._.clean = cleaned
        if sent is not None:
            sent[(article.doc_id, article.part)] = article
        yield doc


def _record_lost(handed: dict, returned: set, failures: list[dict]) -> None:
    """A document a worker process dropped (its error handler runs in the worker, out of our sight) is
    recorded here, so no document disappears silently."""
    failed = {f["doc_id"] for f in failures}
    for key in sorted(set(handed) - returned):
        if key[0] not in failed:
            failures.append(_failure(handed[key], "pipeline (worker process)",
                                     RuntimeError("the document did not come back from the pipeline")))


def _failure(article: Article | None, component: str, error: Exception) -> dict:
    return {"doc_id": article.doc_id if article else "?", "path": article.source_path if article else "",
            "component": component, "error": f"{error.__class__.__name__}: {error}"}


def _reading_setup(settings: Settings, default_date: PartialDate | None) -> tuple[ReadOptions, tuple]:
    """The word lists reading and cleaning need; a broken file is a DataError naming file and line."""
    lexicon = settings.models_dir / "lexicon"
    function_words = read_words(lexicon / "dutch_function_words.txt")
    rules = load_junk_rules(lexicon / "web_junk.txt")
    return ReadOptions(default_date, settings.max_file_bytes, function_words), rules


def _set_error_handler(nlp, handler) -> None:
    """Like Language.set_error_handler, but a compiled component without the hook (spaCy 3.8's parser
    raises AttributeError) keeps its own handler instead of aborting the run."""
    nlp.default_error_handler = handler
    for _name, proc in nlp.pipeline:
        try:
            proc.set_error_handler(handler)
        except AttributeError:
            pass


def run(settings: Settings, paths: list[Path], out_dir: Path, default_date: PartialDate | None = None,
        use_model: bool = True, show_progress: bool | None = None, choice: ModelChoice | None = None) -> RunResult:
    """Read, extract, merge and write; `choice` reuses an already built pipeline (tests, notebooks)."""
    started = time.perf_counter()
    options, rules = _reading_setup(settings, default_date)
    choice = choice or build_pipeline(settings, use_model)
    print(f"summits: {choice.note}", file=sys.stderr)
    records: list[FileRecord] = []
    failures: list[dict] = []
    _set_error_handler(choice.nlp, lambda component, _proc, docs, error: failures.extend(
        _failure(d._.article, component, error) for d in docs))
    articles = tqdm(read_articles(paths, options, records), desc="articles", unit="doc", file=sys.stderr,
                    disable=None if show_progress is None else not show_progress)
    loaded = time.perf_counter()
    mentions, n_docs, n_words = [], 0, 0
    handed: dict[tuple[str, int], Article] = {}
    returned: set[tuple[str, int]] = set()
    for doc in choice.nlp.pipe(_docs(choice.nlp, articles, rules, failures, handed), batch_size=settings.batch_size,
                               n_process=settings.n_process):
        n_docs += 1
        returned.add((doc._.article.doc_id, doc._.article.part))
        n_words += sum(1 for token in doc if not token.is_space and not token.is_punct)
        kept = [m for m in doc._.mentions or [] if m.confidence >= settings.min_confidence]
        mentions.extend(to_original(kept, doc._.article, doc._.clean))
    processed = time.perf_counter()
    _record_lost(handed, returned, failures)
    mention_rows, event_rows = rows_for(cluster_mentions(mentions))
    write_csv(out_dir / "mentions.csv", MENTION_COLUMNS, mention_rows)
    write_csv(out_dir / "events.csv", EVENT_COLUMNS, event_rows)
    _mark_failures(records, failures)
    report = {
        "model": choice.name, "model_note": choice.note,
        "files": [record.as_dict() for record in records],
        "failed_documents": failures,
        "counts": _counts(records, n_docs, n_words, len(mention_rows), len(event_rows)),
        "timings": {"load_seconds": round(loaded - started, 2), "process_seconds": round(processed - loaded, 2),
                    "total_seconds": round(time.perf_counter() - started, 2),
                    "words_per_second": round(n_words / max(processed - loaded, 1e-9))},
    }
    write_json(out_dir / "run_report.json", report)
    return RunResult(out_dir, mentions, report)


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
