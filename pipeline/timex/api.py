"""Find Dutch temporal expressions and normalise them against the article date (the anchor).

Detection (rules.txt and the word lists under models/lexicon/dates/, compiled in timex_rules) maps an
expression to an underspecified value; the pure functions of timex_resolve compute it against the
anchor, never finer than the anchor supports. Entry points: `find_timexes` for text,
`normalize_date` / `normalize_range` for one expression, `guess_tense` for bare weekdays.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.records import PartialDate, Timex
from pipeline.knowledge.tables import fingerprint
from pipeline.timex.lexicon import LexiconError, WordLists, lexicon_paths, read_word_lists
from pipeline.timex.resolve import TENSES, Underspecified, resolve, resolve_range
from pipeline.timex.rules import Rule, Scanner, build_specs, compile_rules, find_matches

__all__ = [
    "Lexicon", "LexiconError", "find_timexes", "guess_tense", "load_lexicon", "normalize_date", "normalize_range",
]


@dataclass(frozen=True)
class Lexicon:
    """The checked word lists and the rules compiled from them."""

    words: WordLists
    scanner: Scanner
    clause_regex: re.Pattern  # where a clause begins, for the tense of a bare weekday

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The compiled rules in file order (each with its id and EXAMPLE lines)."""
        return self.scanner.rules


_LOADED: dict[str, Lexicon] = {}  # content fingerprint -> compiled lexicon


def load_lexicon(folder: Path | str) -> Lexicon:
    """Read, check and compile the date word lists of `folder` (models/lexicon/dates); the same content
    is compiled once per process. DataError names the first bad file and line."""
    folder = Path(folder)
    key = fingerprint(lexicon_paths(folder))
    if key not in _LOADED:
        words = read_word_lists(folder)
        _LOADED.clear()
        _LOADED[key] = Lexicon(words, compile_rules(words), _clause_regex(words.lists["clause_boundaries"]))
    return _LOADED[key]


def _clause_regex(forms: tuple[str, ...]) -> re.Pattern:
    """Punctuation forms match anywhere, word forms as whole words."""
    marks = [re.escape(form) for form in forms if not any(char.isalnum() for char in form)]
    words = [re.escape(form) for form in forms if any(char.isalnum() for char in form)]
    parts = marks + ([r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)"] if words else [])
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


def _marked_tense(text: str, lexicon: Lexicon) -> str | None:
    """future / past / present when the text carries a marker of it, else None; future wins ("zei dat hij
    ... zal"), then past ("heeft ... ontmoet" is no present)."""
    lowered = text.lower()
    for tense in ("future", "past", "present"):
        if lexicon.words.regexes[f"tense_{tense}"].search(lowered):
            return tense
    return None


def _tense_at(text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    """The tense markers of the clause around [start, end); another clause's tense ("..., die in 1961 werd
    vermoord") says nothing about this expression."""
    clause_start, clause_end = 0, len(text)
    for boundary in lexicon.clause_regex.finditer(text):
        if boundary.end() <= start:
            clause_start = boundary.end()
        elif boundary.start() >= end:
            clause_end = boundary.start()
            break
    return _marked_tense(text[clause_start:clause_end], lexicon)


def marked_tense(text: str, lexicon: Lexicon) -> str | None:
    """"future" or "past" when the text carries a marker of it (future wins), else None."""
    return _marked_tense(text, lexicon)


def guess_tense(text: str, lexicon: Lexicon) -> str:
    """"past", "present" or "future" for a Dutch sentence, from the tense_*.txt markers (modest heuristic)."""
    return _marked_tense(text, lexicon) or "present"


def _check_tense(tense: str | None) -> None:
    if tense is not None and tense not in TENSES:
        raise ValueError(f"tense must be one of {', '.join(TENSES)} or None, got {tense!r}")


def _normalise(
    start: Underspecified, end: Underspecified | None, anchor: PartialDate | None, tense: str | None
) -> tuple[str, str, str] | None:
    """(value, value_end, precision); value "" when the anchor is needed but unknown; None if no date."""
    needs_anchor = start.needs_anchor or (end is not None and end.needs_anchor)
    if anchor is None and needs_anchor:
        return "", "", start.granularity
    if end is None:
        single = resolve(start, anchor, tense)
        return (single[0], "", single[1]) if single else None
    return resolve_range(start, end, anchor, tense)


def find_timexes(text: str, anchor: PartialDate | None, tense: str | None = None, *, lexicon: Lexicon) -> list[Timex]:
    """Every temporal expression in `text`, normalised against `anchor`, with offsets and rule ids.

    Without a tense, bare weekdays follow the tense markers of their clause, and take the nearest day
    (the past one on a tie) when it has none. Without an anchor, relative
    expressions get value "" and the precision the expression itself names.
    """
    _check_tense(tense)
    if anchor is not None and not isinstance(anchor, PartialDate):
        raise TypeError(
            f"anchor must be a PartialDate or None (try PartialDate.parse({anchor!r})), got {type(anchor).__name__}"
        )
    timexes = []
    for match in find_matches(text, lexicon.scanner):
        start, end = build_specs(match.groups, lexicon.scanner)
        match_tense = tense
        if tense is None and start.needs_tense and anchor is not None:  # read markers only when they matter
            match_tense = _tense_at(text, match.start, match.end, lexicon)
        normalised = _normalise(start, end, anchor, match_tense)
        if normalised is None:  # "31 februari": a date shape that is no date
            continue
        value, value_end, precision = normalised
        timexes.append(Timex(match.start, match.end, match.text, value, precision, value_end, match.rule.rule_id,
                             start.granularity))
    return _joined_alternatives(text, timexes, lexicon)


def _joined_alternatives(text: str, timexes: list[Timex], lexicon: Lexicon) -> list[Timex]:
    """"half maart of begin april": two alternative dates are one expression at the precision they share
    (here the year); alternatives in different years stay two expressions."""
    joins = set(lexicon.words.lists["alternatives"])
    result: list[Timex] = []
    for timex in timexes:
        previous = result[-1] if result else None
        between = text[previous.end_char:timex.start_char].strip().lower() if previous else ""
        if previous is None or between not in joins or not previous.value or not timex.value \
                or previous.value[:4] != timex.value[:4]:
            result.append(timex)
            continue
        size = len(previous.value)
        while previous.value[:size] != timex.value[:size]:
            size -= 3  # day -> month -> year
        precision = {10: "day", 7: "month", 4: "year"}[size]
        result[-1] = Timex(previous.start_char, timex.end_char, text[previous.start_char:timex.end_char],
                           previous.value[:size], precision, "", "alternatives", precision)
    return result


@functools.lru_cache(maxsize=1024)
def _parse_anchor(anchor: str) -> PartialDate:
    """Parse an article date once (every sentence of an article shares it)."""
    try:
        return PartialDate.parse(anchor)
    except ValueError as error:
        raise ValueError(f"anchor {anchor!r} is not a date of the form YYYY[-MM[-DD]] ({error})") from None


def _main_timex(expression: str, anchor: str, tense: str | None, lexicon: Lexicon) -> Timex | None:
    """The longest resolved expression in `expression` (so "sinds begin dit jaar" finds "begin dit jaar")."""
    found = [timex for timex in find_timexes(expression, _parse_anchor(anchor), tense, lexicon=lexicon)
             if timex.value]
    return max(found, key=lambda timex: timex.end_char - timex.start_char, default=None)


def normalize_date(expression: str, anchor: str, tense: str | None = None, *, lexicon: Lexicon) -> tuple[str, str] | None:
    """(value, precision) of a Dutch date expression against an anchor `YYYY[-MM[-DD]]`; None if no date.

    For a range the value is its start. Raises ValueError for a malformed anchor or tense.
    """
    timex = _main_timex(expression, anchor, tense, lexicon)
    return (timex.value, timex.precision) if timex else None


def normalize_range(expression: str, anchor: str, tense: str | None = None, *, lexicon: Lexicon) -> tuple[str, str, str] | None:
    """(value, value_end, precision); value_end is "" when the expression is a single date."""
    timex = _main_timex(expression, anchor, tense, lexicon)
    return (timex.value, timex.value_end, timex.precision) if timex else None
