"""Documents spread over a Dask cluster (dask.distributed): batches of articles go to the workers, each
worker runs the whole pipeline on them and sends back only their mention records; merging and export
stay with the caller.

Without a scheduler address a LocalCluster of worker processes starts on this machine and stops at the
end; with one, the run uses that cluster and leaves it running. Each worker builds the pipeline once per
run (per thread, as spaCy pipelines are not shared between threads). A batch whose worker dies is tried
on another worker; a batch that is lost twice, or raises twice, is run again one document at a time, and
the one document that fails twice more is `failed` in the report. dask is imported only here, and only
when this engine runs.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from pipeline.execution.local import Outcome, batches, failure, process_here
from pipeline.records import Article

ALLOWED_FAILURES = 1  # a worker may die once under a task: the task is tried twice, then KilledWorker
RETRIES = 1  # a task that raises is tried once more, so twice in all
BATCHES_PER_THREAD = 3  # in flight per worker thread: the workers never wait, memory stays flat
CONNECT_SECONDS = 10  # a scheduler that does not answer in this time is out of reach (Dask's default: 30)
WORKER_DIED = "the worker process died on this document (killed, out of memory or crashed)"
_THIS_THREAD = threading.local()  # in a worker: the run it last worked for and that run's pipeline


class ClusterError(RuntimeError):
    """The Dask scheduler could not be reached: nothing was processed."""


@dataclass(frozen=True)
class _Job:
    """What every task needs besides its articles; `run` tells a worker when to build a new pipeline."""
    run: str
    build: Callable[[], object]
    rules: tuple
    batch_size: int
    min_confidence: float


def process_on_dask(build: Callable[[], object], articles: Iterable[Article], rules, batch_size: int,
                    min_confidence: float, failures: list[dict], scheduler: str | None = None,
                    workers: int = 2, ready: Callable[[float, tuple[str, str]], None] | None = None
                    ) -> Iterator[Outcome]:
    """Like `process_here` on a Dask cluster: the one at `scheduler` (an address such as
    tcp://10.0.0.5:8786), else a LocalCluster of `workers` processes. `build` is a picklable callable
    without arguments that returns the pipeline's ModelChoice, e.g. partial(build_pipeline, settings).
    Every worker builds its pipeline before the first batch; `ready(seconds, (model name, note))` is told
    how long the cluster took to be ready (start and builds: the engine's load time)."""
    from distributed import KilledWorker

    started = time.perf_counter()
    job = _Job(uuid.uuid4().hex, build, rules, batch_size, min_confidence)
    with _quiet_logs(), _client(scheduler, workers) as client:
        model = _warm_up(client, job)
        if ready is not None:
            ready(time.perf_counter() - started, model)
        ahead = BATCHES_PER_THREAD * max(1, sum(client.nthreads().values()))
        suspects: list[Article] = []  # the documents of batches that failed twice

        def lost(batch: list[Article], error: Exception) -> None:
            if len(batch) > 1:
                suspects.extend(batch)  # each is tried alone at the end
            else:
                why = WORKER_DIED if isinstance(error, KilledWorker) else error
                failures.append(failure(batch[0], "worker process", why))

        yield from _run_tasks(client, job, batches(articles, batch_size), ahead, failures, lost)
        # one task at a time: a document that kills its worker must not take a neighbour queued there with it
        alone = ([article] for article in sorted(suspects, key=lambda a: (a.doc_id, a.part)))
        yield from _run_tasks(client, job, alone, 1, failures, lost)


def local_cluster(workers: int):
    """A LocalCluster of `workers` single-threaded processes, without a dashboard, that tries a task
    twice when its worker dies. Its workers log only what is critical: at the end of a run they may log an
    error for a heartbeat the closing scheduler no longer answers. Without a dashboard nobody reads the
    workers' statistical profiler, which samples the task's stack 100 times a second: it is off."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):  # the nannies copy it to the workers
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                            silence_logs=logging.CRITICAL, scheduler_kwargs={"allowed_failures": ALLOWED_FAILURES})


@contextmanager
def _client(scheduler: str | None, workers: int):
    from distributed import Client

    if scheduler is None:
        with local_cluster(workers) as cluster, Client(cluster, set_as_default=False) as client:
            yield client
        return
    try:
        client = Client(scheduler, set_as_default=False, timeout=CONNECT_SECONDS)
    except (OSError, ValueError) as error:  # a timeout is an OSError, a malformed address a ValueError
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    with client:  # closes the connection, not the cluster
        yield client


@contextmanager
def _quiet_logs():
    """Dask logs each lost worker and retried task; the run report says what became of the documents."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _run_tasks(client, job: _Job, batches: Iterable[list[Article]], ahead: int, failures: list[dict],
               lost: Callable[[list[Article], Exception], None]) -> Iterator[Outcome]:
    """Each batch as one task, at most `ahead` at a time; the outcomes of those that come back, and
    `lost(batch, error)` for each that does not (its worker died twice, or it raised twice)."""
    from distributed import as_completed

    running = as_completed(loop=client.loop)
    waiting: dict[str, list[Article]] = {}
    for number, batch in enumerate(batches):
        key = f"summits-{job.run}-{len(batch)}-{number}"
        waiting[key] = batch
        running.add(client.submit(_work, job, batch, key=key, retries=RETRIES))
        while running.count() >= ahead:
            yield from _results(next(running), waiting, failures, lost)
    for future in running:
        yield from _results(future, waiting, failures, lost)


def _results(future, waiting: dict[str, list[Article]], failures: list[dict], lost) -> Iterator[Outcome]:
    batch = waiting.pop(future.key)
    try:
        outcomes, failed = future.result()
    except Exception as error:  # noqa: BLE001 - KilledWorker, or what the task raised: never fatal
        lost(batch, error)
        return
    finally:
        future.release()
    failures.extend(failed)
    yield from outcomes


def _work(job: _Job, batch: list[Article]) -> tuple[list[Outcome], list[dict]]:
    """In a worker: the batch through this thread's pipeline; a document that makes a component raise is
    tried alone and recorded there (process_here), so the task itself raises only when the worker fails."""
    failed: list[dict] = []
    outcomes = list(process_here(_pipeline(job), batch, job.rules, job.batch_size, job.min_confidence, failed))
    return outcomes, failed


def _warm_up(client, job: _Job) -> tuple[str, str]:
    """One task per worker that builds its pipeline, so that batches meet a ready worker (and the time a
    worker takes to build is counted as loading, as for the local engine); the model's (name, note)."""
    tasks = [client.submit(_model_of, job, key=f"summits-{job.run}-warm-{number}", workers=[address],
                           allow_other_workers=False, pure=False)
             for number, address in enumerate(sorted(client.nthreads()))]
    models = [task.result() for task in tasks]
    return models[0] if models else ("", "")


def _model_of(job: _Job) -> tuple[str, str]:
    _pipeline(job)
    return _THIS_THREAD.model


def _pipeline(job: _Job):
    """This thread's pipeline for `job`'s run, built on its first batch (not per task)."""
    if getattr(_THIS_THREAD, "run", None) != job.run:
        _THIS_THREAD.nlp = None  # the previous run's pipeline goes before the new one is built
        choice = job.build()
        _THIS_THREAD.nlp, _THIS_THREAD.run, _THIS_THREAD.model = choice.nlp, job.run, (choice.name, choice.note)
    return _THIS_THREAD.nlp
