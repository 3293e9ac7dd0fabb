"""End to end on tiny fixtures (rule pipeline, no model): every bad input reported, good files still give rows."""
from __future__ import annotations

import csv
import json
import multiprocessing
import os
import shutil
import signal
from dataclasses import replace as _replace
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.export.spreadsheet import unmarked
from pipeline.records import PartialDate
from pipeline.run import run
from tests.conftest import ARTICLES

SKIPPED = {  # file name -> reason in run_report.json, worked out from issue 2 "Bad input"
    "binary.txt": "binary file (contains NUL bytes)",
    "empty.txt": "empty file",
    "map.txt": "unreadable: is a directory",
    "weg.txt": "unreadable: broken symbolic link",
    "pijp.txt": "unreadable: not a regular file (pipe, socket or device)",
    "bestaat-niet.txt": "path does not exist",
}
MEETING = "Merkel en Rutte ontmoeten elkaar volgende maand opnieuw in Den Haag."


def read_csv(path: Path) -> list[dict]:
    """An output CSV as a program reads it: the byte-order mark dropped, spreadsheet text marks removed."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [{key: unmarked(value) for key, value in row.items()} for row in csv.DictReader(stream)]


def make_inputs(folder: Path) -> list[Path]:
    """Every fixture article plus paths that cannot be read, and one that does not exist."""
    folder.mkdir()
    for path in ARTICLES.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "map.txt").mkdir()
    (folder / "weg.txt").symlink_to(folder / "verdwenen.txt")
    os.mkfifo(folder / "pijp.txt")
    return [folder, folder.parent / "bestaat-niet.txt"]


@pytest.fixture(scope="module")
def finished(tmp_path_factory, project_settings, rule_pipeline):
    """One run over all fixtures: (output folder, report, mention rows)."""
    base = tmp_path_factory.mktemp("run")
    result = run(project_settings, make_inputs(base / "in"), base / "out", use_model=False, choice=rule_pipeline)
    report = json.loads((base / "out" / "run_report.json").read_text(encoding="utf-8"))
    assert report == result.report
    return base / "out", report, read_csv(base / "out" / "mentions.csv")


def files_by_name(report: dict) -> dict[str, dict]:
    return {Path(entry["path"]).name: entry for entry in report["files"]}


def test_every_input_file_is_in_the_report(finished):
    _, report, _ = finished
    assert set(files_by_name(report)) == {path.name for path in ARTICLES.iterdir()} | set(SKIPPED)


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_bad_file_is_skipped_with_its_reason(finished, name):
    entry = files_by_name(finished[1])[name]
    assert (entry["status"], entry["reason"]) == ("skipped", SKIPPED[name])


def test_english_article_is_skipped_as_not_dutch(finished):
    entry = files_by_name(finished[1])["english.txt"]
    assert entry["status"] == "skipped" and entry["reason"].startswith("not Dutch")


@pytest.mark.parametrize("name, note", [
    ("cp1252.txt", "not UTF-8: decoded as cp1252"),
    ("malformed_header.txt", "malformed_header: malformed date header '2019-13-45'"),
    ("no_header.txt", "no_header: no date header"),
    ("feed.jsonl", "feed-2: malformed date '2019-02-30'"),
])
def test_doubtful_file_is_processed_with_a_note(finished, name, note):
    entry = files_by_name(finished[1])[name]
    assert entry["status"] in ("processed", "partial") and note in entry["notes"]


def test_counts_add_up(finished):
    counts = finished[1]["counts"]
    # 8 fixtures + 3 unreadable paths + 1 missing path; skipped: 6 above + english; feed.jsonl is partial.
    assert (counts["files"], counts["files_skipped"], counts["files_processed"], counts["files_failed"]) == (12, 7, 5, 0)
    assert counts["documents"] == 6  # meeting_credit, no_header, malformed_header, cp1252, feed-1, feed-2


def test_report_names_the_model(finished):
    assert finished[1]["model"] == "blank:nl"


def test_other_files_still_produce_rows(finished):
    assert {row["doc_id"] for row in finished[2]} == {
        "cp1252", "feed-1", "feed-2", "malformed_header", "meeting_credit", "no_header"}


def test_output_headers_are_the_contract(finished):
    out, _, _ = finished
    with (out / "mentions.csv").open(encoding="utf-8-sig") as stream:
        assert stream.readline().strip().split(",")[:3] == ["doc_id", "event_id", "participants"]
    with (out / "events.csv").open(encoding="utf-8-sig") as stream:
        assert stream.readline().strip().split(",")[-4:] == ["n_docs", "doc_ids", "evidence", "first_published"]


def original_text(doc_id: str) -> str:
    if doc_id.startswith("feed-"):
        lines = (ARTICLES / "feed.jsonl").read_text(encoding="utf-8").splitlines()
        return next(json.loads(line)["text"] for line in lines if f'"{doc_id}"' in line)
    encoding = "cp1252" if doc_id == "cp1252" else "utf-8"
    return (ARTICLES / f"{doc_id}.txt").read_bytes().decode(encoding)


def test_char_offsets_slice_the_original_file_to_the_evidence(finished):
    for row in finished[2]:
        text = original_text(row["doc_id"])
        assert text[int(row["char_start"]):int(row["char_end"])] == row["evidence"], row["doc_id"]


def test_offsets_after_a_credit_and_typographic_quotes_count_characters(finished):
    # Worked out by hand: lines of 106, 1, 103, 1, 79 and 1 characters precede the sentence
    # (the „ ” quotes are one character each, three bytes each in UTF-8).
    row = next(r for r in finished[2] if r["evidence"] == MEETING)
    assert (row["char_start"], row["char_end"]) == ("291", "359")


def test_header_and_credit_are_outside_the_first_evidence(finished):
    row = next(r for r in finished[2] if r["doc_id"] == "meeting_credit" and r["char_start"] == "14")
    assert row["evidence"] == "Premier Mark Rutte heeft maandag in Berlijn bondskanselier Angela Merkel ontmoet."
    assert row["char_end"] == "95"


def test_file_without_header_has_no_resolved_date(finished):
    row = next(r for r in finished[2] if r["doc_id"] == "no_header")
    assert (row["date"], row["date_precision"]) == ("", "")


def test_default_date_resolves_relative_dates_in_files_without_header(tmp_path, project_settings, rule_pipeline):
    (tmp_path / "in").mkdir()
    shutil.copy(ARTICLES / "no_header.txt", tmp_path / "in")
    run(project_settings, [tmp_path / "in"], tmp_path / "out", PartialDate(2019, 4, 12), choice=rule_pipeline)
    (row,) = read_csv(tmp_path / "out" / "mentions.csv")
    assert (row["date"], row["date_precision"], row["date_text"]) == ("2019-04-11", "day", "donderdag")


def test_file_named_in_another_encoding_is_written_with_an_escaped_name(tmp_path, project_settings, rule_pipeline):
    """A name in Latin-1 bytes ("caf\xe9.txt" unpacked from an old archive) used to make the CSV writer raise,
    losing the run; its doc_id is now written with a backslash escape."""
    (tmp_path / "in").mkdir()
    shutil.copy(ARTICLES / "meeting_credit.txt", os.fsdecode(bytes(tmp_path / "in") + b"/caf\xe9.txt"))
    result = run(project_settings, [tmp_path / "in"], tmp_path / "out", choice=rule_pipeline)
    assert [Path(entry["path"]).name for entry in result.report["files"]] == ["caf\udce9.txt"]
    assert {row["doc_id"] for row in read_csv(tmp_path / "out" / "mentions.csv")} == {"caf\\udce9"}


@Language.component("test_explodes_on_vladivostok")
def explodes_on_vladivostok(doc):
    if "Vladivostok" in doc.text:
        raise RuntimeError("boom")
    return doc


def test_document_that_breaks_a_component_is_reported_and_others_go_on(tmp_path, project_settings, rule_pipeline):
    (tmp_path / "in").mkdir()
    shutil.copy(ARTICLES / "feed.jsonl", tmp_path / "in")
    shutil.copy(ARTICLES / "meeting_credit.txt", tmp_path / "in")
    rule_pipeline.nlp.add_pipe("test_explodes_on_vladivostok", first=True)
    try:
        result = run(project_settings, [tmp_path / "in"], tmp_path / "out", choice=rule_pipeline)
    finally:
        rule_pipeline.nlp.remove_pipe("test_explodes_on_vladivostok")
    assert [(f["doc_id"], f["component"], f["error"]) for f in result.report["failed_documents"]] == [
        ("feed-1", "test_explodes_on_vladivostok", "RuntimeError: boom")]
    assert files_by_name(result.report)["feed.jsonl"]["status"] == "partial"
    assert {row["doc_id"] for row in read_csv(tmp_path / "out" / "mentions.csv")} == {"feed-2", "meeting_credit"}
    documents = {row["doc_id"]: row for row in read_csv(tmp_path / "out" / "documents.csv")}
    assert sorted(documents) == ["feed-1", "feed-2", "meeting_credit"]  # the failed one is accounted for
    assert (documents["feed-1"]["status"], documents["feed-1"]["error"]) == (
        "failed", "test_explodes_on_vladivostok: RuntimeError: boom")
    assert documents["feed-2"]["status"] == "processed" and documents["feed-2"]["source_path"].endswith("feed.jsonl:2")


def test_five_megabyte_file_is_processed_in_parts_with_right_offsets(tmp_path, project_settings, rule_pipeline):
    # Web exports pad articles with widget markup; cleaning removes it, so the 5 MB stay cheap to parse.
    opening = " date 2019-04 Premier Mark Rutte heeft maandag in Berlijn bondskanselier Angela Merkel ontmoet.\n\n"
    widgets = "{{ trans('customs.newsletter_signup.header') }} Vul een geldig e-mailadres in.\n\n" * 63_000
    text = opening + widgets + MEETING + "\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "groot.txt").write_text(text, encoding="utf-8")
    shutil.copy(ARTICLES / "cp1252.txt", tmp_path / "in")
    assert len(text.encode("utf-8")) > 5_000_000
    # parts of 2,000,000 characters: a batch of 32 such parts may hold 64,000,000
    settings = _replace(project_settings, max_batch_chars=64_000_000)
    result = run(settings, [tmp_path / "in"], tmp_path / "out", choice=rule_pipeline)
    assert files_by_name(result.report)["groot.txt"]["notes"][0].startswith(
        "groot: large text cut into 3 parts of at most 2,000,000 characters")
    rows = read_csv(tmp_path / "out" / "mentions.csv")
    last = next(r for r in rows if r["doc_id"] == "groot" and r["evidence"] == MEETING)
    assert (int(last["char_start"]), int(last["char_end"])) == (len(opening) + len(widgets), len(text) - 1)
    assert any(r["doc_id"] == "groot" and r["char_start"] == "14" for r in rows)
    assert any(r["doc_id"] == "cp1252" for r in rows)


def test_two_processes_give_the_same_mentions_as_one(tmp_path):
    """Records cross process boundaries as plain data: n_process=2 must lose nothing."""
    from dataclasses import replace as _replace

    from pipeline.config import load_settings
    from pipeline.run import run

    settings = load_settings()
    corpus = settings.corpus_dir
    one = run(settings, [corpus], tmp_path / "one", use_model=False, show_progress=False)
    two = run(_replace(settings, n_process=2, batch_size=2), [corpus], tmp_path / "two", use_model=False,
              show_progress=False)
    assert two.report["failed_documents"] == []
    assert (tmp_path / "one" / "mentions.csv").read_text() == (tmp_path / "two" / "mentions.csv").read_text()
    assert len(one.mentions) == len(two.mentions) > 0


@Language.component("test_kills_its_worker_on_vladivostok")
def kills_its_worker_on_vladivostok(doc):
    """SIGKILL, as the kernel's out-of-memory killer sends it; never in the test's own process."""
    if "Vladivostok" in doc.text and multiprocessing.parent_process() is not None:
        os.kill(os.getpid(), signal.SIGKILL)
    return doc


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers must inherit the "
                    "test component; spawned workers build the configured pipeline without it")
def test_a_worker_that_dies_costs_only_its_document(tmp_path, project_settings, rule_pipeline):
    (tmp_path / "in").mkdir()
    shutil.copy(ARTICLES / "feed.jsonl", tmp_path / "in")  # feed-1 names Vladivostok, feed-2 does not
    for name in ("meeting_credit.txt", "cp1252.txt"):
        shutil.copy(ARTICLES / name, tmp_path / "in")
    settings = _replace(project_settings, batch_size=1)
    rule_pipeline.nlp.add_pipe("test_kills_its_worker_on_vladivostok", first=True)
    try:
        result = run(settings, [tmp_path / "in"], tmp_path / "out", choice=rule_pipeline, processes=2)
    finally:
        rule_pipeline.nlp.remove_pipe("test_kills_its_worker_on_vladivostok")
    assert [(f["doc_id"], f["component"]) for f in result.report["failed_documents"]] == [("feed-1", "worker process")]
    assert "died" in result.report["failed_documents"][0]["error"]
    assert files_by_name(result.report)["feed.jsonl"]["status"] == "partial"
    assert {row["doc_id"] for row in read_csv(tmp_path / "out" / "mentions.csv")} == {"feed-2", "meeting_credit",
                                                                                       "cp1252"}
