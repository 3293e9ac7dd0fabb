"""What analysts receive (issue 15): spreadsheet-safe CSV, tidy tables, provenance, the database and Parquet
files holding the same rows, and event ids that join across batches."""
from __future__ import annotations

import csv
import json

import duckdb
import pytest

from pipeline.export.spreadsheet import spreadsheet_text, unmarked
from pipeline.export.tables import write_csv
from pipeline.run import run
from tests.test_run import read_csv

TABLES = ("mentions", "events", "participants", "documents")


def article(folder, name: str, published: str, *paragraphs: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f" date {published} \n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


# --- spreadsheet-safe CSV ---------------------------------------------------------------------------------
@pytest.mark.parametrize("cell, written", [
    ('=HYPERLINK("http://example.org","klik")', '\'=HYPERLINK("http://example.org","klik")'),
    ("+31 20 123 4567", "'+31 20 123 4567"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("-Poetin zei niets.", "'-Poetin zei niets."),
    ("\t=1+1", "'\t=1+1"),
    ("-73.9857", "-73.9857"),  # a number stays a number
    ("Erdoğan en Rutte", "Erdoğan en Rutte"),
    ("", ""),
])
def test_cells_a_spreadsheet_would_evaluate_are_marked_as_text(cell, written):
    assert spreadsheet_text(cell) == written
    assert unmarked(written) == cell


def test_a_hostile_cell_is_written_as_text_with_a_byte_order_mark(tmp_path):
    write_csv(tmp_path / "t.csv", ["evidence", "n"], [{"evidence": "=cmd|' /C calc'!A0", "n": 3}], for_spreadsheets=True)
    data = (tmp_path / "t.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfevidence,n\r\n")
    assert data.split(b"\r\n")[1] == b"'=cmd|' /C calc'!A0,3"


def test_plain_csv_keeps_cells_verbatim_without_a_mark(tmp_path):
    write_csv(tmp_path / "t.csv", ["evidence"], [{"evidence": "=1+1"}], for_spreadsheets=False)
    assert (tmp_path / "t.csv").read_bytes() == b"evidence\r\n=1+1\r\n"


def test_a_run_writes_a_hostile_evidence_sentence_as_text_and_keeps_umlauts(tmp_path, project_settings, rule_pipeline):
    article(tmp_path / "in", "vijandig.txt", "2019-04-26",
            "=Erdoğan en Poetin ontmoetten elkaar donderdag in Sotsji.")
    run(project_settings, [tmp_path / "in"], tmp_path / "out", choice=rule_pipeline, show_progress=False)
    data = (tmp_path / "out" / "mentions.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "out" / "mentions.csv").open(encoding="utf-8-sig", newline="") as stream:
        (row,) = list(csv.DictReader(stream))
    assert row["evidence"] == "'=Erdoğan en Poetin ontmoetten elkaar donderdag in Sotsji."
    assert row["participants"] == "Recep Tayyip Erdoğan; Vladimir Putin"
    raw = (tmp_path / "in" / "vijandig.txt").read_text(encoding="utf-8")
    assert raw[int(row["char_start"]):int(row["char_end"])] == unmarked(row["evidence"])  # nothing lost
    database = duckdb.connect(str(tmp_path / "out" / "summits.duckdb"), read_only=True)
    assert database.execute("SELECT evidence FROM mentions").fetchone()[0] == unmarked(row["evidence"])


# --- tables, database and Parquet -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_run(tmp_path_factory, project_settings, rule_pipeline):
    out = tmp_path_factory.mktemp("sample") / "out"
    run(project_settings, [project_settings.corpus_dir], out, choice=rule_pipeline, show_progress=False)
    return out


def _as_text(value) -> str:
    """A database value as the CSV writes it: NULL is empty, floats as the CSV formats them."""
    if value is None:
        return ""
    return str(value)


@pytest.mark.parametrize("table", TABLES)
def test_database_and_parquet_hold_the_same_rows_as_the_csv(sample_run, table):
    rows = read_csv(sample_run / f"{table}.csv")
    columns = list(rows[0])
    database = duckdb.connect(str(sample_run / "summits.duckdb"), read_only=True)
    stored = database.execute(f"SELECT * FROM {table}").fetchall()
    parquet = duckdb.execute(f"SELECT * FROM '{sample_run / (table + '.parquet')}'").fetchall()
    assert [column[0] for column in database.execute(f"DESCRIBE {table}").fetchall()] == columns
    assert stored == parquet
    floats = {"confidence": "{:.2f}", "latitude": "{:.4f}", "longitude": "{:.4f}"}

    def text(column, value):
        return floats[column].format(value) if column in floats and value is not None else _as_text(value)

    assert sorted([text(c, v) for c, v in zip(columns, row)] for row in stored) == \
        sorted([row[c] for c in columns] for row in rows)


def test_typed_columns_are_numbers_in_the_database(sample_run):
    database = duckdb.connect(str(sample_run / "summits.duckdb"), read_only=True)
    types = dict(database.execute("SELECT column_name, data_type FROM information_schema.columns "
                              "WHERE table_name = 'events'").fetchall())
    assert (types["latitude"], types["n_mentions"], types["date"]) == ("DOUBLE", "INTEGER", "VARCHAR")


def test_participants_table_is_the_events_participants_one_per_row(sample_run):
    events = read_csv(sample_run / "events.csv")
    participants = read_csv(sample_run / "participants.csv")
    expected = sorted((event["event_id"], name, qid, country) for event in events
                      for name, qid, country in zip(*(event[key].split("; ") for key in
                                                      ("participants", "participant_ids", "participant_countries"))))
    assert sorted((row["event_id"], row["name"], row["qid"], row["country"]) for row in participants) == expected
    assert {row["role"] for row in participants} <= {"", "host", "visitor"}


def test_the_views_count_meetings_per_leader_and_pair(sample_run):
    participants = read_csv(sample_run / "participants.csv")
    database = duckdb.connect(str(sample_run / "summits.duckdb"), read_only=True)
    kim = sum(row["name"] == "Kim Jong-un" for row in participants)
    assert database.execute("SELECT sum(meetings) FROM meetings_per_leader_year WHERE name = 'Kim Jong-un'").fetchone()[0] \
        == sum(row["name"] == "Kim Jong-un" and row["date"] != "" for row in participants) <= kim
    by_event: dict[str, set] = {}
    for row in participants:
        by_event.setdefault(row["event_id"], set()).add(row["name"])
    pair = {"Kim Jong-un", "Vladimir Putin"}
    assert database.execute("SELECT meetings FROM leader_pairs WHERE leader_a = 'Kim Jong-un' "
                        "AND leader_b = 'Vladimir Putin'").fetchone()[0] == sum(pair <= names for names in by_event.values())


def test_every_mention_carries_its_publication_date_and_source(sample_run, project_settings):
    documents = {row["doc_id"]: row for row in read_csv(sample_run / "documents.csv")}
    assert sorted(documents) == sorted(path.stem for path in project_settings.corpus_dir.glob("*.txt"))
    for row in read_csv(sample_run / "mentions.csv"):
        header = (project_settings.corpus_dir / f"{row['doc_id']}.txt").read_text(encoding="utf-8").split()[1]
        assert row["published"] == header and row["source_path"].endswith(f"{row['doc_id']}.txt")
    mentions = read_csv(sample_run / "mentions.csv")
    assert all(int(row["n_mentions"]) == sum(m["doc_id"] == doc_id for m in mentions)
               for doc_id, row in documents.items())


def test_feed_url_outlet_and_title_are_kept(tmp_path, project_settings, rule_pipeline):
    (tmp_path / "in").mkdir()
    records = [{"id": "n1", "date": "2019-04-26", "url": "https://example.org/nieuws/1", "source": "Voorbeeldkrant",
                "title": "Top in Vladivostok", "text": "Poetin en Kim Jong-un ontmoetten elkaar donderdag in Vladivostok."},
               {"id": "n2", "date": "2019-04-26", "url": 17, "text": "Poetin en Kim Jong-un spraken donderdag."}]
    (tmp_path / "in" / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = run(project_settings, [tmp_path / "in"], tmp_path / "out", choice=rule_pipeline, show_progress=False)
    documents = {row["doc_id"]: row for row in read_csv(tmp_path / "out" / "documents.csv")}
    assert (documents["n1"]["url"], documents["n1"]["outlet"], documents["n1"]["title"]) == (
        "https://example.org/nieuws/1", "Voorbeeldkrant", "Top in Vladivostok")
    assert documents["n2"]["url"] == ""  # a number is no url: left out, and said so
    assert "n2: url is not text, left out" in result.report["files"][0]["notes"]
    (mention,) = [row for row in read_csv(tmp_path / "out" / "mentions.csv") if row["doc_id"] == "n1"]
    assert (mention["url"], mention["outlet"], mention["published"]) == (
        "https://example.org/nieuws/1", "Voorbeeldkrant", "2019-04-26")


# --- ids across batches -----------------------------------------------------------------------------------
def test_two_batches_and_one_give_the_same_event_ids(tmp_path, project_settings, rule_pipeline):
    """The same meetings reported in two batches, the second refining the first (day and city for a month and a
    country); one run over both must give each meeting the id each batch gave it."""
    first, second = tmp_path / "first", tmp_path / "second"
    article(first, "a.txt", "2019-04-30", "Poetin en Kim Jong-un hebben elkaar deze maand in Rusland ontmoet.")
    article(first, "b.txt", "2018-06-13", "Trump en Kim Jong-un ontmoetten elkaar dinsdag in Singapore.")
    article(second, "c.txt", "2019-04-26", "Poetin en Kim Jong-un ontmoetten elkaar donderdag in Vladivostok.")
    article(second, "d.txt", "2018-06-14", "Trump en Kim Jong-un hebben elkaar dinsdag in Singapore gesproken.")
    article(second, "e.txt", "2019-06-21", "Xi Jinping en Kim Jong-un ontmoetten elkaar donderdag in Pyongyang.")
    ids = {}
    for name, paths in (("first", [first]), ("second", [second]), ("both", [first, second])):
        run(project_settings, paths, tmp_path / name, choice=rule_pipeline, show_progress=False)
        ids[name] = {row["doc_id"]: row["event_id"] for row in read_csv(tmp_path / name / "mentions.csv")}
    assert sorted(ids["both"]) == ["a", "b", "c", "d", "e"]
    assert ids["both"] == {**ids["first"], **ids["second"]}
    assert ids["both"]["a"] == ids["both"]["c"] and ids["both"]["b"] == ids["both"]["d"]  # merged in one run
    assert len(set(ids["both"].values())) == 3
