"""The Doc's surface read once: its text, its lower-cased words and where its quote marks stand.

spaCy builds `doc.text` from every token on each access and makes a new Token object for every
`doc[i]`; the event stage reads words around every trigger, person and place, so it reads them from
lists computed once per Doc (kept in `doc.user_data`, which dies with the Doc).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import IS_PUNCT, IS_QUOTE, LOWER
from spacy.tokens import Doc, Token

CACHE_PREFIX = _PREFIX = "summits.surface."  # every cache of the event stage in doc.user_data
_TEXT, _WORDS, _QUOTES = f"{_PREFIX}text", f"{_PREFIX}words", f"{_PREFIX}quotes"
_STARTS, _PUNCT = f"{_PREFIX}sentence_starts", f"{_PREFIX}punct"


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once."""
    if _TEXT not in doc.user_data:  # the tokenizer keeps every character: the cleaned text is the Doc's
        clean = doc._.clean if doc.has_extension("clean") else None
        ends_alike = clean is not None and len(doc) > 0 and doc[-1].idx + len(doc[-1].text_with_ws) == len(clean.text)
        doc.user_data[_TEXT] = clean.text if ends_alike else doc.text
    return doc.user_data[_TEXT]


def words_of(doc: Doc) -> list[str]:
    """Every token's lower-cased text, by token index."""
    if _WORDS not in doc.user_data:
        _read_surface(doc)
    return doc.user_data[_WORDS]


def quotes_of(doc: Doc) -> list[int]:
    """The indexes of the quotation-mark tokens, in order."""
    if _QUOTES not in doc.user_data:
        _read_surface(doc)
    return doc.user_data[_QUOTES]


def punct_of(doc: Doc) -> list[bool]:
    """Whether each token is punctuation, by token index."""
    if _PUNCT not in doc.user_data:
        _read_surface(doc)
    return doc.user_data[_PUNCT]


def _read_surface(doc: Doc) -> None:
    """Words, punctuation and quote marks in one pass over the token array (no Token objects made)."""
    columns = doc.to_array([LOWER, IS_PUNCT, IS_QUOTE]).reshape(len(doc), 3)
    strings = doc.vocab.strings
    doc.user_data[_WORDS] = [strings[key] for key in columns[:, 0].tolist()]
    doc.user_data[_PUNCT] = [bool(flag) for flag in columns[:, 1].tolist()]
    doc.user_data[_QUOTES] = [index for index, flag in enumerate(columns[:, 2].tolist()) if flag]


def sentence_start(doc: Doc, index: int) -> int:
    """Where the sentence holding token `index` starts (`doc[index].sent.start` without building the Span)."""
    starts = _sentence_starts(doc)
    return starts[bisect_right(starts, index) - 1]


def _sentence_starts(doc: Doc) -> list[int]:
    if _STARTS not in doc.user_data:
        doc.user_data[_STARTS] = [sent.start for sent in doc.sents]
    return doc.user_data[_STARTS]


def sentence_end(doc: Doc, index: int) -> int:
    """Where the sentence holding token `index` ends (`doc[index].sent.end`)."""
    starts = _sentence_starts(doc)
    following = bisect_right(starts, index)
    return starts[following] if following < len(starts) else len(doc)


def in_quote(token: Token) -> bool:
    """Is the token inside quotation marks within its sentence? (an odd number of quote marks before it)"""
    doc, index = token.doc, token.i
    quotes = quotes_of(doc)
    return (bisect_left(quotes, index) - bisect_left(quotes, sentence_start(doc, index))) % 2 == 1


def drop_surface(doc: Doc) -> None:
    """Forget the cached surface and everything else cached under its prefix (the clauses of each
    sentence): derived data must not travel when the Doc is serialised."""
    for key in [key for key in doc.user_data if _cached_here(key)]:
        doc.user_data.pop(key)


def _cached_here(key: object) -> bool:
    """A key of ours: the prefix alone, or the prefix first in a tuple (one entry per sentence)."""
    first = key[0] if isinstance(key, tuple) and key else key
    return isinstance(first, str) and first.startswith(_PREFIX)
