"""The characters a regular expression can start with, so rules can be grouped by first character.

Python's regex engine tries every branch of an alternation at a position; when a position starts
with "v", only the rules that can begin with "v" need trying. This reads the parsed pattern from
the standard library's parser (a private module, so any surprise falls back to "any character").
"""
from __future__ import annotations

try:  # Python 3.11+
    from re import _constants as constants
    from re import _parser as parser
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as constants  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

_ZERO_WIDTH = {constants.AT, constants.ASSERT, constants.ASSERT_NOT}
_REPEATS = {constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)}
_MAX_RANGE = 400  # a wider character range is treated as "any character"


class _Unknown(Exception):
    """The pattern starts with something this module does not analyse."""


def first_characters(pattern: str) -> frozenset[str] | None:
    """Lower-case characters a match of `pattern` can start with; None when any character may."""
    try:
        characters, nullable = _first(list(parser.parse(pattern)))
    except (_Unknown, AttributeError, TypeError, ValueError):  # the private parser may change
        return None
    return None if nullable else frozenset(characters)


def _first(items: list) -> tuple[set[str], bool]:
    """First characters of a sequence, and whether the sequence can match the empty string."""
    characters: set[str] = set()
    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue
        if op is constants.LITERAL:
            return characters | {chr(argument)}, False
        if op is constants.IN:
            return characters | _set_characters(argument), False
        if op is constants.SUBPATTERN:
            found, nullable = _first(list(argument[-1]))
        elif op is constants.BRANCH:
            results = [_first(list(branch)) for branch in argument[1]]
            found = set().union(*(result[0] for result in results))
            nullable = any(result[1] for result in results)
        elif op in _REPEATS:
            low, _, sub = argument
            found, nullable = _first(list(sub))
            nullable = nullable or low == 0
        else:
            raise _Unknown(op)
        characters |= found
        if not nullable:
            return characters, False
    return characters, True


def _set_characters(members: list) -> set[str]:
    """Characters of a character class such as [0-9] or \\d."""
    characters: set[str] = set()
    for op, argument in members:
        if op is constants.LITERAL:
            characters.add(chr(argument))
        elif op is constants.RANGE and argument[1] - argument[0] <= _MAX_RANGE:
            characters.update(chr(code) for code in range(argument[0], argument[1] + 1))
        elif op is constants.CATEGORY and argument is constants.CATEGORY_DIGIT:
            characters.update("0123456789")
        else:
            raise _Unknown(op)
    return characters
