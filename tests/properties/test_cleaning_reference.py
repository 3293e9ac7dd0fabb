"""`clean` works on whole runs of text (for speed); it must give exactly what the plain character-by-character
definition gives: junk removed, quotes and dashes folded, invisible characters dropped, every run of
whitespace (across removed junk and dropped characters too) one space or, with two line breaks, one blank
line at the run's first raw character, none at the start or the end."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from pipeline.config import load_settings
from pipeline.reading.cleaning import _CHAR_MAP, clean, junk_spans, load_junk_rules
from tests.conftest import REPO

RULES = load_junk_rules(load_settings(REPO / "config.yaml").models_dir / "lexicon" / "web_junk.txt")
PIECES = st.sampled_from([
    " ", "  ", "\n", "\n\n", "\n \n", "\t", "\u00a0", "\u2009", "\u00ad", "\ufeff", "\u200b", "\u2028", "\x85",
    "\u201c", "\u2019", "\u2014", "Rutte", "ontmoette", "Merkel", ".", "Foto: ANP", "(ANP)", "Lees ook:",
    "{{ trans('x') }}", "é", "x",
])
TEXT = st.lists(PIECES | st.text(max_size=3), max_size=40).map("".join)


def reference_clean(raw_text: str, rules, body_start: int) -> tuple[str, tuple[int, ...]]:
    chars, offsets = [], []
    pending, pending_at, newlines = "", 0, 0
    spans = junk_spans(raw_text, rules, body_start)
    for index, char in enumerate(raw_text):
        if any(start <= index < end for start, end in spans):
            continue
        char = char.translate(_CHAR_MAP)
        if not char:
            continue
        if char.isspace():
            if not pending:
                pending, pending_at, newlines = " ", index, 0
            newlines += char == "\n"
            if newlines >= 2:
                pending = "\n\n"
            continue
        if pending and chars:
            chars.extend(pending)
            offsets.extend([pending_at] * len(pending))
        pending = ""
        chars.append(char)
        offsets.append(index)
    return "".join(chars), tuple(offsets)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(0, 12), st.booleans())
def test_clean_is_the_character_by_character_definition(text, body_start, with_rules):
    rules = RULES if with_rules else ()
    cleaned = clean(text, rules, min(body_start, len(text)))
    assert (cleaned.text, cleaned.offsets) == reference_clean(text, rules, min(body_start, len(text)))
