"""Documents spread over worker processes, each running the whole pipeline on batches of articles and
sending back only their mention records.

spaCy's own `nlp.pipe(n_process=...)` waits for ever when a worker is killed (out of memory, a crash in
compiled code); here a worker that dies breaks only the pool: the batches it held are run again one
document at a time in a fresh pool, and the one document that kills a worker again is `failed` in the
report. Workers are forked from this process where the system allows it, so they share the pipeline it
has already loaded instead of loading their own.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from pipeline.execution.local import Outcome, batches, failure, process_here
from pipeline.records import Article

_WORKER: dict = {}  # this process's pipeline and settings: set before forking, or built by `_start`


def process_in_workers(nlp, build: Callable[[], object], articles: Iterable[Article], rules, batch_size: int,
                       min_confidence: float, processes: int, failures: list[dict]) -> Iterator[Outcome]:
    """Like `process_here` with `processes` workers. `build` makes the pipeline in a worker that cannot be
    forked from this one (spawn start method)."""
    _WORKER.update(nlp=nlp, build=build, rules=rules, batch_size=batch_size, min_confidence=min_confidence)
    suspects: list[Article] = []  # the documents of batches whose worker died
    pool = _pool(processes)
    pending: dict[Future, list[Article]] = {}
    try:
        for batch in batches(articles, batch_size):
            while len(pending) >= 2 * processes:  # a few batches ahead of the workers: memory stays flat
                pool = yield from _collect(pool, pending, suspects, failures, processes)
            pending[pool.submit(_work, batch)] = batch
        while pending:
            pool = yield from _collect(pool, pending, suspects, failures, processes)
        yield from _one_by_one(pool, suspects, failures)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _collect(pool: ProcessPoolExecutor, pending: dict, suspects: list[Article], failures: list[dict],
             processes: int):
    """Yield the outcomes of the batches that are done; returns the pool to go on with (a new one if a
    worker died, after moving every unfinished batch to `suspects`)."""
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    broken = False
    for future in done:
        batch = pending.pop(future)
        try:
            outcomes, batch_failures = future.result()
        except BrokenProcessPool:
            broken = True
            suspects.extend(batch)
            continue
        except Exception:  # noqa: BLE001 - e.g. a result that cannot be sent back: try its documents alone
            suspects.extend(batch)
            continue
        failures.extend(batch_failures)
        yield from outcomes
    if not broken:
        return pool
    for batch in pending.values():  # every batch in flight went down with the pool
        suspects.extend(batch)
    pending.clear()
    pool.shutdown(wait=False, cancel_futures=True)
    return _pool(processes)


def _one_by_one(pool: ProcessPoolExecutor, suspects: list[Article], failures: list[dict]) -> Iterator[Outcome]:
    """The documents of lost batches, one at a time: a worker that dies now names its document."""
    for article in sorted(suspects, key=lambda a: (a.doc_id, a.part)):
        try:
            outcomes, batch_failures = pool.submit(_work, [article]).result()
        except BrokenProcessPool:
            failures.append(failure(article, "worker process", "the worker process died on this document "
                                                                 "(killed, out of memory or crashed)"))
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _pool(1)
            continue
        except Exception as error:  # noqa: BLE001
            failures.append(failure(article, "worker process", error))
            continue
        failures.extend(batch_failures)
        yield from outcomes
    pool.shutdown(wait=False, cancel_futures=True)


def _pool(processes: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=_start,
                               initargs=({k: v for k, v in _WORKER.items() if k != "nlp"},)
                               if context.get_start_method() != "fork" else ())


def _start(settings: dict | None = None) -> None:
    """In a spawned worker: build the pipeline once (a forked worker has it already)."""
    if settings is not None:
        _WORKER.update(settings, nlp=settings["build"]().nlp)


def _work(batch: list[Article]) -> tuple[list[Outcome], list[dict]]:
    failures: list[dict] = []
    outcomes = list(process_here(_WORKER["nlp"], batch, _WORKER["rules"], _WORKER["batch_size"],
                                 _WORKER["min_confidence"], failures))
    return outcomes, failures
