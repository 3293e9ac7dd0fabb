"""What stands in a stretch of a document: persons, places and time expressions by position.

Every lookup is a binary search in a list sorted by position, never a scan of the whole document, so a
long article costs its length and not its square (issue 14). The lists are the Doc's own extensions
(`doc._.persons`, `doc._.places`, sorted by token; `doc._.timexes`, sorted by character).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Sequence, TypeVar

T = TypeVar("T")


def _start(item) -> int:
    return item.start


def _start_char(item) -> int:
    return item.start_char


def within(items: Sequence[T], start: int, end: int) -> Sequence[T]:
    """The items (sorted by `.start`) that begin at a token in [start, end)."""
    return items[bisect_left(items, start, key=_start):bisect_left(items, end, key=_start)]


def within_ranges(items: Sequence[T], ranges) -> list[T]:
    """The items that begin in any of the token ranges, in document order, each once."""
    found = {id(item): item for start, end in ranges for item in within(items, start, end)}
    return sorted(found.values(), key=_start)


def before(items: Sequence[T], position: int) -> Sequence[T]:
    """The items that begin before token `position`."""
    return items[:bisect_left(items, position, key=_start)]


def timexes_within(items: Sequence[T], start_char: int, end_char: int) -> Sequence[T]:
    """The time expressions (sorted by `.start_char`) that begin in [start_char, end_char)."""
    return items[bisect_left(items, start_char, key=_start_char):bisect_left(items, end_char, key=_start_char)]


def timexes_before(items: Sequence[T], char: int) -> Sequence[T]:
    """The time expressions that begin before character `char`."""
    return items[:bisect_left(items, char, key=_start_char)]
