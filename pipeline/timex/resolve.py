"""Pure arithmetic of temporal expressions: an underspecified value plus an anchor gives an ISO value.

Detection (timex_rules) turns Dutch words into an `Underspecified` value, TIMEX3-style
(`offset=-1, unit=year`, `weekday=4`, `month=7`, `season=summer`); everything here is language-neutral
and knows only the calendar, so it is tested without spaCy or word lists. The anchor is the article
date and may be known only to the month or year: a result is never finer than the anchor supports,
except for parts the expression states itself ("12 juni" is a day even in an article dated 2019).
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from pipeline.records import PRECISIONS, PartialDate

# Meteorological seasons as (first month, last month); winter runs December to February and is
# labelled with the year of its January, the larger part of it.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}  # anchor precision a unit needs
VAGUE_PRECISION = {"day": "month", "week": "month", "month": "year", "year": "year"}  # "enkele dagen geleden"
TENSES = ("past", "present", "future")


class Underspecified(NamedTuple):
    """A temporal expression before the anchor is known: absolute parts plus a relative offset.

    A NamedTuple rather than a frozen dataclass: one is built per expression found, and tuples are
    several times cheaper to create."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: 1 = Monday ... 7 = Sunday
    season: str | None = None
    unit: str | None = None  # day | week | month | year: the value is `offset` units from the anchor
    offset: int = 0
    instance_shift: int | None = None  # weekday/season: -1 last before, 0 this week/year, +1 next after
    mod: str | None = None  # TIMEX3 mod (START, MID, END, BEFORE, AFTER); does not move the value
    vague: bool = False  # the offset is a guess ("een paar dagen"): one precision coarser than the unit

    @property
    def granularity(self) -> str:
        """The finest precision the expression itself names (before any anchor cap)."""
        if self.vague:
            return VAGUE_PRECISION[self.unit]
        if self.day is not None or self.weekday is not None or self.unit == "day":
            return "day"
        if self.month is not None or self.unit in ("week", "month"):
            return "month"
        return "year"

    @property
    def needs_tense(self) -> bool:
        """True when the sentence's tense may choose the value (bare weekday, year-less date, season)."""
        return self.unit is None and self.year is None and self.instance_shift is None

    @property
    def needs_anchor(self) -> bool:
        """True when the value cannot be computed without the article date."""
        return self.year is None or self.unit is not None


def cut(value: str, precision: str) -> str:
    """Cut an ISO value to a precision: ("2019-04-25", "month") -> "2019-04"."""
    return value[: {"year": 4, "month": 7, "day": 10}[precision]]


def coarser(first: str, second: str) -> str:
    """The coarser of two precisions ("month" and "day" -> "month")."""
    return PRECISIONS[min(PRECISIONS.index(first), PRECISIONS.index(second))]


def _iso(year: int, month: int | None = None, day: int | None = None) -> tuple[str, str] | None:
    """(value, precision) for a calendar date known to year, month or day; None if it does not exist."""
    date = PartialDate(year, month, day if month is not None else None)
    try:
        dt.date(year, month or 1, date.day or 1)  # the calendar check: refuses 31 February
    except ValueError:
        return None
    return date.iso(), date.precision


def resolve(spec: Underspecified, anchor: PartialDate | None, tense: str | None = None) -> tuple[str, str] | None:
    """Compute (value, precision) of `spec` against the anchor; None if impossible or anchor missing."""
    try:
        return _resolve(spec, anchor, tense)
    except OverflowError:  # "gisteren" against 0001-01-01 (a placeholder date): before the calendar begins
        return None


def _resolve(spec: Underspecified, anchor: PartialDate | None, tense: str | None) -> tuple[str, str] | None:
    if spec.year is not None and spec.unit is None:
        return _iso(spec.year, spec.month, spec.day)
    if anchor is None:
        return None
    if spec.unit is not None:
        value = _relative(spec, anchor)
        if value is None or not spec.vague:
            return value
        precision = coarser(value[1], VAGUE_PRECISION[spec.unit])
        return cut(value[0], precision), precision
    if spec.month is not None:
        return _iso(infer_year(spec, anchor, tense), spec.month, spec.day)
    if spec.weekday is not None:
        return _weekday(spec, anchor, tense)
    if spec.season is not None:
        return _iso(_season_year(spec, anchor, tense))  # zero-padded; None beyond the calendar
    return None


def _relative(spec: Underspecified, anchor: PartialDate) -> tuple[str, str] | None:
    """Expressions counted from the anchor ("vorig jaar", "drie dagen geleden", "mei vorig jaar")."""
    needed = UNIT_PRECISION[spec.unit]
    if PRECISIONS.index(anchor.precision) < PRECISIONS.index(needed):
        return anchor.iso(), anchor.precision  # "gisteren" in an article dated only 2023-09
    if spec.unit == "year":
        year = anchor.year + spec.offset
        return _iso(year, spec.month, spec.day)
    if spec.unit == "month":
        index = anchor.year * 12 + (anchor.month - 1) + spec.offset
        return _iso(index // 12, index % 12 + 1)
    moved = dt.date(anchor.year, anchor.month, anchor.day)
    if spec.unit == "day":
        moved += dt.timedelta(days=spec.offset)
        return moved.isoformat(), "day"
    monday = moved + dt.timedelta(days=7 * spec.offset - (moved.isoweekday() - 1))
    if spec.weekday is not None:
        return (monday + dt.timedelta(days=spec.weekday - 1)).isoformat(), "day"
    # A week has no ISO precision of its own: it belongs to the month of its Thursday (ISO 8601 rule).
    return cut((monday + dt.timedelta(days=3)).isoformat(), "month"), "month"


def weekday_date(weekday: int, reference: dt.date, shift: int | None, tense: str | None) -> dt.date:
    """The date of `weekday` near `reference`: by explicit shift, else by tense (reference day included)."""
    back = (reference.isoweekday() - weekday) % 7
    ahead = (weekday - reference.isoweekday()) % 7
    if shift == 0:
        return reference + dt.timedelta(days=weekday - reference.isoweekday())
    if shift == -1:
        return reference - dt.timedelta(days=back or 7)
    if shift == 1:
        return reference + dt.timedelta(days=ahead or 7)
    if tense == "past" or (tense is None and back <= ahead):
        return reference - dt.timedelta(days=back)
    return reference + dt.timedelta(days=ahead)


def _weekday(spec: Underspecified, anchor: PartialDate, tense: str | None) -> tuple[str, str]:
    """A weekday is a day only when the anchor is a day; otherwise the anchor's month or year."""
    if anchor.day is None:
        return anchor.iso(), anchor.precision
    reference = dt.date(anchor.year, anchor.month, anchor.day)
    return weekday_date(spec.weekday, reference, spec.instance_shift, tense).isoformat(), "day"


def _candidate_years(spec: Underspecified, anchor: PartialDate) -> list[int]:
    """Years a year-less date may mean: around the anchor, where the date exists and the weekday fits."""
    if spec.day is None:
        return [anchor.year - 1, anchor.year, anchor.year + 1]
    # "29 februari" exists only in leap years, so look up to four years away
    existing = [y for y in range(anchor.year - 4, anchor.year + 5) if _weekday_of(y, spec.month, spec.day)]
    if spec.weekday is not None:  # "vrijdag 8 november": a year within one of the anchor where it is a Friday
        fitting = [
            y for y in existing if abs(y - anchor.year) <= 1 and _weekday_of(y, spec.month, spec.day) == spec.weekday
        ]
        existing = fitting or existing
    return existing or [anchor.year]  # "31 april" exists nowhere; the caller finds that out


def infer_year(spec: Underspecified, anchor: PartialDate, tense: str | None) -> int:
    """The year of a year-less date ("12 juni"): by tense (the present as the future), else the nearest; a
    stated weekday must fit."""
    candidates = _candidate_years(spec, anchor)
    tense = {-1: "past", 1: "future"}.get(spec.instance_shift, tense)  # "3 juni jl.", "3 juni a.s."
    if anchor.month is None:
        return min(candidates, key=lambda year: (abs(year - anchor.year), year > anchor.year))
    anchor_key = (anchor.month, anchor.day if spec.day is not None and anchor.day is not None else 0)
    spec_key = (spec.month, spec.day if spec.day is not None and anchor.day is not None else 0)

    def months_from_anchor(year: int) -> float:
        return (year - anchor.year) * 12 + (spec_key[0] - anchor_key[0]) + (spec_key[1] - anchor_key[1]) / 31

    if tense == "past":
        earlier = [y for y in candidates if months_from_anchor(y) <= 0]
        return max(earlier) if earlier else min(candidates)
    if tense in ("future", "present"):  # Dutch news uses the present for what is coming: "ontmoeten elkaar in november"
        later = [y for y in candidates if months_from_anchor(y) >= 0]
        return min(later) if later else max(candidates)
    return min(candidates, key=lambda y: (abs(months_from_anchor(y)), months_from_anchor(y) > 0))


def _weekday_of(year: int, month: int, day: int) -> int | None:
    """ISO weekday of a date, or None when the date does not exist (29 February)."""
    try:
        return dt.date(year, month, day).isoweekday()
    except ValueError:
        return None


def _season_span(season: str, year: int) -> tuple[int, int]:
    """First and last month of a season instance as month indexes (year * 12 + month - 1)."""
    first, last = SEASON_MONTHS[season]
    start_year = year - 1 if first > last else year
    return start_year * 12 + first - 1, year * 12 + last - 1


def _season_year(spec: Underspecified, anchor: PartialDate, tense: str | None) -> int:
    """The year of "afgelopen zomer", "dit voorjaar", "in de winter" relative to the anchor."""
    if anchor.month is None:
        return anchor.year
    now = anchor.year * 12 + anchor.month - 1
    years = range(anchor.year - 1, anchor.year + 2)
    spans = {year: _season_span(spec.season, year) for year in years}
    if spec.instance_shift == -1 or (spec.instance_shift is None and tense == "past"):
        strict = spec.instance_shift == -1
        done = [y for y in years if (spans[y][1] < now if strict else spans[y][0] <= now)]
        return max(done)
    if spec.instance_shift == 1 or (spec.instance_shift is None and tense == "future"):
        strict = spec.instance_shift == 1
        coming = [y for y in years if (spans[y][0] > now if strict else spans[y][1] >= now)]
        return min(coming)
    containing = [y for y in years if spans[y][0] <= now <= spans[y][1]]
    return containing[0] if containing else anchor.year


def resolve_range(
    start: Underspecified, end: Underspecified, anchor: PartialDate | None, tense: str | None = None
) -> tuple[str, str, str] | None:
    """Resolve a range ("van zondag tot woensdag", "30 december tot 2 januari") to start, end, precision."""
    if _weekday_only(start) and _weekday_only(end) and anchor is not None and anchor.day is not None:
        try:
            return _weekday_range(start, end, anchor, tense)
        except OverflowError:  # a range running off either end of the calendar
            return None
    start, end, borrowed = _share_year(start, end, anchor, tense)
    first, last = resolve(start, anchor, tense), resolve(end, anchor, tense)
    if first is None or last is None:
        return None
    if last[0] < first[0] and borrowed == "end":  # "30 december tot 2 januari": the end is next year
        last = resolve(end._replace(year=end.year + 1), anchor, tense)
    elif last[0] < first[0] and borrowed == "start":  # "30 december tot 2 januari 2019"
        first = resolve(start._replace(year=start.year - 1), anchor, tense)
    if first is None or last is None:
        return None
    precision = coarser(first[1], last[1])
    return cut(first[0], precision), cut(last[0], precision), precision


def _weekday_only(spec: Underspecified) -> bool:
    return spec.weekday is not None and spec.unit is None and spec.month is None and spec.year is None


def _weekday_range(start: Underspecified, end: Underspecified, anchor: PartialDate, tense: str | None):
    """Past (or unknown) tense fixes the last day first; present and future fix the first day."""
    reference = dt.date(anchor.year, anchor.month, anchor.day)
    if tense in ("present", "future"):
        first = weekday_date(start.weekday, reference, start.instance_shift, tense)
        last = weekday_date(end.weekday, first, None, "future")
    else:
        last = weekday_date(end.weekday, reference, end.instance_shift, tense)
        first = weekday_date(start.weekday, last, None, "past")
    return first.isoformat(), last.isoformat(), "day"


def _share_year(start: Underspecified, end: Underspecified, anchor: PartialDate | None, tense: str | None):
    """Give both ends of a dated range one year; say which end borrowed it (so it may shift by one)."""
    if start.month is None or end.month is None or start.unit or end.unit:
        return start, end, ""
    if start.year is None and end.year is not None:
        return start._replace(year=end.year), end, "start"
    if end.year is None and start.year is not None:
        return start, end._replace(year=start.year), "end"
    if start.year is None and anchor is not None:
        year = infer_year(start, anchor, tense)
        return start._replace(year=year), end._replace(year=year), "end"
    return start, end, ""
