"""Export: the output contract of issue 2 (columns, list fields) and atomic writing."""
from __future__ import annotations

import csv
import json
import os
import stat

import pytest

from pipeline.export.tables import rows_for, write_csv, write_json
from pipeline.merge.clusters import Cluster
from pipeline.records import EVENT_COLUMNS, MENTION_COLUMNS, Actor, Mention, Place

# Typed by hand from issue 2, "Output contract"; the columns issue 15 added come after them, so that
# positions analysts rely on do not move.
ISSUE_MENTION_COLUMNS = ["doc_id", "event_id", "participants", "participant_ids", "participant_countries",
                         "date", "date_end", "date_precision", "date_text", "location", "location_country",
                         "status", "event_type", "evidence", "char_start", "char_end", "confidence", "rule_id",
                         "published", "source_path", "url", "outlet"]
ISSUE_EVENT_COLUMNS = ["event_id", "participants", "participant_ids", "participant_countries", "date",
                       "date_end", "date_precision", "location", "location_country", "latitude", "longitude",
                       "status", "event_type", "n_mentions", "n_docs", "doc_ids", "evidence", "first_published"]

PUTIN = Actor("Vladimir Putin", "Q7747", "RUS")
KIM = Actor("Kim Jong-un", "Q56226", "PRK")
XI_WITHOUT_ID = Actor("Xi Jinping", "", "CHN")
VLADIVOSTOK = Place("Vladivostok", "RUS", 43.11554, 131.88549)


def mention(doc_id: str = "doc-a", participants=(PUTIN, KIM), char_start: int = 0, **changes) -> Mention:
    values = dict(date="2019-04-25", date_end="", date_precision="day", date_text="donderdag",
                  place=VLADIVOSTOK, status="occurred", evidence="Poetin en Kim ontmoetten elkaar.",
                  char_start=char_start, char_end=char_start + 32, confidence=0.9, rule_id="meet_verb")
    values.update(changes)
    return Mention(doc_id, tuple(participants), **values)


def read_csv(path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames), list(reader)


def test_mention_columns_are_the_issue_columns_in_order():
    assert list(MENTION_COLUMNS) == ISSUE_MENTION_COLUMNS


def test_event_columns_are_the_issue_columns_in_order():
    assert list(EVENT_COLUMNS) == ISSUE_EVENT_COLUMNS


def test_written_csv_header_is_the_contract(tmp_path):
    mention_rows, event_rows, _ = rows_for([Cluster([mention()])])
    write_csv(tmp_path / "mentions.csv", MENTION_COLUMNS, mention_rows)
    write_csv(tmp_path / "events.csv", EVENT_COLUMNS, event_rows)
    assert read_csv(tmp_path / "mentions.csv")[0] == ISSUE_MENTION_COLUMNS
    assert read_csv(tmp_path / "events.csv")[0] == ISSUE_EVENT_COLUMNS


def test_participants_are_sorted_and_ids_and_countries_follow_them():
    (row,), _, _ = rows_for([Cluster([mention()])])
    assert row["participants"] == "Kim Jong-un; Vladimir Putin"
    assert row["participant_ids"] == "Q56226; Q7747"
    assert row["participant_countries"] == "PRK; RUS"


def test_unknown_id_is_an_empty_element_so_lists_stay_aligned():
    (row,), _, _ = rows_for([Cluster([mention(participants=(XI_WITHOUT_ID, PUTIN, KIM))])])
    names, ids, countries = (row[key].split("; ") for key in ("participants", "participant_ids",
                                                              "participant_countries"))
    assert names == ["Kim Jong-un", "Vladimir Putin", "Xi Jinping"]
    assert ids == ["Q56226", "Q7747", ""]
    assert countries == ["PRK", "RUS", "CHN"]
    assert row["event_type"] == "multilateral"


def test_mention_row_fields():
    (row,), _, _ = rows_for([Cluster([mention(char_start=120)])])
    assert (row["date"], row["date_precision"], row["location"], row["location_country"]) == \
        ("2019-04-25", "day", "Vladivostok", "RUS")
    assert (row["status"], row["event_type"], row["confidence"]) == ("occurred", "bilateral", "0.90")
    assert (row["char_start"], row["char_end"]) == (120, 152)


def test_country_only_place_gives_empty_location():
    (row,), _, _ = rows_for([Cluster([mention(place=Place("", "RUS", kind="country"))])])
    assert (row["location"], row["location_country"]) == ("", "RUS")


def test_event_row_counts_mentions_and_documents():
    cluster = Cluster([mention("doc-b"), mention("doc-a"), mention("doc-a", char_start=300)])
    _, (event,), _ = rows_for([cluster])
    assert (event["n_mentions"], event["n_docs"], event["doc_ids"]) == (3, 2, "doc-a; doc-b")
    assert (event["latitude"], event["longitude"]) == ("43.1155", "131.8855")


def test_mentions_of_one_event_share_its_id():
    cluster = Cluster([mention("doc-a"), mention("doc-b")])
    mention_rows, (event,), _ = rows_for([cluster])
    assert {row["event_id"] for row in mention_rows} == {event["event_id"]}
    assert event["event_id"].startswith("ev_")


def test_event_id_depends_on_content_not_on_run():
    first = rows_for([Cluster([mention("doc-a")])]).events[0]["event_id"]
    again = rows_for([Cluster([mention("doc-z", char_start=999)])]).events[0]["event_id"]
    other = rows_for([Cluster([mention("doc-a", date="2019-05-26")])]).events[0]["event_id"]
    assert first == again and first != other


def test_mention_rows_are_in_document_order():
    clusters = [Cluster([mention("doc-b", char_start=5)]), Cluster([mention("doc-a", char_start=50)]),
                Cluster([mention("doc-a", char_start=7, date="2018")])]
    mention_rows = rows_for(clusters).mentions
    assert [(row["doc_id"], row["char_start"]) for row in mention_rows] == [("doc-a", 7), ("doc-a", 50), ("doc-b", 5)]


def failing_rows():
    yield {column: "x" for column in MENTION_COLUMNS}
    raise RuntimeError("disk pulled out mid-write")


@pytest.mark.parametrize("name, write, error", [
    ("mentions.csv", lambda path: write_csv(path, MENTION_COLUMNS, failing_rows()), RuntimeError),
    ("events.csv", lambda path: write_csv(path, EVENT_COLUMNS, [{"event_id": "ev_1", "not_a_column": "x"}]),
     ValueError),
    ("run_report.json", lambda path: write_json(path, {"files": [object()]}), TypeError),  # not serialisable
])
def test_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path, name, write, error):
    target = tmp_path / name
    target.write_text("old content\n", encoding="utf-8")
    with pytest.raises(error):
        write(target)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert list(tmp_path.iterdir()) == [target]


def test_written_file_is_readable_by_others_under_a_normal_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        write_csv(tmp_path / "mentions.csv", ["a"], [{"a": 1}])
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "mentions.csv").stat().st_mode) == 0o644


def test_write_creates_missing_output_folder(tmp_path):
    write_json(tmp_path / "new" / "deeper" / "report.json", {"files": []})
    assert json.loads((tmp_path / "new" / "deeper" / "report.json").read_text(encoding="utf-8")) == {"files": []}


def test_a_surrogate_is_written_escaped_instead_of_failing_the_write(tmp_path):
    """A file name in Latin-1 bytes reaches Python as "caf\udce9": the CSV stays UTF-8 and JSON gives it back."""
    write_csv(tmp_path / "mentions.csv", ["doc_id"], [{"doc_id": "caf\udce9"}])
    write_json(tmp_path / "run_report.json", {"path": "caf\udce9.txt"})
    assert read_csv(tmp_path / "mentions.csv")[1] == [{"doc_id": "caf\\udce9"}]
    assert json.loads((tmp_path / "run_report.json").read_text(encoding="utf-8")) == {"path": "caf\udce9.txt"}
