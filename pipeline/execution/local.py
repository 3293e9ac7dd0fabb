"""Documents through the pipeline in this process: cleaned, batched with nlp.pipe, and each reduced to its
mention records. A batch in which one document raises is run again document by document, so a bad
document costs only itself; its failure is recorded with the component that raised."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, islice
from typing import Iterable, Iterator

from pipeline.export.offsets import to_original
from pipeline.reading.cleaning import clean
from pipeline.records import Article, Mention


@dataclass
class Outcome:
    """What one document leaves behind: its mentions (offsets into the original file) and its word count.
    Not its text: a run keeps only these, so memory grows with the mentions, not with the input."""
    doc_id: str
    mentions: list[Mention]
    n_words: int
    source_path: str = ""  # with doc_id, names the document (two files may give the same id)
    part: int = 0  # of a text cut into parts


def failure(article: Article | None, component: str, error: Exception | str) -> dict:
    """One failed document as the run report lists it."""
    text = error if isinstance(error, str) else f"{error.__class__.__name__}: {error}"
    return {"doc_id": article.doc_id if article else "?", "path": article.source_path if article else "",
            "component": component, "error": text}


def process_here(nlp, articles: Iterable[Article], rules, batch_size: int, min_confidence: float,
                 failures: list[dict]) -> Iterator[Outcome]:
    """An Outcome per document that went through; every other document gets an entry in `failures`."""
    retry: list[Article] = []  # documents of a batch in which one failed: each is tried again alone
    _set_error_handler(nlp, lambda _component, _proc, docs, _error: retry.extend(d._.article for d in docs))
    in_flight: dict[tuple[str, int], Article] = {}  # handed to nlp.pipe, not back yet
    docs = nlp.pipe(_docs(nlp, articles, rules, failures, in_flight), batch_size=batch_size)
    for doc in chain(docs, _second_chance(nlp, retry, in_flight, rules, failures)):
        article = doc._.article
        in_flight.pop((article.doc_id, article.part), None)
        kept = [m for m in doc._.mentions or [] if m.confidence >= min_confidence]
        n_words = sum(1 for token in doc if not token.is_space and not token.is_punct)
        yield Outcome(article.doc_id, to_original(kept, article, doc._.clean), n_words, article.source_path,
                      article.part)
    failed = {f["doc_id"] for f in failures}
    for key in sorted(in_flight):  # a document nlp.pipe dropped without a word: never silent
        if key[0] not in failed:
            failures.append(failure(in_flight[key], "pipeline", "the document did not come back from the pipeline"))


def _docs(nlp, articles: Iterable[Article], rules, failures: list[dict], in_flight: dict) -> Iterator:
    """Cleaned Docs carrying their Article; a text that cannot be cleaned is recorded, not fatal."""
    for article in articles:
        doc = _cleaned_doc(nlp, article, rules, failures)
        if doc is not None:
            in_flight[(article.doc_id, article.part)] = article
            yield doc


def _cleaned_doc(nlp, article: Article, rules, failures: list[dict]):
    try:
        cleaned = clean(article.raw_text, rules, article.body_start)
        doc = nlp.make_doc(cleaned.text)
    except Exception as error:  # noqa: BLE001 - one bad document never stops the others
        failures.append(failure(article, "cleaning", error))
        return None
    doc._.article, doc._.clean = article, cleaned
    return doc


def _second_chance(nlp, retry: list[Article], in_flight: dict, rules, failures: list[dict]) -> Iterator:
    """After the main stream: every document of a failed batch that did not come back is run again alone."""
    waiting = {(a.doc_id, a.part): a for a in retry}
    for key in sorted(waiting):
        if key in in_flight:
            doc = _alone(nlp, in_flight.pop(key), rules, failures)
            if doc is not None:
                yield doc


def _alone(nlp, article: Article, rules, failures: list[dict]):
    """One document through every component; a failure is recorded with its component."""
    doc = _cleaned_doc(nlp, article, rules, failures)
    if doc is None:
        return None
    for name, proc in nlp.pipeline:
        try:
            doc = proc(doc)
        except Exception as error:  # noqa: BLE001
            failures.append(failure(article, name, error))
            return None
    return doc


def _set_error_handler(nlp, handler) -> None:
    """Like Language.set_error_handler, but a compiled component without the hook (spaCy 3.8's parser
    raises AttributeError) keeps its own handler instead of aborting the run."""
    nlp.default_error_handler = handler
    for _name, proc in nlp.pipeline:
        try:
            proc.set_error_handler(handler)
        except AttributeError:
            pass


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """The articles in lists of `size` (the last one shorter), read as they are needed."""
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch
