"""Compile rules.txt into regular expressions and turn each match into underspecified values.

As in HeidelTime, a rule is a pattern whose %PLACEHOLDERS expand to word lists; the named groups of
the pattern say what each part means, so the code here knows no Dutch word, only group names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.timex.first_characters import first_characters
from pipeline.timex.lexicon import LIST_FILES, RULES_FILE, TABLE_FILES, RawRule, WordLists
from pipeline.errors import DataError, Errors
from pipeline.timex.resolve import Underspecified

# Language-neutral number shapes; guards keep "€2000" or "12,2019" from being read as years.
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
    "vague": ("vague_counts",),
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
_WORD = re.compile(r"\w+")
NON_TRIGGER_FILES = ("weekday_suffixes", "year_blockers", "clause_boundaries", "alternatives")  # never open a match
_LEFT_EDGE, _RIGHT_EDGE = r"(?<!\w)(?:", r")(?!\w)"  # whole words only
WEEKEND = (6, 7)  # ISO Saturday and Sunday


@dataclass(frozen=True)
class Rule:
    rule_id: str
    regex: re.Pattern
    examples: tuple[str, ...]


def _alternation(forms: list[str]) -> str:
    """The forms as a regex trie ("d(?:ec|in)..."): any form matches, the longest is tried first, and
    the engine never re-reads a shared prefix; a space in a form matches any whitespace."""
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: dict) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a form ends here, a longer one may continue
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
    return body


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
            known = ", ".join(expansions)
            raise DataError(path, Errors.E023.format(value=match.group(1), known=known), raw.line)
        return expansions[match.group(1)]

    try:
        regex = re.compile(_LEFT_EDGE + _PLACEHOLDER.sub(expand, raw.pattern) + _RIGHT_EDGE, re.IGNORECASE)
    except re.error as error:
        raise DataError(path, Errors.E012.format(error=f"rule {raw.rule_id}: {error}"), raw.line) from None
    unknown = sorted(set(regex.groupindex) - ALLOWED_GROUPS)
    if unknown:
        raise DataError(path, Errors.E011.format(allowed=", ".join(sorted(ALLOWED_GROUPS)),
                                                 value=f"group(s) {', '.join(unknown)} of rule {raw.rule_id}"), raw.line)
    return Rule(raw.rule_id, regex, raw.examples)


class RuleMatch(NamedTuple):
    """One expression found: where, which rule, and the text of each named group of that rule."""

    start: int
    end: int
    text: str
    groups: dict[str, str]
    rule: Rule


@dataclass(frozen=True)
class Scanner:
    """All rules as one alternation, tried only where a word-list word or a number starts nearby."""

    rules: tuple[Rule, ...]
    regex: re.Pattern  # for lower-cased text (fast: no case folding inside the engine)
    by_first_character: dict[str, re.Pattern]  # only the rules that can start with that character
    group_names: dict[str, tuple[Rule, tuple[tuple[str, str], ...]]]  # wrapper group -> rule, (inner, own)
    trigger_regex: re.Pattern  # a number or the first word of a word-list form, at a word start
    values: dict[str, dict[str, object]]  # group name -> form -> meaning


def _prefixed(rule: Rule, index: int) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The rule's pattern with its group names made unique (r3_day), and the name pairs."""
    prefix = f"r{index}_"
    body = rule.regex.pattern[len(_LEFT_EDGE):-len(_RIGHT_EDGE)]
    body = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{prefix}{m.group(1)}>", body)
    body = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={prefix}{m.group(1)})", body)
    return body, tuple((prefix + name, name) for name in rule.regex.groupindex)


def _trigger_regex(words: WordLists) -> re.Pattern:
    """Where an expression may be near: a number, or a word beginning like a word-list form
    ("zondagochtend" begins like "zondag"); suffixes such as "jl." never open one."""
    stems = [stem for stem in TABLE_FILES if stem not in NON_TRIGGER_FILES]
    forms = [form for stem in stems for form in words.tables[stem]]
    forms += [form for stem in LIST_FILES if stem not in NON_TRIGGER_FILES for form in words.lists[stem]]
    first_words = {_WORD.findall(form)[0] for form in forms if _WORD.search(form)}
    return re.compile(r"(?<!\w)(?:\d|" + _alternation(sorted(first_words)) + ")")


def compile_rules(words: WordLists) -> Scanner:
    """Expand placeholders and compile every rule once; a bad rule is reported with its line."""
    expansions = _expansions(words)
    path = str(words.folder / f"{RULES_FILE}.txt")
    rules = tuple(_compile(raw, expansions, path) for raw in words.rules)
    bodies, group_names = [], {}
    for index, rule in enumerate(rules):
        body, names = _prefixed(rule, index)
        bodies.append(f"(?P<R{index}>{body})")
        group_names[f"R{index}"] = (rule, names)
    pattern = _LEFT_EDGE + "|".join(bodies) + _RIGHT_EDGE
    values = {group: {form: value for stem in reversed(stems) for form, value in words.tables[stem].items()}
              for group, stems in GROUP_TABLES.items()}
    return Scanner(
        rules, re.compile(pattern), _by_first_character(rules, bodies), group_names, _trigger_regex(words), values,
    )


def _by_first_character(rules: tuple[Rule, ...], bodies: list[str]) -> dict[str, re.Pattern]:
    """For each possible first character, the alternation of the rules (in file order) that can
    start with it; a rule whose first characters are unknown joins every alternation."""
    firsts = [first_characters(rule.regex.pattern) for rule in rules]
    characters = set().union(*(first for first in firsts if first is not None))
    compiled: dict[tuple[int, ...], re.Pattern] = {}
    table = {}
    for character in characters:
        chosen = tuple(i for i, first in enumerate(firsts) if first is None or character in first)
        if chosen not in compiled:
            compiled[chosen] = re.compile(_LEFT_EDGE + "|".join(bodies[i] for i in chosen) + _RIGHT_EDGE)
        table[character] = compiled[chosen]
    return table


def find_matches(text: str, scanner: Scanner) -> list[RuleMatch]:
    """Expressions from left to right; at one position the first rule (in file order) that matches wins.

    rules.txt promises that a match starts at a word-list word or a number, or one word before it
    ("van", "de"), so only those positions are tried: text without date words costs one quick scan.
    """
    lowered, regex_for = text.lower(), scanner.by_first_character.get
    if len(lowered) != len(text):  # "İ" lower-cases to two characters: it stays as it is, so offsets stay exact
        lowered = "".join(char if len(char.lower()) != 1 else char.lower() for char in text)
    found: list[RuleMatch] = []
    done_until = 0
    for trigger in scanner.trigger_regex.finditer(lowered):
        if trigger.start() < done_until:
            continue
        for start in (_previous_word_start(lowered, trigger.start()), trigger.start()):
            regex = regex_for(lowered[start]) if start >= done_until else None
            match = regex.match(lowered, start) if regex else None
            if match:
                found.append(_rule_match(match, text, scanner))
                done_until = match.end()
                break
    return found


def _previous_word_start(text: str, position: int) -> int:
    """Start of the word before `position`, or -1 when there is none."""
    index = position - 1
    while index >= 0 and not (text[index].isalnum() or text[index] == "_"):
        index -= 1
    if index < 0:
        return -1
    while index > 0 and (text[index - 1].isalnum() or text[index - 1] == "_"):
        index -= 1
    return index


def _rule_match(match: re.Match, text: str, scanner: Scanner) -> RuleMatch:
    rule, names = scanner.group_names[match.lastgroup]
    groups = {own: match.group(inner) for inner, own in names if match.group(inner) is not None}
    return RuleMatch(match.start(), match.end(), text[match.start():match.end()], groups, rule)


def _value(group: str, text: str, scanner: Scanner) -> object:
    """The meaning of one matched group: a number, or the value of its form in the word lists."""
    key = " ".join(text.lower().split())
    if group in NUMERIC_GROUPS and key.isdigit():
        return int(key)
    table = scanner.values[group]
    value = table.get(key, table.get(key.rstrip(".")))
    if value is None:
        raise DataError("rules.txt", f"no value for {group} {text!r}: a placeholder and its word list disagree")
    return value


def _spec(groups: dict[str, str], scanner: Scanner) -> Underspecified:
    """One underspecified value from the groups of one side of a match."""
    values = {name: _value(name, text, scanner) for name, text in groups.items() if name not in MARKER_GROUPS}
    fields = {name: values[name] for name in ("year", "month", "day", "weekday", "season", "mod") if name in values}
    if "relday" in values:
        fields.update(unit="day", offset=values["relday"])
    elif "unit" in values:
        amount = values.get("shift", values.get("number", values.get("vague", 0)))
        fields.update(unit=values["unit"], offset=-amount if "ago" in groups else amount, vague="vague" in values)
        if "ago" in groups and values["unit"] == "year" and amount == 1 and "vague" not in values:
            fields.update(unit="month", offset=-12)  # "een jaar geleden": this time last year, its month
    elif "shift" in values:
        fields["instance_shift"] = values["shift"]
    if "postshift" in values:
        fields["instance_shift"] = values["postshift"]
    return Underspecified(**fields)


def build_specs(groups: dict[str, str], scanner: Scanner) -> tuple[Underspecified, Underspecified | None]:
    """Start value and, for a range (groups ending in `_end`, a weekend, a decade), the end value."""
    ends = {name[:-4]: text for name, text in groups.items() if name[-4:] == "_end"}
    base = {name: text for name, text in groups.items() if name[-4:] != "_end"} if ends else groups
    if "decade" in base:
        first = _value("decade", base["decade"], scanner)
        return Underspecified(year=first), Underspecified(year=first + 9)
    start = _spec(base, scanner)
    if start.unit == "weekend":  # "komend weekend": the next Saturday and the Sunday after it
        saturday, sunday = WEEKEND
        shift = start.offset
        return (Underspecified(weekday=saturday, instance_shift=shift),
                Underspecified(weekday=sunday, instance_shift=shift))
    if not ends:
        return start, None
    return start, _spec({**base, **ends}, scanner)
