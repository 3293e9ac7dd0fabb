"""Read and check the Dutch date word lists in models/lexicon/dates/ (the only place Dutch words live).

Every file starts with `#` header lines including a `# FORMAT:` line; a bad line is reported with the
file, the line number and what was expected, so a typo in a word list never becomes a silent miss.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pipeline.errors import DataError, Errors
from pipeline.knowledge.tables import read_table, read_words
from pipeline.timex.resolve import SEASON_MONTHS


LexiconError = DataError  # the name the date library has always raised; a data error like any other


def _int_in(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise ValueError(Errors.E010.format(low=low, high=high, value=text)) from None
        if not low <= value <= high:
            raise ValueError(Errors.E010.format(low=low, high=high, value=text))
        return value

    return parse


def _one_of(*allowed: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError(Errors.E011.format(allowed=", ".join(allowed), value=text))
        return text

    return parse


# Two-column files: file stem -> how to read and check the second column.
TABLE_FILES: dict[str, Callable[[str], object]] = {
    "months": _int_in(1, 12),
    "month_abbreviations": _int_in(1, 12),
    "weekdays": _int_in(1, 7),
    "weekday_abbreviations": _int_in(1, 7),
    "relative_days": _int_in(-7, 7),
    "part_of_day": _int_in(-7, 7),
    "units": _one_of("day", "week", "weekend", "month", "year"),
    "unit_plurals": _one_of("day", "week", "month", "year"),
    "numbers": _int_in(1, 1000),
    "vague_counts": _int_in(1, 10),
    "shifts": _int_in(-1, 1),
    "weekday_suffixes": _int_in(-1, 1),
    "seasons": _one_of(*SEASON_MONTHS),
    "modifiers": _one_of("START", "MID", "END", "BEFORE", "AFTER"),
    "decades": _int_in(1900, 2090),
}
DATES_DIR = Path("lexicon") / "dates"  # where a models folder keeps these word lists
LIST_FILES = ("day_parts", "year_blockers", "clause_boundaries", "alternatives")  # one form per line
REGEX_FILES = ("tense_future", "tense_past", "tense_present")  # one regular expression per line
RULES_FILE = "rules"
MODALS_FILE = "modals.tsv"


@dataclass(frozen=True)
class RawRule:
    """One line of rules.txt before its placeholders are expanded."""

    rule_id: str
    pattern: str
    examples: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class WordLists:
    """Everything read from the folder, checked but not yet compiled into rules."""

    folder: Path
    tables: dict[str, dict[str, object]]
    lists: dict[str, tuple[str, ...]]
    regexes: dict[str, re.Pattern]  # file stem -> its lines as one alternation
    rules: tuple[RawRule, ...]
    modals: dict[str, frozenset[str]]  # modal | perfect -> forms


def _read_pairs(path: Path, parse: Callable[[str], object]) -> dict[str, object]:
    """A form<TAB>value table, the value checked by `parse`."""
    table: dict[str, object] = {}
    for row in read_table(path, ("form", "value")):
        try:
            value = parse(row["value"])
        except ValueError as error:
            raise row.error(str(error)) from None
        form = row["form"].lower()
        if table.get(form, value) != value:
            raise row.error(Errors.E019.format(value=form))
        table[form] = value
    return table


def _read_regexes(path: Path) -> re.Pattern:
    """All lines of the file as one alternation (one search per sentence) for lower-cased text."""
    lines = []
    for row in read_table(path, ("regex",)):
        try:
            re.compile(row["regex"])
        except re.error as error:
            raise row.error(Errors.E012.format(error=error)) from None
        if re.search(r"(?<!\\)[A-Z]", row["regex"]):  # the text is lower-cased before matching
            raise row.error(Errors.E013)
        lines.append(f"(?:{row['regex']})")
    return re.compile("|".join(lines) or r"(?!)")


def _read_rules(path: Path) -> tuple[RawRule, ...]:
    """Rules with the `# EXAMPLE:` lines written just above each of them."""
    rules, seen = [], set()
    for row in read_table(path, ("rule_id", "pattern")):
        if row["rule_id"] in seen:
            raise row.error(Errors.E007.format(value=row["rule_id"]))
        seen.add(row["rule_id"])
        examples = tuple(note[len("EXAMPLE:"):].strip() for note in row.notes if note.startswith("EXAMPLE:"))
        rules.append(RawRule(row["rule_id"], row["pattern"], examples, row.line))
    return tuple(rules)


def read_modals(path: Path) -> dict[str, frozenset[str]]:
    """modals.tsv: kind (modal | perfect | noun_before) -> its forms."""
    kinds: dict[str, set[str]] = {"modal": set(), "perfect": set(), "noun_before": set()}
    for row in read_table(path, ("kind", "form")):
        if row["kind"] not in kinds:
            raise row.error(Errors.E011.format(allowed=", ".join(kinds), value=row["kind"]))
        kinds[row["kind"]].add(row["form"].lower())
    return {kind: frozenset(forms) for kind, forms in kinds.items()}


def read_word_lists(folder: Path) -> WordLists:
    """Read every date word list of `folder`; DataError naming the first bad file and line."""
    tables = {stem: _read_pairs(folder / f"{stem}.txt", parse) for stem, parse in TABLE_FILES.items()}
    lists = {stem: tuple(sorted(read_words(folder / f"{stem}.txt", "form"))) for stem in LIST_FILES}
    regexes = {stem: _read_regexes(folder / f"{stem}.txt") for stem in REGEX_FILES}
    return WordLists(folder, tables, lists, regexes, _read_rules(folder / f"{RULES_FILE}.txt"),
                     read_modals(folder / MODALS_FILE))


def lexicon_paths(folder: Path) -> list[Path]:
    """Every file the date library reads from `folder`."""
    stems = (*TABLE_FILES, *LIST_FILES, *REGEX_FILES, RULES_FILE)
    return [folder / f"{stem}.txt" for stem in stems] + [folder / MODALS_FILE]
