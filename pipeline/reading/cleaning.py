"""Clean raw article text while keeping a map from every clean character back to the raw text.

Removals (templating, widgets, photo credits) and whitespace/quote normalisation never change
what a remaining character is, only where it sits, so `CleanText.offsets` can point every output
span at the original file: analysts check `char_start`/`char_end` against the file they gave us.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import Errors
from pipeline.knowledge.tables import read_table
from pipeline.records import CleanText

# Typographic quotes and dashes are folded to ASCII so one pattern serves every outlet's house style.
_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u00ad": "",
    "\ufeff": "", "\u200b": "",
})
_KINDS = {"template", "widget", "credit", "byline"}


@dataclass(frozen=True)
class JunkRule:
    kind: str
    pattern: re.Pattern


def load_junk_rules(path: Path) -> tuple[JunkRule, ...]:
    """Read models/lexicon/web_junk.txt; a bad line raises DataError naming file and line."""
    rules = []
    for row in read_table(path, ("kind", "regex")):
        if row["kind"] not in _KINDS:
            raise row.error(Errors.E011.format(allowed=", ".join(sorted(_KINDS)), value=row["kind"]))
        try:
            rules.append(JunkRule(row["kind"], re.compile(row["regex"], re.IGNORECASE | re.MULTILINE)))
        except re.error as error:
            raise row.error(Errors.E012.format(error=error)) from None
    return tuple(rules)


def junk_spans(text: str, rules: tuple[JunkRule, ...], start: int = 0) -> list[tuple[int, int]]:
    """Sorted, merged [start, end) spans that rules remove; the header before `start` is one of them."""
    spans = [(0, min(start, len(text)))] if start > 0 else []
    # The header shares its line with the first paragraph: hide it (same length) so that line rules see the
    # first paragraph at the start of a line.
    masked = text if start <= 0 else " " * (min(start, len(text)) - 1) + "\n" + text[start:]
    for rule in rules:
        spans.extend(match.span() for match in rule.pattern.finditer(masked) if match.end() > match.start())
    merged: list[tuple[int, int]] = []
    for span_start, span_end in sorted(spans):
        if merged and span_start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span_end))
        else:
            merged.append((span_start, span_end))
    return merged


def _kept_text(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The characters outside the junk spans, quotes and dashes folded and invisible characters dropped,
    with the raw index of each."""
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for span_start, span_end in spans + [(len(text), len(text))]:
        if position < span_start:
            segment = text[position:span_start]
            folded = segment.translate(_CHAR_MAP)
            pieces.append(folded)
            if len(folded) == len(segment):  # only one-for-one replacements: the usual case
                offsets.extend(range(position, span_start))
            else:
                offsets.extend(position + i for i, char in enumerate(segment) if char.translate(_CHAR_MAP))
        position = max(position, span_end)
    return "".join(pieces), offsets


_WHITESPACE = re.compile(r"\s+")  # the characters str.isspace() accepts


def clean(raw_text: str, rules: tuple[JunkRule, ...] = (), body_start: int = 0) -> CleanText:
    """Remove junk, fold quotes and whitespace; paragraphs stay separated by one blank line. A run of
    whitespace (across removed junk too) becomes one space, or a blank line when it holds two line breaks,
    placed at the run's first raw character; none at the start or the end."""
    kept, where = _kept_text(raw_text, junk_spans(raw_text, rules, body_start))
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    for run in _WHITESPACE.finditer(kept):
        start, end = run.span()
        chars.append(kept[position:start])
        offsets.extend(where[position:start])
        if start > 0 and end < len(kept):
            gap = "\n\n" if run.group().count("\n") >= 2 else " "
            chars.append(gap)
            offsets.extend([where[start]] * len(gap))
        position = end
    chars.append(kept[position:])
    offsets.extend(where[position:])
    return CleanText("".join(chars), tuple(offsets))
