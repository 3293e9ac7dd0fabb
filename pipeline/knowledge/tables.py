"""The one reader for every table and word list under models/.

Every file starts with '#' header lines: what it is, where it comes from, and a line
`# FORMAT: column<TAB>column ...` naming its columns. A data line has exactly that many tab-separated
fields; only the columns the caller declares optional may be empty. No field is silently dropped, no
line silently skipped: a bad line raises DataError with the file and line.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pipeline.errors import DataError, Errors

FORMAT_PREFIX = "# FORMAT:"
_COLUMN_SEPARATOR = re.compile(r"<TAB>|\t")


@dataclass(frozen=True)
class TableRow:
    """One data line: its fields by column name, and the comment lines written just above it."""

    path: Path
    line: int
    cells: dict[str, str]
    notes: tuple[str, ...] = ()  # '#' lines right above the row, without the '#' (e.g. "EXAMPLE: ...")

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def error(self, message: str) -> DataError:
        return DataError(self.path, message, self.line)


def read_lines(path: Path) -> list[str]:
    """The file's lines; DataError when it is missing or not UTF-8."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError(path, Errors.E008) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(path, Errors.E001.format(error=f"{error.__class__.__name__}: {error}")) from None


def declared_columns(line: str) -> tuple[str, ...]:
    """'# FORMAT: form<TAB>month' -> ('form', 'month')."""
    return tuple(part.strip() for part in _COLUMN_SEPARATOR.split(line[len(FORMAT_PREFIX):]) if part.strip())


def read_table(path: Path, columns: tuple[str, ...], optional: Iterable[str] = ()) -> list[TableRow]:
    """The data lines of a headed table, checked against the columns the caller reads."""
    optional = set(optional)
    required = [column for column in columns if column not in optional]
    rows: list[TableRow] = []
    declared: tuple[str, ...] | None = None
    notes: list[str] = []
    for number, line in enumerate(read_lines(path), start=1):
        if line.startswith(FORMAT_PREFIX) and declared is None:
            declared = declared_columns(line)
            if declared != columns:
                raise DataError(path, Errors.E003.format(declared=", ".join(declared),
                                                         expected=", ".join(columns)), number)
        if line.startswith("#"):
            notes.append(line[1:].strip())
            continue
        if not line.strip():
            notes = []
            continue
        if declared is None:
            raise DataError(path, Errors.E006, number)
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != len(columns):
            raise DataError(path, Errors.E004.format(expected=len(columns), columns=", ".join(columns),
                                                     found=len(fields)), number)
        cells = dict(zip(columns, fields))
        empty = next((column for column in required if not cells[column]), None)
        if empty is not None:
            raise DataError(path, Errors.E005.format(column=empty), number)
        rows.append(TableRow(path, number, cells, tuple(notes)))
        notes = []
    if declared is None:
        raise DataError(path, Errors.E002, 1)
    return rows


def read_words(path: Path, column: str = "word", lower: bool = True) -> frozenset[str]:
    """A one-column word list."""
    return frozenset(row[column].lower() if lower else row[column] for row in read_table(path, (column,)))


def fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the files' names and contents: two folders with the same data share one loaded copy."""
    digest = hashlib.sha1()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8"))
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()
