"""Tests of the Dutch temporal normaliser: the hand-checked table plus one behaviour per test."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pipeline import timex
from pipeline.records import PartialDate
from pipeline.timex import LexiconError, load_lexicon
from pipeline.timex.resolve import Underspecified, resolve, resolve_range

REPO = Path(__file__).resolve().parents[2]
TABLE = REPO / "tests/data/date_expressions.tsv"
LEXICON = REPO / "models/lexicon/dates"
WORDS = load_lexicon(LEXICON)


# The date library takes its word lists as an argument; these tests use the project's.
def normalize_date(expression, anchor, tense=None):
    return timex.normalize_date(expression, anchor, tense, lexicon=WORDS)


def normalize_range(expression, anchor, tense=None):
    return timex.normalize_range(expression, anchor, tense, lexicon=WORDS)


def find_timexes(text, anchor, tense=None, lexicon=WORDS):
    return timex.find_timexes(text, anchor, tense, lexicon=lexicon)


def guess_tense(text):
    return timex.guess_tense(text, WORDS)


def _table_rows() -> list[dict[str, str]]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("row", _table_rows(), ids=lambda row: f"{row['expression']}@{row['anchor']}:{row['tense']}")
def test_expression_table(row: dict[str, str]) -> None:
    got = normalize_range(row["expression"], row["anchor"], row["tense"] or None)
    expected = (row["value"], row["value_end"], row["precision"]) if row["value"] else None
    assert got == expected


def test_table_is_large_enough_and_has_non_dates() -> None:
    rows = _table_rows()
    assert len(rows) >= 100
    assert sum(1 for row in rows if not row["value"]) >= 10


def test_every_rule_finds_its_examples() -> None:
    lexicon = load_lexicon(LEXICON)
    for rule in lexicon.rules:
        assert rule.examples, f"rule {rule.rule_id} has no EXAMPLE line"
        for example in rule.examples:
            found = find_timexes(example, PartialDate(2019, 4, 25), lexicon=lexicon)
            assert [timex.rule_id for timex in found] == [rule.rule_id], (rule.rule_id, example)


def test_precision_capped_by_month_anchor() -> None:
    assert normalize_date("vandaag", "2023-09") == ("2023-09", "month")


def test_stated_day_not_capped_by_year_anchor() -> None:
    assert normalize_date("12 juni", "2019") == ("2019-06-12", "day")


def test_year_offset_kept_with_month_anchor() -> None:
    assert normalize_date("vorig jaar", "2019-04") == ("2018", "year")


def test_single_date_has_empty_range_end() -> None:
    assert normalize_range("3 oktober 2021", "2019-04-25") == ("2021-10-03", "", "day")


def test_range_normalize_date_returns_start() -> None:
    assert normalize_date("van zondag tot woensdag", "2018-03-28", "past") == ("2018-03-25", "day")


def test_find_timexes_offsets_point_into_text() -> None:
    text = "Kim arriveerde woensdag in Beijing en vertrok vorig jaar."
    found = find_timexes(text, PartialDate(2018, 3, 28), "past")
    found_texts = [(text[t.start_char:t.end_char], t.value) for t in found]
    assert found_texts == [("woensdag", "2018-03-28"), ("vorig jaar", "2017")]


def test_find_timexes_names_rule_and_range_end() -> None:
    [timex] = find_timexes("Het bezoek duurde van zondag tot woensdag.", PartialDate(2018, 3, 28), "past")
    assert (timex.rule_id, timex.value, timex.value_end) == ("range_weekdays", "2018-03-25", "2018-03-28")


def test_two_full_dates_joined_by_en_are_two_expressions() -> None:
    found = find_timexes("Ze ontmoetten elkaar op 12 juni 2018 en 27 februari 2019.", PartialDate(2019, 4, 25))
    assert [(t.value, t.value_end) for t in found] == [("2018-06-12", ""), ("2019-02-27", "")]


def test_find_timexes_without_anchor_leaves_relative_unresolved() -> None:
    found = find_timexes("Gisteren sprak hij over 3 oktober 2021.", None)
    assert [(t.text, t.value) for t in found] == [("Gisteren", ""), ("3 oktober 2021", "2021-10-03")]


def test_find_timexes_uses_tense_markers_of_sentence() -> None:
    anchor = PartialDate(2019, 4, 25)
    [past] = find_timexes("Trump ontmoette Kim dinsdag.", anchor)
    [future] = find_timexes("Trump zal Kim dinsdag ontmoeten.", anchor)
    assert (past.value, future.value) == ("2019-04-23", "2019-04-30")


def test_weekday_tense_read_from_its_own_clause() -> None:
    anchor = PartialDate(2019, 4, 25)
    [arrived, _] = find_timexes("Kim arriveerde dinsdag, en vertrekt morgen.", anchor)
    [meeting] = find_timexes("Trump zei dat hij Kim dinsdag zal ontmoeten.", anchor)
    assert (arrived.value, meeting.value) == ("2019-04-23", "2019-04-30")


def test_a_month_in_a_present_clause_is_the_coming_one() -> None:
    anchor = PartialDate(2023, 1, 5)  # November 2022 is nearer, but the present tells what is coming
    [coming] = find_timexes("Het is de bedoeling dat Biden en Xi elkaar in november ontmoeten.", anchor)
    [past] = find_timexes("Biden en Xi ontmoetten elkaar in november.", anchor)
    [passive] = find_timexes("Premier Kishida wordt op 14 november in Washington ontvangen.", anchor)
    assert (coming.value, past.value, passive.value) == ("2023-11", "2022-11", "2023-11-14")


def test_a_shifted_year_before_in_and_a_month_is_one_expression() -> None:
    [found] = find_timexes("Ze zagen elkaar vorig jaar in november.", PartialDate(2023, 1, 5))
    assert (found.text, found.value) == ("vorig jaar in november", "2022-11")


def test_weekday_in_a_present_clause_is_the_coming_one_unless_a_perfect_says_otherwise() -> None:
    anchor = PartialDate(2019, 4, 25)  # a Thursday: the coming Tuesday is 04-30, the last one 04-23
    [coming] = find_timexes("Dinsdag reist de koning door naar Den Haag.", anchor)
    [perfect] = find_timexes("In het Witte Huis heeft de Amerikaanse president Joe Biden dinsdag de Braziliaanse "
                             "staatschef Luiz Inacio Lula da Silva ontvangen.", anchor)
    [unmarked] = find_timexes("Dinsdag opende de koning de tentoonstelling.", anchor)  # no listed verb: nearest
    assert (coming.value, perfect.value, unmarked.value) == ("2019-04-30", "2019-04-23", "2019-04-23")


@pytest.mark.parametrize("sentence, expected", [
    # 2019-04-25: gisteren 04-24, morgen 04-26; a verb ending in -de or -een is no article
    ("Het gesprek duurde gisteren ruim vier uur.", [("gisteren", "2019-04-24")]),
    ("Hij arriveerde morgen in Parijs.", [("morgen", "2019-04-26")]),
    ("Ze troffen elkaar de volgende morgen.", []),
    ("Het was een morgen vol regen.", []),
])
def test_relative_day_after_a_verb_but_not_after_an_article(sentence: str, expected) -> None:
    assert [(t.text, t.value) for t in find_timexes(sentence, PartialDate(2019, 4, 25))] == expected


@pytest.mark.parametrize("sentence", ["Het is zo gedaan.", "Di Maio sprak met Conte.", "Do you agree?", "Za is dicht."])
def test_two_letter_abbreviations_are_no_weekdays(sentence: str) -> None:
    assert find_timexes(sentence, PartialDate(2019, 4, 25)) == []


def test_abbreviation_with_day_and_month_is_weekday_date() -> None:
    assert normalize_date("zo 6 jan", "2019-04-25") == ("2019-01-06", "day")


def test_impossible_date_is_dropped() -> None:
    assert find_timexes("op 31 februari", PartialDate(2019, 4, 25)) == []


@pytest.mark.parametrize(("expression", "anchor"), [
    ("gisteren", "0001-01-01"), ("morgen", "9999-12-31"), ("van zondag tot woensdag", "0001-01-01"),
    ("komend weekend", "9999-12-31"), ("volgende zomer", "9999-12"),
])
def test_date_beyond_the_calendar_is_no_date(expression: str, anchor: str) -> None:
    """Placeholder article dates (0001-01-01) are valid anchors; a day before them is no date, not an error."""
    assert normalize_range(expression, anchor) is None


def test_season_year_is_four_digits() -> None:
    assert normalize_date("in de zomer", "0999") == ("0999", "year")


def test_bad_anchor_is_reported() -> None:
    with pytest.raises(ValueError, match="2019-13"):
        normalize_date("gisteren", "2019-13")


def test_bad_tense_is_reported() -> None:
    with pytest.raises(ValueError, match="yesterday"):
        normalize_date("gisteren", "2019-04-25", "yesterday")


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("Trump zal Kim volgende maand ontmoeten.", "future"),
        ("Xi gaat Poetin in juni bezoeken.", "future"),
        ("Kim ontmoette Xi in Beijing.", "past"),
        ("Kim heeft Xi ontmoet.", "past"),
        ("Merkel heeft Macron gebeld.", "past"),
        ("De leiders waren het eens.", "past"),
        ("Xi ontvangt Kim in Beijing.", "present"),
        ("Trump liet dinsdag weten dat de top misschien niet doorgaat.", "past"),
        ("De premier maakte maandag bekend dat hij naar Kyiv reist.", "past"),
        ("Poetin en Erdogan voeren donderdag overleg.", "present"),
        ("Meloni wordt maandag ontvangen in het Witte Huis.", "present"),
    ],
)
def test_guess_tense(sentence: str, tense: str) -> None:
    assert guess_tense(sentence) == tense


def test_resolve_is_pure_arithmetic_on_offsets() -> None:
    spec = Underspecified(unit="day", offset=-1)
    assert resolve(spec, PartialDate(2019, 3, 1)) == ("2019-02-28", "day")


def test_resolve_month_offset_crosses_year() -> None:
    assert resolve(Underspecified(unit="month", offset=-4), PartialDate(2019, 2)) == ("2018-10", "month")


def test_resolve_weekday_in_week_of_offset() -> None:
    spec = Underspecified(unit="week", offset=1, weekday=7)
    assert resolve(spec, PartialDate(2019, 4, 28)) == ("2019-05-05", "day")


def test_resolve_year_less_date_by_weekday_fit() -> None:
    spec = Underspecified(month=11, day=8, weekday=5)  # Friday 8 November: 2019, not 2018 (a Thursday)
    assert resolve(spec, PartialDate(2018, 12, 1)) == ("2019-11-08", "day")


def test_resolve_needs_anchor_for_relative() -> None:
    assert resolve(Underspecified(unit="year", offset=-1), None) is None


def test_resolve_range_coarsest_precision() -> None:
    start, end = Underspecified(year=2019, month=5), Underspecified(year=2019, month=6, day=3)
    assert resolve_range(start, end, None) == ("2019-05", "2019-06", "month")


def _copy_lexicon(tmp_path: Path) -> Path:
    folder = tmp_path / "dates"
    shutil.copytree(LEXICON, folder)
    return folder


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("months.txt", "# months\n# FORMAT: form<TAB>value\nbrumaire\t13\n", r"months.txt:3: expected a whole number"),
        ("seasons.txt", "zomer\tsummer\n", r"seasons.txt:1: data line before the '# FORMAT:'"),
        ("units.txt", "# units\n# FORMAT: form<TAB>value\nweek\n", r"units.txt:3: expected 2 tab-separated"),
        ("units.txt", "# units\n# FORMAT: form<TAB>unit\nweek\tweek\n", r"units.txt:2: '# FORMAT:' declares"),
        ("rules.txt", "# rules\n# FORMAT: rule_id<TAB>pattern\nbroken\t%MONTHZ\n", r"rules.txt:3: unknown placeholder %MONTHZ"),
        ("rules.txt", "# rules\n# FORMAT: rule_id<TAB>pattern\nbroken\t(?P<when>%MONTHS)\n", r"rules.txt:3: .*group\(s\) when"),
        ("modals.tsv", "# modals\n# FORMAT: kind<TAB>form\nmaybe\tmag\n", r"modals.tsv:3: expected one of modal, perfect"),
    ],
)
def test_broken_lexicon_file_is_reported_with_file_and_line(
    tmp_path: Path, file_name: str, content: str, message: str
) -> None:
    folder = _copy_lexicon(tmp_path)
    (folder / file_name).write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon(folder)


def test_new_word_in_list_is_recognised(tmp_path: Path) -> None:
    folder = _copy_lexicon(tmp_path)
    relative = folder / "relative_days.txt"
    relative.write_text(relative.read_text(encoding="utf-8") + "gisterenavond\t-1\n", encoding="utf-8")
    [found] = find_timexes("gisterenavond", PartialDate(2019, 4, 25), lexicon=load_lexicon(folder))
    assert found.value == "2019-04-24"


SENTENCES = [
    "Kim Jong-un heeft Xi Jinping ontmoet tijdens een bezoek dat van zondag tot woensdag heeft geduurd.",
    "Eerder deze maand verrasten Kim en Trump de wereld met een plan om elkaar dit voorjaar te ontmoeten.",
    "In 2000 ontmoette hij de toenmalige president; in de jaren negentig was dat ondenkbaar.",
    "Op za 5 okt. en 6 okt. spreken zij over 2000 km grens, 1990 mensen en de Golfoorlog.",
]


def test_scanner_finds_what_a_full_scan_finds() -> None:
    """find_matches only tries positions near date words; it must agree with trying every position."""
    from pipeline.timex.rules import find_matches

    scanner = load_lexicon(LEXICON).scanner
    texts = SENTENCES + [row["expression"] for row in _table_rows()]
    texts += [example for rule in scanner.rules for example in rule.examples]
    for text in texts:
        full = [(m.start(), m.end(), m.lastgroup) for m in scanner.regex.finditer(text.lower())]
        fast = [(m.start, m.end, f"R{scanner.rules.index(m.rule)}") for m in find_matches(text, scanner)]
        assert fast == full, text


def test_first_characters_of_optional_prefix_and_digits() -> None:
    from pipeline.timex.first_characters import first_characters

    assert first_characters(r"(?<!\w)(?:van\s+)?\d+") == frozenset("v0123456789")
    assert first_characters(r"(?:x)?") is None  # may match empty: any position


def test_offsets_exact_when_lower_case_changes_length() -> None:
    text = "İstanbul, 3 oktober 2021"  # "İ".lower() is two characters
    [timex] = find_timexes(text, None)
    assert (text[timex.start_char:timex.end_char], timex.value) == ("3 oktober 2021", "2021-10-03")


def test_capitalised_expression_found_when_lower_case_changes_length() -> None:
    [timex] = find_timexes("Dinsdag sprak İlham Aliyev met Poetin.", PartialDate(2019, 9, 5))
    assert (timex.text, timex.value) == ("Dinsdag", "2019-09-03")


def test_case_twin_of_a_letter_is_no_error_when_lower_case_changes_length() -> None:
    """'ſ' (long s) matches 's' when case is ignored but is no 's' in the word lists: not a date, no error."""
    assert find_timexes("İlham Aliyev, dinſdag", PartialDate(2019, 9, 5)) == []


def test_leap_day_takes_nearest_leap_year_in_tense() -> None:
    assert normalize_date("29 februari", "2019-04-25", "past") == ("2016-02-29", "day")


def test_anchor_given_as_text_is_refused_with_hint() -> None:
    with pytest.raises(TypeError, match="PartialDate.parse"):
        find_timexes("gisteren", "2019-04-25")  # type: ignore[arg-type]
