"""Compile rules.txt into regular expressions and turn each match into underspecified values.

As in HeidelTime, a rule is a pattern whose %PLACEHOLDERS expand to word lists; the named groups of
the pattern say what each part means, so the code here knows no Dutch word, only group names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.timex_lexicon import LIST_FILES, RULES_FILE, TABLE_FILES, LexiconError, RawRule, WordLists
from pipeline.timex_resolve import Underspecified

# Language-neutral number shapes; guards keep "1.990" or "€2000" from being read as years.
BUILT_INS = {
    "YEAR": r"(?<![\d,€$£])(?:19\d\d|20\d\d|2100)(?![.,]\d)",
    "DAYNUM": r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?!\d)",
    "MONTHNUM": r"(?:1[0-2]|0?[1-9])(?!\d)",
    "COUNT": r"(?<![\d.,])[1-9]\d{0,2}(?![\d.,]?\d)",
}
# Which word lists give the value of a named group (the `_end` twin of a group uses the same).
GROUP_TABLES: dict[str, tuple[str, ...]] = {
    "month": ("months", "month_abbreviations"),
    "weekday": ("weekdays", "weekday_abbreviations"),
    "relday": ("relative_days", "part_of_day"),
    "unit": ("units", "unit_plurals"),
    "number": ("numbers",),
    "shift": ("shifts",),
    "postshift": ("weekday_suffixes",),
    "season": ("seasons",),
    "mod": ("modifiers",),
    "decade": ("decades",),
}
NUMERIC_GROUPS = ("year", "day", "month", "number")
MARKER_GROUPS = ("ago", "sep")  # their presence is the meaning ("geleden") or they are syntax only
RANGE_GROUPS = ("year", "month", "day", "weekday")  # may carry an `_end` twin
ALLOWED_GROUPS = frozenset(
    [*GROUP_TABLES, *NUMERIC_GROUPS, *MARKER_GROUPS, *(f"{name}_end" for name in RANGE_GROUPS)]
)
_PLACEHOLDER = re.compile(r"%([A-Z][A-Z_]*)")
WEEKEND = (6, 7)  # ISO Saturday and Sunday


@dataclass(frozen=True)
class Rule:
    rule_id: str
    regex: re.Pattern
    examples: tuple[str, ...]


def _alternation(forms: list[str]) -> str:
    """Longest first, so "gisteravond" wins over "gisteren"-like prefixes; spaces match any whitespace."""
    escaped = [re.escape(form).replace(r"\ ", r"\s+") for form in sorted(forms, key=len, reverse=True)]
    return "(?:" + "|".join(escaped) + ")"


def _expansions(words: WordLists) -> dict[str, str]:
    expansions = dict(BUILT_INS)
    for stem in TABLE_FILES:
        expansions[stem.upper()] = _alternation(list(words.tables[stem]))
    for stem in LIST_FILES:
        expansions[stem.upper()] = _alternation(list(words.lists[stem]))
    return expansions


def _compile(raw: RawRule, expansions: dict[str, str], path: str) -> Rule:
    def expand(match: re.Match) -> str:
        if match.group(1) not in expansions:
            raise LexiconError(f"{path}:{raw.line}: unknown placeholder %{match.group(1)}; known: {', '.join(expansions)}")
        return expansions[match.group(1)]

    try:
        regex = re.compile(r"(?<!\w)(?:" + _PLACEHOLDER.sub(expand, raw.pattern) + r")(?!\w)", re.IGNORECASE)
    except re.error as error:
        raise LexiconError(f"{path}:{raw.line}: rule {raw.rule_id} is not a valid pattern ({error})") from None
    unknown = sorted(set(regex.groupindex) - ALLOWED_GROUPS)
    if unknown:
        raise LexiconError(
            f"{path}:{raw.line}: rule {raw.rule_id} has unknown group(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(sorted(ALLOWED_GROUPS))}"
        )
    return Rule(raw.rule_id, regex, raw.examples)


def compile_rules(words: WordLists) -> tuple[Rule, ...]:
    """Expand placeholders and compile every rule once; a bad rule is reported with its line."""
    expansions = _expansions(words)
    path = str(words.folder / f"{RULES_FILE}.txt")
    return tuple(_compile(raw, expansions, path) for raw in words.rules)


def find_matches(text: str, rules: tuple[Rule, ...]) -> list[tuple[re.Match, Rule]]:
    """All rule matches, overlaps settled by length, then by rule order; sorted by position."""
    candidates = []
    for order, rule in enumerate(rules):
        for match in rule.regex.finditer(text):
            candidates.append((-(match.end() - match.start()), match.start(), order, match, rule))
    candidates.sort(key=lambda item: item[:3])
    chosen: list[tuple[re.Match, Rule]] = []
    taken: list[tuple[int, int]] = []
    for _, start, _, match, rule in candidates:
        end = match.end()
        if all(end <= other_start or start >= other_end for other_start, other_end in taken):
            chosen.append((match, rule))
            taken.append((start, end))
    return sorted(chosen, key=lambda pair: pair[0].start())


def _value(group: str, text: str, words: WordLists) -> object:
    """The meaning of one matched group: a number, or the value of its form in the word lists."""
    key = re.sub(r"\s+", " ", text.strip().lower())
    if group in NUMERIC_GROUPS and key.isdigit():
        return int(key)
    for stem in GROUP_TABLES[group]:
        table = words.tables[stem]
        for candidate in (key, key.rstrip(".")):
            if candidate in table:
                return table[candidate]
    raise LexiconError(f"{words.folder}: no value for {group} {text!r} (a placeholder and its list disagree)")


def _spec(groups: dict[str, str], words: WordLists) -> Underspecified:
    """One underspecified value from the groups of one side of a match."""
    values = {name: _value(name, text, words) for name, text in groups.items() if name not in MARKER_GROUPS}
    fields = {name: values[name] for name in ("year", "month", "day", "weekday", "season", "mod") if name in values}
    if "relday" in values:
        fields.update(unit="day", offset=values["relday"])
    elif "unit" in values:
        amount = values.get("shift", values.get("number", 0))
        fields.update(unit=values["unit"], offset=-amount if "ago" in groups else amount)
    elif "shift" in values:
        fields["instance_shift"] = values["shift"]
    if "postshift" in values:
        fields["instance_shift"] = values["postshift"]
    return Underspecified(**fields)


def build_specs(match: re.Match, words: WordLists) -> tuple[Underspecified, Underspecified | None]:
    """Start value and, for a range (groups ending in `_end`, a weekend, a decade), the end value."""
    groups = {name: text for name, text in match.groupdict().items() if text is not None}
    base = {name: text for name, text in groups.items() if not name.endswith("_end")}
    ends = {name[: -len("_end")]: text for name, text in groups.items() if name.endswith("_end")}
    if "decade" in base:
        first = _value("decade", base["decade"], words)
        return Underspecified(year=first), Underspecified(year=first + 9)
    start = _spec(base, words)
    if start.unit == "weekend":  # "komend weekend": the next Saturday and the Sunday after it
        saturday, sunday = WEEKEND
        shift = start.offset
        return Underspecified(weekday=saturday, instance_shift=shift), Underspecified(weekday=sunday, instance_shift=shift)
    if not ends:
        return start, None
    return start, _spec({**base, **ends}, words)
