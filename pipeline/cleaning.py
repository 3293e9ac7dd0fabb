"""Clean raw article text while keeping a map from every clean character back to the raw text.

Removals (templating, widgets, photo credits) and whitespace/quote normalisation never change
what a remaining character is, only where it sits, so `CleanText.offsets` can point every output
span at the original file: analysts check `char_start`/`char_end` against the file they gave us.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.records import CleanText

# Typographic quotes and dashes are folded to ASCII so one pattern serves every outlet's house style.
_CHAR_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u00ad": "",
    "\ufeff": "", "\u200b": "",
})
_KINDS = {"template", "widget", "credit"}


@dataclass(frozen=True)
class JunkRule:
    kind: str
    pattern: re.Pattern


@lru_cache(maxsize=4)
def load_junk_rules(path: Path) -> tuple[JunkRule, ...]:
    """Read models/lexicon/web_junk.txt; a bad line raises ValueError naming file and line."""
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, regex = line.partition("\t")
        if kind not in _KINDS or not regex:
            raise ValueError(f"{path}:{number}: expected 'kind<TAB>regex' with kind in {sorted(_KINDS)}")
        try:
            rules.append(JunkRule(kind, re.compile(regex, re.IGNORECASE | re.MULTILINE)))
        except re.error as error:
            raise ValueError(f"{path}:{number}: bad regular expression: {error}") from None
    return tuple(rules)


def junk_mask(text: str, rules: tuple[JunkRule, ...], start: int = 0) -> list[bool]:
    """True for every character a rule removes; characters before `start` (the header) also go."""
    drop = [False] * len(text)
    for index in range(min(start, len(text))):
        drop[index] = True
    for rule in rules:
        for match in rule.pattern.finditer(text):
            for index in range(match.start(), match.end()):
                drop[index] = True
    return drop


def clean(raw_text: str, rules: tuple[JunkRule, ...] = (), body_start: int = 0) -> CleanText:
    """Remove junk, fold quotes and whitespace; paragraphs stay separated by one blank line."""
    drop = junk_mask(raw_text, rules, body_start)
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = ""  # the whitespace run being collapsed: "", " " or "\n\n"
    pending_at = 0
    for index, char in enumerate(raw_text):
        if drop[index]:
            continue
        char = char.translate(_CHAR_MAP)
        if not char:
            continue
        if char.isspace():
            if char == "\n" and "\n" in raw_text[pending_at:index] and pending_space:
                pending_space = "\n\n"
            elif not pending_space:
                pending_space, pending_at = ("\n" if char == "\n" else " "), index
            continue
        if pending_space and chars:
            separator = "\n\n" if pending_space == "\n\n" else " "
            for piece in separator:
                chars.append(piece)
                offsets.append(pending_at)
        pending_space = ""
        chars.append(char)
        offsets.append(index)
    return CleanText("".join(chars), tuple(offsets))
