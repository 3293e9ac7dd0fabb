"""Read and check the Dutch date word lists in models/lexicon/dates/ (the only place Dutch words live).

Every file starts with `#` header lines including a `# FORMAT:` line; a bad line is reported with the
file, the line number and what was expected, so a typo in a word list never becomes a silent miss.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pipeline.timex.resolve import SEASON_MONTHS


class LexiconError(ValueError):
    """A date word list or rule file is missing or malformed; the message names file and line."""


def _int_in(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        value = int(text)
        if not low <= value <= high:
            raise ValueError(f"expected a whole number from {low} to {high}, got {text!r}")
        return value

    return parse


def _one_of(*allowed: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}, got {text!r}")
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
LIST_FILES = ("day_parts", "year_blockers", "clause_boundaries")  # one form per line
REGEX_FILES = ("tense_future", "tense_past")  # one regular expression per line
RULES_FILE = "rules"


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


def _data_lines(path: Path) -> list[tuple[int, str]]:
    """Numbered non-comment lines of a file whose header has a `# FORMAT:` line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise LexiconError(f"{path}: date word list is missing") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    if not header or not any(line.startswith("# FORMAT:") for line in header):
        raise LexiconError(f"{path}:1: the file must start with '#' header lines including '# FORMAT:'")
    return [(number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def _read_table(path: Path, parse: Callable[[str], object]) -> dict[str, object]:
    table: dict[str, object] = {}
    for number, line in _data_lines(path):
        columns = line.split("\t")
        if len(columns) != 2 or not columns[0].strip():
            raise LexiconError(f"{path}:{number}: expected 'form<TAB>value', got {line!r}")
        try:
            value = parse(columns[1].strip())
        except ValueError as error:
            raise LexiconError(f"{path}:{number}: {error}") from None
        form = columns[0].strip().lower()
        if table.get(form, value) != value:
            raise LexiconError(f"{path}:{number}: {form!r} is listed twice with different values")
        table[form] = value
    return table


def _read_regexes(path: Path) -> re.Pattern:
    """All lines of the file as one alternation (one search per sentence) for lower-cased text."""
    lines = []
    for number, line in _data_lines(path):
        try:
            re.compile(line.strip())
        except re.error as error:
            raise LexiconError(f"{path}:{number}: not a valid regular expression ({error})") from None
        if re.search(r"(?<!\\)[A-Z]", line):  # the text is lower-cased before matching (faster than IGNORECASE)
            raise LexiconError(f"{path}:{number}: write the pattern in lower case (only escapes like \\S may not)")
        lines.append(f"(?:{line.strip()})")
    return re.compile("|".join(lines) or r"(?!)")


def _read_rules(path: Path) -> tuple[RawRule, ...]:
    """Rules with the `# EXAMPLE:` lines written just above each of them."""
    rules, examples, seen = [], [], set()
    for number, line in enumerate(_raw_lines(path), 1):
        if line.startswith("# EXAMPLE:"):
            examples.append(line[len("# EXAMPLE:"):].strip())
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 2 or not columns[0] or not columns[1]:
            raise LexiconError(f"{path}:{number}: expected 'rule_id<TAB>pattern', got {line!r}")
        if columns[0] in seen:
            raise LexiconError(f"{path}:{number}: rule id {columns[0]!r} is used twice")
        seen.add(columns[0])
        rules.append(RawRule(columns[0], columns[1], tuple(examples), number))
        examples = []
    return tuple(rules)


def _raw_lines(path: Path) -> list[str]:
    _data_lines(path)  # checks existence, encoding and header
    return path.read_text(encoding="utf-8").splitlines()


def read_word_lists(folder: Path) -> WordLists:
    """Read every date word list of `folder`; raise LexiconError naming the first bad file and line."""
    tables = {stem: _read_table(folder / f"{stem}.txt", parse) for stem, parse in TABLE_FILES.items()}
    lists = {
        stem: tuple(line.strip().lower() for _, line in _data_lines(folder / f"{stem}.txt")) for stem in LIST_FILES
    }
    regexes = {stem: _read_regexes(folder / f"{stem}.txt") for stem in REGEX_FILES}
    return WordLists(folder, tables, lists, regexes, _read_rules(folder / f"{RULES_FILE}.txt"))
