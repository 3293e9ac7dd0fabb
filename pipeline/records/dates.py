"""Dates as news gives them: known to the year, the month or the day."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

PRECISIONS = ("year", "month", "day")  # coarse to fine


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to year, month or day precision (publication dates are often months)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def period(self) -> tuple[dt.date, dt.date]:
        """The first and last day the date can mean."""
        if self.day is not None:
            day = dt.date(self.year, self.month, self.day)
            return day, day
        if self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last)
        return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError with the offending text."""
        pieces = text.strip().split("-")
        if not 1 <= len(pieces) <= 3 or not all(p.isdigit() for p in pieces) or len(pieces[0]) != 4:
            raise ValueError(f"not a date of the form YYYY[-MM[-DD]]: {text!r}")
        numbers = [int(p) for p in pieces] + [None] * (3 - len(pieces))
        year, month, day = numbers
        try:  # validate through the calendar so 2019-02-30 is refused
            dt.date(year, 1 if month is None else month, 1 if day is None else day)  # "2019-00" is no month
        except (ValueError, OverflowError) as error:  # OverflowError: a month or day beyond a C int
            raise ValueError(f"not a calendar date: {text!r}") from error
        return cls(year, month, day)


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression: TIMEX3-like value with its precision and rule."""

    start_char: int
    end_char: int
    text: str
    value: str  # ISO cut to precision, e.g. "2019-04"
    precision: str  # "day" | "month" | "year"
    value_end: str = ""  # for ranges ("van zondag tot woensdag"), else ""
    rule_id: str = ""
    granularity: str = ""  # what the expression itself names ("donderdag": day), whatever the anchor allows
