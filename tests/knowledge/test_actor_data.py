"""Checks on models/actors/*.tsv as data: a wrong date or code there silently mislinks every article."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import pycountry
import pytest

from pipeline.config import load_settings

# The data folder comes from config.yaml, as for the pipeline itself.
ACTORS_DIR = load_settings(Path(__file__).resolve().parents[2] / "config.yaml").models_dir / "actors"
COLUMNS = ["name", "qid", "country", "office", "title", "start", "end", "aliases", "short_names", "note"]
OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
TITLES = {
    "president", "prime_minister", "chancellor", "monarch", "leader", "foreign_minister",
    "defence_minister", "commission_president", "council_president", "parliament_president",
    "governor_general", "emir", "sultan", "crown_prince",
}
EXTRA_CODES = {"EUU", "XKX"}  # EU institutions; Kosovo (user-assigned code used by the EU, IMF and models/places)
QID = re.compile(r"^Q[1-9][0-9]*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
OVERLAP_OK = "overlap ok"


class Row(NamedTuple):
    where: str
    cells: dict[str, str]


def _data_lines(path: Path) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.strip() and not line.startswith("#")]


def _format_line(path: Path) -> list[str]:
    line = next((line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# FORMAT:")), "")
    return line[len("# FORMAT:"):].strip().split("<TAB>")


def _actor_files() -> list[Path]:
    """Actor tables are the .tsv files whose FORMAT line starts with `name`; relations and such are not."""
    return [path for path in sorted(ACTORS_DIR.glob("*.tsv")) if _format_line(path)[0] == "name"]


def _read_rows(path: Path) -> list[Row]:
    """Rows of one file as column->value, keyed by `file:line` for readable failures."""
    return [Row(f"{path.name}:{n}", dict(zip(COLUMNS, line.split("\t")))) for n, line in _data_lines(path)]


def _all_rows() -> list[Row]:
    return [row for path in _actor_files() for row in _read_rows(path)]


def _raw_widths() -> list[tuple[str, int]]:
    return [(f"{path.name}:{n}", len(line.split("\t"))) for path in _actor_files()
            for n, line in _data_lines(path)]


def _bounds(text: str) -> tuple[dt.date, dt.date]:
    """First and last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value can mean."""
    parts = [int(p) for p in text.split("-")]
    year, month, day = (parts + [None, None])[:3]
    if day is not None:
        return dt.date(year, month, day), dt.date(year, month, day)
    if month is not None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _sure_span(row: Row) -> tuple[dt.date, dt.date]:
    """Days the person certainly held office: latest reading of start, earliest reading of end."""
    start = _bounds(row.cells["start"])[1]
    end = _bounds(row.cells["end"])[0] if row.cells["end"] else dt.date.max
    return start, end


def _valid_codes() -> set[str]:
    codes = {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
    return codes | {c.alpha_3 for c in pycountry.historic_countries if hasattr(c, "alpha_3")}


ROWS = _all_rows()


def test_actor_files_exist_and_have_rows():
    assert len(ROWS) > 100


def test_actor_files_have_the_agreed_column_line():
    assert [p.name for p in _actor_files() if _format_line(p) != COLUMNS] == []


def test_every_row_has_ten_columns():
    bad = [(where, width) for where, width in _raw_widths() if width != len(COLUMNS)]
    assert bad == []


def test_office_in_vocabulary():
    assert [r.where for r in ROWS if r.cells["office"] not in OFFICES] == []


def test_title_in_vocabulary():
    assert [r.where for r in ROWS if r.cells["title"] not in TITLES] == []


def test_country_is_iso_alpha3_or_euu():
    codes = _valid_codes()
    assert [(r.where, r.cells["country"]) for r in ROWS if r.cells["country"] not in codes] == []


def test_qid_is_well_formed_or_empty():
    assert [r.where for r in ROWS if r.cells["qid"] and not QID.match(r.cells["qid"])] == []


def test_one_qid_per_name():
    qids: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        if row.cells["qid"]:
            qids[row.cells["name"]].add(row.cells["qid"])
    assert {name: ids for name, ids in qids.items() if len(ids) > 1} == {}


def test_dates_parse():
    bad = []
    for row in ROWS:
        for column in ("start", "end"):
            value = row.cells[column]
            if column == "end" and not value:
                continue
            try:
                if not DATE.match(value):
                    raise ValueError(value)
                _bounds(value)
            except ValueError:
                bad.append((row.where, column, value))
    assert bad == []


def test_start_not_after_end():
    bad = [r.where for r in ROWS if r.cells["end"]
           and _bounds(r.cells["start"])[0] > _bounds(r.cells["end"])[1]]
    assert bad == []


def _overlapping_pairs(rows: list[Row], key_of) -> list[tuple[str, str]]:
    """Pairs of rows with the same key whose sure spans share more than a handover day."""
    groups: dict[tuple, list[Row]] = defaultdict(list)
    for row in rows:
        groups[key_of(row)].append(row)
    pairs = []
    for group in groups.values():
        spans = sorted((_sure_span(r), r) for r in group)
        for i, ((start_a, end_a), row_a) in enumerate(spans):
            for (start_b, _), row_b in spans[i + 1:]:
                if start_b < end_a and OVERLAP_OK not in row_a.cells["note"] + row_b.cells["note"]:
                    pairs.append((row_a.where, row_b.where))
    return pairs


def _person_post(row: Row) -> tuple[str, ...]:
    # Title is part of the key: China's general secretary is also president (two head_of_state rows).
    return row.cells["name"], row.cells["country"], row.cells["office"], row.cells["title"]


def _post(row: Row) -> tuple[str, ...]:
    return row.cells["country"], row.cells["office"], row.cells["title"]


def test_no_person_has_overlapping_terms_in_one_office():
    assert _overlapping_pairs(ROWS, _person_post) == []


def test_no_two_people_hold_one_post_on_one_day():
    pairs = _overlapping_pairs(ROWS, _post)
    assert [(a, b) for a, b in pairs if _row(a).cells["name"] != _row(b).cells["name"]] == []


def _fake(where: str, name: str, start: str, end: str, note: str = "") -> Row:
    return Row(where, {"name": name, "country": "XXX", "office": "head_of_state", "title": "president",
                       "start": start, "end": end, "note": note})


@pytest.mark.parametrize("end_a, start_b, note, expected", [
    ("2001-01-20", "2001-01-20", "", []),                 # handover day shared: fine
    ("2001-01-20", "2001-01-19", "", [("a", "b")]),       # one day of two presidents
    ("", "2010-05-01", "", [("a", "b")]),                 # open-ended term still running
    ("2001-01-20", "2000-06-01", "acting (overlap ok)", []),
    ("2001-01", "2001-01-31", "", []),                    # month-only end: not surely past the 1st
])
def test_overlap_check_on_made_up_rows(end_a, start_b, note, expected):
    rows = [_fake("a", "A", "1990-01-01", end_a), _fake("b", "B", start_b, "", note)]
    assert _overlapping_pairs(rows, _post) == expected


def test_month_precision_means_the_whole_month():
    assert _bounds("2019-02") == (dt.date(2019, 2, 1), dt.date(2019, 2, 28))


def _row(where: str) -> Row:
    return next(r for r in ROWS if r.where == where)


def _holders(country: str, title: str, day: str) -> set[str]:
    date = dt.date.fromisoformat(day)
    return {r.cells["name"] for r in ROWS if r.cells["country"] == country and r.cells["title"] == title
            and _sure_span(r)[0] <= date <= _sure_span(r)[1]}


@pytest.mark.parametrize("country, title, day, name", [
    ("RUS", "president", "2011-06-01", "Dmitry Medvedev"),
    ("RUS", "president", "2019-04-25", "Vladimir Putin"),
    ("KOR", "president", "2018-04-27", "Moon Jae-in"),
    ("USA", "president", "2009-01-21", "Barack Obama"),
    ("GBR", "prime_minister", "2016-07-14", "Theresa May"),
    ("DEU", "chancellor", "2010-01-01", "Angela Merkel"),
    ("PRK", "leader", "2018-06-12", "Kim Jong-un"),
])
def test_hand_checked_office_holder(country, title, day, name):
    assert _holders(country, title, day) == {name}


def test_aliases_contain_required_dutch_spellings():
    aliases = "|".join(r.cells["aliases"] for r in ROWS)
    required = ["Poetin", "Zelenski", "Sjojgoe", "Medvedev", "Medvedjev", "Jeltsin", "Lavrov", "Erdogan",
                "Erdoğan", "Xi Jinping", "Kim Jong-un", "Kim Jong Un", "Kim Jong-il", "Loekasjenko",
                "Netanyahu", "Khamenei", "Chamenei", "Rohani", "Pezeshkian", "Raisi", "Modi", "Lula",
                "Bolsonaro", "Mohammed bin Salman", "Moon Jae-in", "Yoon Suk-yeol", "Jiang Zemin", "Hu Jintao"]
    assert [spelling for spelling in required if spelling not in aliases] == []


def _qids_of_several_people(rows: list[Row]) -> dict[str, set[str]]:
    """QIDs that rows give to more than one name: one of the names is wrong, or one person has two names."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.cells["qid"]:
            names[row.cells["qid"]].add(row.cells["name"])
    return {qid: people for qid, people in names.items() if len(people) > 1}


def test_no_qid_for_two_people():
    assert _qids_of_several_people(ROWS) == {}


def test_every_office_holder_has_a_start():
    assert [r.where for r in ROWS if not r.cells["start"]] == []


def test_qid_check_on_made_up_rows():
    rows = [Row("a", {"name": "A", "qid": "Q1"}), Row("b", {"name": "B", "qid": "Q1"}),
            Row("c", {"name": "A", "qid": "Q1"}), Row("d", {"name": "C", "qid": ""})]
    assert _qids_of_several_people(rows) == {"Q1": {"A", "B"}}
