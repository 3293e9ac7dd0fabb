"""CSV cells a spreadsheet would not evaluate.

Excel, LibreOffice and Google Sheets read a cell that starts with `=`, `+`, `-` or `@` (and, in some, a tab or
a carriage return) as a formula: an article quoting `=HYPERLINK(...)` would become a live link in an
analyst's sheet (CSV or formula injection, OWASP). Such a cell is written with a leading apostrophe, the
spreadsheets' own mark for "this is text"; numbers such as `-73.9` stay numbers. The exact text is never
lost: `char_start`/`char_end` point into the original file, and the database and Parquet files hold it
unchanged.
"""
from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def spreadsheet_text(value: object) -> object:
    """`value`, with the text mark in front when a spreadsheet would take it for a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return TEXT_MARK + value
    return value


def spreadsheet_row(row: dict) -> dict:
    return {column: spreadsheet_text(value) for column, value in row.items()}


def unmarked(value: str) -> str:
    """The cell's text as the pipeline wrote it, from a cell `spreadsheet_text` marked (for readers of our CSV)."""
    if value.startswith(TEXT_MARK) and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
