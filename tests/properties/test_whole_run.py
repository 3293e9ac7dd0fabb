"""The whole run on generated Dutch-like news never raises, accounts for every file, and its offsets hold.

Articles are sentences put together from the project's own vocabulary (leaders' names from models/actors,
places from models/places, dates from the examples of the date rules) around meeting verbs, pronouns,
quotes and arbitrary text, written as .txt files and .jsonl feeds in several encodings.
"""
from __future__ import annotations

import codecs
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.knowledge.tables import FORMAT_PREFIX, declared_columns, read_lines, read_table
from pipeline.run import NothingReadError, run
from pipeline.timex import load_lexicon
from tests.conftest import REPO
from tests.test_run import read_csv

RUNS = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
MODELS = REPO / "models"
STATUSES = {"processed", "partial", "skipped", "failed"}


def _cells(path: Path, *columns: str) -> list[str]:
    """Every value of `columns` in a headed table under models/, lists ("a|b") split."""
    declared = declared_columns(next(line for line in read_lines(path) if line.startswith(FORMAT_PREFIX)))
    rows = read_table(path, declared, optional=declared)
    values = {part.strip() for row in rows for column in columns for part in row[column].split("|")}
    return sorted(values - {""})


LEADERS = sorted(set(_cells(MODELS / "actors" / "world.tsv", "name", "aliases", "short_names"))
                 | set(_cells(MODELS / "actors" / "europe.tsv", "name", "short_names")))
ROLES = _cells(MODELS / "lexicon" / "roles.tsv", "word")
PLACES = sorted(set(_cells(MODELS / "places" / "cities_nl.tsv", "aliases_nl"))
                | set(_cells(MODELS / "places" / "countries.tsv", "name_nl")))
DATES = sorted({example for rule in load_lexicon(MODELS / "lexicon" / "dates").rules for example in rule.examples})
# The few words the brief's sentences are made of; the rest comes from the tables above.
VERBS = ["ontmoette", "ontmoetten elkaar", "sprak met", "sprak", "ontving", "bezocht", "heeft ontmoet",
         "zal ontmoeten", "had een gesprek met", "trof"]
PRONOUNS = ["hij", "zij", "ze", "Hij", "Zij", "hem", "haar", "zijn ambtgenoot", "de twee leiders"]
FILLER = ["en", "de", "het", "een", "van", "op", "in", "met", "dat", "niet", "over", "voor", "na", "bij"]

ANY_CHAR = st.characters(codec=None, categories=None) | st.sampled_from("\n\r\t\u2028\u0085\ufeff\xa0İſ„”«»'\"")
JUNK = st.text(ANY_CHAR, max_size=40)
LEADER, PLACE, DATE = st.sampled_from(LEADERS), st.sampled_from(PLACES), st.sampled_from(DATES)
ACTOR = LEADER | st.builds(lambda role, name: f"{role} {name}", st.sampled_from(ROLES), LEADER) \
    | st.sampled_from(PRONOUNS)
MEETING = st.builds(lambda first, verb, second, when, where: f"{first} {verb} {second} {when} in {where}.",
                    ACTOR, st.sampled_from(VERBS), ACTOR, DATE | st.just(""), PLACE)
OPENING, CLOSING = st.sampled_from(['"', "„", "'", "«"]), st.sampled_from(['"', "”", "'", "»"])
QUOTE = st.builds(lambda opening, words, closing, speaker: f"{opening}{words}{closing}, zei {speaker}.",
                  OPENING, JUNK | MEETING, CLOSING, ACTOR)
FRONTED = st.builds(lambda when, verb, who, place: f"{when} {verb} {who} {place}.",  # "Dinsdag ontving hij ..."
                    DATE.map(str.capitalize), st.sampled_from(VERBS), ACTOR, PLACE)
FILLERS = st.lists(st.sampled_from(FILLER), min_size=3, max_size=10).map(" ".join)
SENTENCE = st.one_of(MEETING, MEETING, QUOTE, FRONTED, FILLERS, JUNK)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=5).map(" ".join)
BODY = st.lists(PARAGRAPH, min_size=1, max_size=4).map("\n\n".join)
ANCHOR = st.sampled_from(["2019-09-05", "2019-09", "2019", "2023-02-28", "0001-01-01", "9999-12-31", "2019-13-45"])
HEADER = st.one_of(st.just(""), ANCHOR.map(lambda date: f" date {date} \n"), JUNK.map(lambda text: f"date {text}\n"))
TEXT = st.builds(lambda header, body, crlf: (header + body).replace("\n", "\r\n") if crlf else header + body,
                 HEADER, BODY, st.booleans())
ENCODING = st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16"])
FEED = st.lists(st.tuples(ANCHOR | st.just(""), TEXT, JUNK), min_size=1, max_size=3)  # date, text, end of the id
# A file name is bytes: one written in Latin-1 ("caf\xe9") is no UTF-8, and Python gives it surrogates ("\udce9").
NAME = st.binary(max_size=10).map(lambda name: name.replace(b"/", b"").replace(b"\x00", b""))
ARTICLE = st.tuples(TEXT, ENCODING, NAME)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16":  # with a byte-order mark, as Windows writes it
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", errors="surrogatepass")
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf-8") else "replace")


def _decoded(data: bytes) -> str:
    """The file's text as the README promises offsets into: UTF-16 after its mark, UTF-8 with its mark kept,
    else cp1252."""
    if data.startswith(codecs.BOM_UTF16_LE):  # a lone surrogate makes it binary: skipped, so no offsets to check
        return data[2:].decode("utf-16-le", errors="surrogatepass")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _as_written(doc_id: str) -> str:
    """A doc_id as the CSV holds it: what is no Unicode text (a surrogate) escaped with a backslash."""
    return doc_id.encode("utf-8", errors="backslashreplace").decode("utf-8")


def _write_inputs(folder: Path, articles: list[tuple[str, str, bytes]], feeds: list[list[tuple[str, str, str]]]
                  ) -> dict[str, str]:
    """Write the files; the original text of every doc_id (a .txt file's decoded text, a feed record's text)."""
    originals = {}
    for number, (text, encoding, name) in enumerate(articles):
        data = _encode(text, encoding)
        path = folder / os.fsdecode(b"%d-%s.txt" % (number, name))
        path.write_bytes(data)
        originals[_as_written(path.stem)] = _decoded(data)
    for number, records in enumerate(feeds):
        ids = [f"feed{number}-{index}{end}" for index, (_, _, end) in enumerate(records)]
        lines = [json.dumps({"id": doc_id, "date": date, "text": text})  # \uXXXX keeps surrogates
                 for doc_id, (date, text, _) in zip(ids, records)]
        (folder / f"feed{number}.jsonl").write_text("\n".join(lines), encoding="utf-8")
        originals.update({_as_written(doc_id): text for doc_id, (_, text, _) in zip(ids, records)})
    return originals


def _run(config, pipeline, inputs: list[Path], out: Path) -> tuple[dict, list[dict], list[dict]]:
    """(report, mention rows, event rows); a run that read no document gives its report and no rows."""
    try:
        result = run(config, inputs, out, use_model=False, show_progress=False, choice=pipeline)
    except NothingReadError as error:
        return error.report, [], []
    return result.report, read_csv(out / "mentions.csv"), read_csv(out / "events.csv")


@RUNS
@given(st.lists(ARTICLE, max_size=4), st.lists(FEED, max_size=2))
def test_run_accounts_for_every_file_and_its_offsets_slice_the_evidence(project_settings, rule_pipeline,
                                                                        articles, feeds):
    with tempfile.TemporaryDirectory() as name:
        originals = _write_inputs(Path(name), articles, feeds)
        inputs = sorted(Path(name).iterdir())
        if not inputs:
            return
        report, mentions, events = _run(project_settings, rule_pipeline, inputs, Path(name) / "out")
    assert sorted(entry["path"] for entry in report["files"]) == sorted(str(path) for path in inputs)
    assert all(entry["status"] in STATUSES for entry in report["files"])
    assert report["failed_documents"] == []  # a component that raises is a bug, though the run goes on
    for row in mentions:
        original = originals[row["doc_id"]]
        assert original[int(row["char_start"]):int(row["char_end"])] == row["evidence"], row
    assert {row["event_id"] for row in mentions} == {row["event_id"] for row in events}
    assert sum(int(row["n_mentions"]) for row in events) == len(mentions)
