"""The layout of an article as the event stage reads it: its paragraphs, and which of them open it."""
from __future__ import annotations

import bisect
import re
from typing import Callable

from spacy.tokens import Doc

from pipeline.events.surface import text_of

LEDE_WORDS = 15  # the first paragraph this long is the lede; the short ones before it are titles and captions
_SENTENCE_END = ('.', '!', '?', '"', '”', '’', "'", ')')  # a lede ends as a sentence does; a headline does not
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def opening_paragraphs(doc: Doc) -> list[str]:
    """The paragraphs up to and including the lede: the first paragraph of LEDE_WORDS words or more that
    ends as a sentence ends (a long headline has no full stop: "Een high five, een diner en een ereplaats:
    de G20 in momenten")."""
    opening = []
    for paragraph in text_of(doc).split("\n\n"):
        opening.append(paragraph)
        if len(paragraph.split()) >= LEDE_WORDS and paragraph.rstrip().endswith(_SENTENCE_END):
            break
    return opening


def lede_end(doc: Doc) -> int:
    """The character offset where the lede (and the titles before it) end."""
    return sum(len(paragraph) + 2 for paragraph in opening_paragraphs(doc)) - 2


def titles_end(doc: Doc) -> int:
    """The character offset where the lines before the lede (titles, captions, bylines) end."""
    return sum(len(paragraph) + 2 for paragraph in opening_paragraphs(doc)[:-1])


def paragraph_index(doc: Doc) -> Callable[[int], int]:
    """Character offset -> number of its paragraph (paragraphs are separated by a blank line)."""
    starts = [0] + [match.end() for match in _PARAGRAPH_BREAK.finditer(text_of(doc))]
    return lambda position: bisect.bisect_right(starts, position) - 1
