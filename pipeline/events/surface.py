"""The Doc's surface read once: its text, its lower-cased words and where its quote marks stand.

spaCy builds `doc.text` from every token on each access and makes a new Token object for every
`doc[i]`; the event stage reads words around every trigger, person and place, so it reads them from
lists computed once per Doc (kept in `doc.user_data`, which dies with the Doc).
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

_PREFIX = "summits.surface."
_TEXT, _WORDS, _QUOTES = f"{_PREFIX}text", f"{_PREFIX}words", f"{_PREFIX}quotes"


def text_of(doc: Doc) -> str:
    """`doc.text`, joined once."""
    if _TEXT not in doc.user_data:
        doc.user_data[_TEXT] = doc.text
    return doc.user_data[_TEXT]


def words_of(doc: Doc) -> list[str]:
    """Every token's lower-cased text, by token index."""
    if _WORDS not in doc.user_data:
        doc.user_data[_WORDS] = [token.lower_ for token in doc]
    return doc.user_data[_WORDS]


def quotes_of(doc: Doc) -> list[int]:
    """The indexes of the quotation-mark tokens, in order."""
    if _QUOTES not in doc.user_data:
        doc.user_data[_QUOTES] = [token.i for token in doc if token.is_quote]
    return doc.user_data[_QUOTES]


def in_quote(token: Token) -> bool:
    """Is the token inside quotation marks within its sentence? (an odd number of quote marks before it)"""
    quotes = quotes_of(token.doc)
    return (bisect_left(quotes, token.i) - bisect_left(quotes, token.sent.start)) % 2 == 1


def drop_surface(doc: Doc) -> None:
    """Forget the cached surface and everything else cached under its prefix (the clauses of each
    sentence): derived data must not travel when the Doc is serialised."""
    for key in [key for key in doc.user_data if isinstance(key, str) and key.startswith(_PREFIX)]:
        doc.user_data.pop(key)
