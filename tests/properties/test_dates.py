"""The date library never raises on text, and a relative expression is never finer than its anchor.

Phrases are built from the project's own date word lists (models/lexicon/dates/: every table and list form,
and the words of the rules' EXAMPLE lines) mixed with arbitrary text; anchors are any calendar date at year,
month or day precision.
"""
from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.records import PRECISIONS, PartialDate
from pipeline.timex import find_timexes, load_lexicon, normalize_date
from tests.conftest import REPO

LEXICON = load_lexicon(REPO / "models" / "lexicon" / "dates")
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALUE_LENGTH = {"year": 4, "month": 7, "day": 10}

# Every Dutch form the library knows, and the words its rules are written around ("geleden", "tot", "van").
FORMS = sorted({form for table in LEXICON.words.tables.values() for form in table}
               | {form for forms in LEXICON.words.lists.values() for form in forms}
               | {word for rule in LEXICON.rules for example in rule.examples for word in example.split()})
# Forms that state a month themselves ("12 juni" is a day even against a year): a phrase holding one, or a
# digit, may be finer than its anchor by design (resolve.py's docstring).
MONTH_FORMS = frozenset(LEXICON.words.tables["months"]) | frozenset(LEXICON.words.tables["month_abbreviations"])
EXAMPLES = sorted({example for rule in LEXICON.rules for example in rule.examples})

# Any code point, plus the characters that change length or meaning under case folding ("İ" lower-cases to
# two characters; "ſ" and the Kelvin sign match "s" and "k" when case is ignored).
ANY_CHAR = st.characters(codec=None, categories=None) | st.sampled_from("İſ\u212aẞ\u2028\xa0٣")
JUNK = st.text(ANY_CHAR, max_size=12)
CASE_TWINS = str.maketrans({"s": "ſ", "k": "\u212a"})  # long s and the Kelvin sign: "s" and "k" to re.IGNORECASE
FORM = st.sampled_from(FORMS)
WORD = FORM | FORM.map(str.upper) | FORM.map(str.title) | FORM.map(lambda form: form.translate(CASE_TWINS)) \
    | st.integers(0, 3000).map(str) | JUNK
SEPARATOR = st.sampled_from([" ", "  ", "\n", "\t", ", ", "-", "/", ".", ""])
PHRASE = st.one_of(
    st.sampled_from(EXAMPLES),
    st.lists(st.tuples(WORD, SEPARATOR).map("".join), min_size=1, max_size=6).map("".join),
    st.builds(lambda before, example, after: f"{before} {example} {after}", JUNK, st.sampled_from(EXAMPLES), JUNK),
)
YEAR = st.integers(1, 9999) | st.sampled_from([1, 2, 9998, 9999])  # placeholder dates sit at the calendar's ends
DAY = st.dates() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)) \
    | st.dates(dt.date.min, dt.date(1, 1, 14)) | st.dates(dt.date(9999, 12, 18), dt.date.max)
ANCHOR = st.one_of(
    st.builds(PartialDate, YEAR),
    st.builds(PartialDate, YEAR, st.integers(1, 12)),
    DAY.map(lambda day: PartialDate(day.year, day.month, day.day)),
)
TENSE = st.sampled_from([None, "past", "present", "future"])


def _finer(first: str, second: str) -> bool:
    return PRECISIONS.index(first) > PRECISIONS.index(second)


def _states_a_date_part(phrase: str) -> bool:
    """A digit or a month name: the expression may name a day or month of its own."""
    return bool(re.search(r"\d", phrase)) or not MONTH_FORMS.isdisjoint(re.findall(r"\w+", phrase.lower()))


def _well_formed(value: str, precision: str) -> bool:
    return len(value) == VALUE_LENGTH[precision] and PartialDate.parse(value).precision == precision


@FAST
@given(PHRASE, ANCHOR, TENSE)
def test_normalize_date_never_raises_and_gives_a_date_of_its_precision(phrase, anchor, tense):
    result = normalize_date(phrase, anchor.iso(), tense, lexicon=LEXICON)
    if result is not None:
        assert _well_formed(*result), result


@FAST
@given(st.sampled_from([example for example in EXAMPLES if not _states_a_date_part(example)]) | PHRASE, ANCHOR, TENSE)
def test_relative_expression_is_never_finer_than_its_anchor(phrase, anchor, tense):
    """Without a digit or a month name the expression states no day or month of its own: "vorige maand"
    against a year gives a year, "dinsdag" against a month gives that month."""
    result = normalize_date(phrase, anchor.iso(), tense, lexicon=LEXICON)
    if result is not None and not _states_a_date_part(phrase):
        assert not _finer(result[1], anchor.precision), (phrase, anchor, result)


@FAST
@given(PHRASE, st.none() | ANCHOR, TENSE)
def test_find_timexes_never_raises_and_leaves_a_value_empty_only_without_anchor(phrase, anchor, tense):
    for timex in find_timexes(phrase, anchor, tense, lexicon=LEXICON):
        assert phrase[timex.start_char:timex.end_char] == timex.text
        if timex.value:
            assert _well_formed(timex.value, timex.precision), timex
        elif anchor is not None:
            raise AssertionError(f"an anchor was given but {timex} has no value")


@FAST
@given(PHRASE, ANCHOR, TENSE)
def test_a_word_whose_lower_case_is_longer_changes_no_expression(phrase, anchor, tense):
    """"İ" lower-cases to two characters ("İlham Aliyev", "İstanbul"); a sentence holding one finds the same
    expressions, at the same offsets, as without it."""
    plain = find_timexes(phrase, anchor, tense, lexicon=LEXICON)
    assert find_timexes(f"{phrase} İlham", anchor, tense, lexicon=LEXICON) == plain
