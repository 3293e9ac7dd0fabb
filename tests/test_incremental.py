"""Incremental runs (issue 16): only new or changed documents go through the pipeline; the outputs are those
of a full run over the same input."""
from __future__ import annotations

import shutil
import sys
from dataclasses import replace

import pytest

from pipeline.export.store import versions
from pipeline.run import run
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
from synthetic_news import NewsWriter, load_vocabulary, write_documents  # noqa: E402

TABLES = ("mentions.csv", "events.csv", "participants.csv", "documents.csv")


@pytest.fixture(scope="module")
def news(tmp_path_factory, project_settings):
    """40 synthetic articles: 30 to start with and 10 added later."""
    folder = tmp_path_factory.mktemp("news")
    write_documents(folder, 40, NewsWriter(load_vocabulary(project_settings.models_dir), seed=3))
    return sorted(folder.glob("*.txt"))


def run_on(settings, pipeline, files, folder, out, **options):
    folder.mkdir(exist_ok=True)
    for path in folder.iterdir():
        path.unlink()
    for path in files:
        shutil.copy(path, folder / path.name)
    return run(settings, [folder], out, choice=pipeline, show_progress=False, **options).report


def outputs(out) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLES}


def test_unchanged_inputs_are_not_processed_again(tmp_path, project_settings, rule_pipeline, news):
    first = run_on(project_settings, rule_pipeline, news[:30], tmp_path / "in", tmp_path / "out")
    assert (first["incremental"]["new"], first["incremental"]["parts_processed"]) == (30, 30)
    before = outputs(tmp_path / "out")
    again = run_on(project_settings, rule_pipeline, news[:30], tmp_path / "in", tmp_path / "out")
    assert again["incremental"]["parts_processed"] == 0 and again["incremental"]["unchanged"] == 30
    assert again["model_note"] == "not loaded: no document needed processing"
    assert outputs(tmp_path / "out") == before


def test_added_files_alone_are_processed_and_the_outputs_are_a_full_runs(tmp_path, project_settings,
                                                                          rule_pipeline, news):
    run_on(project_settings, rule_pipeline, news[:30], tmp_path / "in", tmp_path / "out")
    grown = run_on(project_settings, rule_pipeline, news, tmp_path / "in", tmp_path / "out")
    assert (grown["incremental"]["new"], grown["incremental"]["unchanged"]) == (10, 30)
    assert grown["incremental"]["parts_processed"] == 10
    run_on(project_settings, rule_pipeline, news, tmp_path / "in", tmp_path / "full", full=True)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "full")


def test_a_changed_file_is_processed_and_a_removed_one_dropped(tmp_path, project_settings, rule_pipeline, news):
    run_on(project_settings, rule_pipeline, news[:5], tmp_path / "in", tmp_path / "out")
    changed = tmp_path / news[0].name
    changed.write_text(news[0].read_text(encoding="utf-8") + "\nEen zin zonder ontmoeting.\n", encoding="utf-8")
    report = run_on(project_settings, rule_pipeline, [changed, *news[2:5]], tmp_path / "in", tmp_path / "out")
    counts = report["incremental"]
    assert (counts["changed"], counts["unchanged"], counts["removed"], counts["parts_processed"]) == (1, 3, 1, 1)
    documents = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8-sig")
    assert news[1].stem not in documents and news[0].stem in documents


def test_keep_missing_keeps_the_meetings_of_documents_no_longer_given(tmp_path, project_settings, rule_pipeline,
                                                                      news):
    run_on(project_settings, rule_pipeline, news[:5], tmp_path / "in", tmp_path / "out")
    before = outputs(tmp_path / "out")["mentions.csv"]
    report = run_on(project_settings, rule_pipeline, news[:2], tmp_path / "in", tmp_path / "out", keep_missing=True)
    assert (report["incremental"]["kept_missing"], report["incremental"]["removed"]) == (3, 0)
    assert outputs(tmp_path / "out")["mentions.csv"] == before
    rows = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8-sig").splitlines()
    assert sum(",kept," in row for row in rows) == 3


def test_changed_data_files_process_everything_again(tmp_path, project_settings, rule_pipeline, news):
    models = tmp_path / "models"
    shutil.copytree(project_settings.models_dir, models, ignore=shutil.ignore_patterns("nl_summit_sm"))
    moved = replace(project_settings, models_dir=models)
    run_on(moved, rule_pipeline, news[:3], tmp_path / "in", tmp_path / "out")
    roles = models / "lexicon" / "roles.tsv"
    roles.write_text(roles.read_text(encoding="utf-8") + "# a comment added\n", encoding="utf-8")
    report = run_on(moved, rule_pipeline, news[:3], tmp_path / "in", tmp_path / "out")
    assert report["incremental"]["parts_processed"] == 3 and report["incremental"]["unchanged_processed_again"] == 3
    assert "data version changed" in report["incremental"]["note"]


def test_versions_follow_the_code_the_data_and_the_reading_settings(tmp_path, project_settings):
    base = versions(project_settings.models_dir, "model rules only; min_confidence 0.0")
    assert base == versions(project_settings.models_dir, "model rules only; min_confidence 0.0")
    assert base["pipeline_version"] != versions(project_settings.models_dir, "model rules only; "
                                                                              "min_confidence 0.5")["pipeline_version"]


def test_full_processes_everything(tmp_path, project_settings, rule_pipeline, news):
    run_on(project_settings, rule_pipeline, news[:3], tmp_path / "in", tmp_path / "out")
    report = run_on(project_settings, rule_pipeline, news[:3], tmp_path / "in", tmp_path / "out", full=True)
    assert report["incremental"]["parts_processed"] == 3 and report["incremental"]["note"] == "--full"
