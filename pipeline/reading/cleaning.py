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


def _kept_indices(text: str, spans: list[tuple[int, int]]):
    """Indices of the characters outside the junk spans, jumping over each span in one step."""
    position = 0
    for span_start, span_end in spans + [(len(text), len(text))]:
        yield from range(position, span_start)
        position = max(position, span_end)


def clean(raw_text: str, rules: tuple[JunkRule, ...] = (), body_start: int = 0) -> CleanText:
    """Remove junk, fold quotes and whitespace; paragraphs stay separated by one blank line."""
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = ""  # the whitespace run being collapsed: "", " " or "\n\n"
    pending_at = newlines = 0  # where the run starts in the raw text; line breaks seen in it
    for index in _kept_indices(raw_text, junk_spans(raw_text, rules, body_start)):
        char = raw_text[index].translate(_CHAR_MAP)
        if not char:
            continue
        if char.isspace():
            if not pending_space:
                pending_space, pending_at, newlines = " ", index, 0
            newlines += char == "\n"
            if newlines >= 2:
                pending_space = "\n\n"
            continue
        if pending_space and chars:
            for piece in pending_space:
                chars.append(piece)
                offsets.append(pending_at)
        pending_space = ""
        chars.append(char)
        offsets.append(index)
    return CleanText("".join(chars), tuple(offsets))
