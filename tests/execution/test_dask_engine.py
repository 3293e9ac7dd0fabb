"""The Dask engine: the same outputs as the local engine, and no document lost when a worker dies or a
component raises. The workers are processes of a LocalCluster; they build their pipeline from a `build`
in this module (imported there by name), so the test components below exist in them too."""
from __future__ import annotations

import os
import signal
import threading
import time
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

import pipeline.components.assemble
from pipeline.cli import main
from pipeline.components.assemble import build_pipeline
from pipeline.execution.dask_engine import local_cluster, process_on_dask
from pipeline.records import Article, PartialDate
from pipeline.run import run
from tests.conftest import ARTICLES, REPO

distributed = pytest.importorskip("distributed")

DEV = REPO / "tests" / "data" / "dev"
TABLES = ("mentions.csv", "events.csv", "participants.csv", "documents.csv")
MEETING = "Premier Mark Rutte heeft maandag in Berlijn bondskanselier Angela Merkel ontmoet."
TROUBLE = "Poetin ontving Xi Jinping dinsdag in Vladivostok."
NOT_TOO_LONG = 120  # seconds a test waits for a worker to reach the slow document


@Language.factory("test_dask_trouble_on_vladivostok", default_config={"action": "raise", "marker": ""})
def trouble_on_vladivostok(nlp, name, action: str, marker: str):
    """On a text naming Vladivostok: raise; or kill this worker process (as the out-of-memory killer
    does); or, the first time only, note this process's id in `marker` and sleep until the test kills it."""
    def component(doc):
        if "Vladivostok" not in doc.text:
            return doc
        if action == "raise":
            raise RuntimeError("boom")
        if action == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        if action == "stall" and not Path(marker).exists():
            Path(marker).write_text(str(os.getpid()), encoding="utf-8")
            time.sleep(NOT_TOO_LONG)
        return doc
    return component


def pipeline_with_trouble(settings, action: str, marker: str = "", builds: str = ""):
    """The rule pipeline plus the trouble component; each build adds a line to the file `builds`."""
    choice = build_pipeline(settings, use_model=False)
    choice.nlp.add_pipe("test_dask_trouble_on_vladivostok", first=True, config={"action": action, "marker": marker})
    if builds:
        with open(builds, "a", encoding="utf-8") as counter:
            counter.write(f"{os.getpid()}\n")
    return choice


def articles(count: int, trouble_at: int) -> list[Article]:
    """`count` short articles; the one at `trouble_at` names Vladivostok."""
    return [Article(f"doc-{number:03d}", PartialDate.parse("2019-09-05"),
                    TROUBLE if number == trouble_at else MEETING, f"doc-{number:03d}.txt") for number in range(count)]


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes shared by the tests of this module (a cluster takes seconds to start)."""
    with local_cluster(2) as started:
        yield started


def on_dask(cluster, project_settings, documents: list[Article], action: str, batch_size: int = 4,
            **build) -> tuple[list, list[dict]]:
    failures: list[dict] = []
    make = partial(pipeline_with_trouble, project_settings, action, **build)
    outcomes = list(process_on_dask(make, documents, (), batch_size, 0.0, failures, cluster.scheduler_address))
    return outcomes, failures


def test_dask_and_local_engines_write_identical_tables(tmp_path, project_settings, rule_pipeline):
    local = run(project_settings, [DEV], tmp_path / "local", use_model=False, show_progress=False, choice=rule_pipeline)
    dask = run(project_settings, [DEV], tmp_path / "dask", use_model=False, show_progress=False, engine="dask",
               processes=2)  # a LocalCluster of its own, closed at the end
    assert dask.report["failed_documents"] == [] and dask.report["engine"] == "dask"
    assert dask.report["counts"] == local.report["counts"]
    for table in TABLES:
        assert (tmp_path / "dask" / table).read_bytes() == (tmp_path / "local" / table).read_bytes(), table


def test_document_that_raises_on_dask_fails_alone_with_its_component(cluster, project_settings):
    outcomes, failures = on_dask(cluster, project_settings, articles(10, trouble_at=5), "raise")
    assert failures == [{"doc_id": "doc-005", "path": "doc-005.txt", "component": "test_dask_trouble_on_vladivostok",
                         "error": "RuntimeError: boom"}]
    assert sorted(outcome.doc_id for outcome in outcomes) == [f"doc-{n:03d}" for n in range(10) if n != 5]
    assert all(outcome.mentions for outcome in outcomes)


def test_each_worker_builds_the_pipeline_once_per_run(tmp_path, cluster, project_settings):
    builds = tmp_path / "builds.txt"
    outcomes, _ = on_dask(cluster, project_settings, articles(24, trouble_at=-1), "raise", batch_size=2,
                          builds=str(builds))
    assert len(outcomes) == 24  # twelve batches
    pids = builds.read_text(encoding="utf-8").split()
    assert len(pids) == len(set(pids)) <= 2


def test_killed_worker_costs_no_document(tmp_path, cluster, project_settings):
    """The batch of the stalled document was on the worker that is killed: Dask runs it again elsewhere."""
    marker = tmp_path / "stalled_worker.txt"
    killed: list[int] = []

    def kill_the_stalled_worker() -> None:
        deadline = time.monotonic() + NOT_TOO_LONG
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.2)  # the id is written in full
        killed.append(int(marker.read_text(encoding="utf-8")))
        os.kill(killed[0], signal.SIGKILL)

    killer = threading.Thread(target=kill_the_stalled_worker, daemon=True)
    killer.start()
    started = time.monotonic()
    outcomes, failures = on_dask(cluster, project_settings, articles(40, trouble_at=17), "stall", marker=str(marker))
    killer.join(timeout=5)
    assert killed and time.monotonic() - started < NOT_TOO_LONG  # the run did not wait out the stall
    assert failures == []
    assert sorted(outcome.doc_id for outcome in outcomes) == [f"doc-{n:03d}" for n in range(40)]
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        assert killed[0] not in client.run(os.getpid).values()


def test_document_that_kills_its_worker_twice_is_failed_and_the_others_go_on(cluster, project_settings):
    outcomes, failures = on_dask(cluster, project_settings, articles(12, trouble_at=6), "die")
    assert [(f["doc_id"], f["component"]) for f in failures] == [("doc-006", "worker process")]
    assert "died" in failures[0]["error"]
    assert sorted(outcome.doc_id for outcome in outcomes) == [f"doc-{n:03d}" for n in range(12) if n != 6]


def test_scheduler_out_of_reach_is_a_usage_error_and_the_outputs_are_kept(tmp_path, monkeypatch, rule_pipeline):
    monkeypatch.setattr(pipeline.components.assemble, "build_pipeline", lambda settings, use_model=True: rule_pipeline)
    result = CliRunner().invoke(main, ["run", str(ARTICLES / "meeting_credit.txt"), "--out", str(tmp_path / "out"),
                                       "--config", str(REPO / "config.yaml"), "--engine", "dask",
                                       "--scheduler", "no address"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at no address" in result.output
    assert not (tmp_path / "out" / "mentions.csv").exists()


def test_scheduler_without_the_dask_engine_is_refused():
    result = CliRunner().invoke(main, ["run", str(ARTICLES), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.output
