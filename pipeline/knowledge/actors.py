"""Date-aware actor knowledge: who is who, and who held which office where on a given date.

Loaded from models/actors/*.tsv (format in models/actors/README.md). PETRARCH and NGEC showed that
date-bounded actor dictionaries are the core of actor coding; this is that, for Dutch news.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.records import PartialDate
from pipeline.knowledge.textnorm import fold

COLUMNS = ("name", "qid", "country", "office", "title", "start", "end", "aliases", "short_names", "note")
OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
_QID = re.compile(r"^Q[1-9][0-9]*$")
_FAR_FUTURE = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Term:
    country: str
    office: str
    title: str
    start: dt.date
    end: dt.date


@dataclass
class Person:
    name: str
    qid: str = ""
    aliases: set[str] = field(default_factory=set)
    short_names: set[str] = field(default_factory=set)
    terms: list[Term] = field(default_factory=list)

    def country_at(self, period: tuple[dt.date, dt.date] | None) -> str:
        """The country the person represents in the period (their latest term otherwise)."""
        terms = [t for t in self.terms if period is None or _overlap(t, period) > 0]
        chosen = max(terms or self.terms, key=lambda t: t.end if period is None else _overlap(t, period),
                     default=None)
        return chosen.country if chosen else ""


def period_of(date: PartialDate) -> tuple[dt.date, dt.date]:
    """The first and last day a partial date can mean."""
    if date.day is not None:
        day = dt.date(date.year, date.month, date.day)
        return day, day
    if date.month is not None:
        last = calendar.monthrange(date.year, date.month)[1]
        return dt.date(date.year, date.month, 1), dt.date(date.year, date.month, last)
    return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)


def _overlap(term: Term, period: tuple[dt.date, dt.date]) -> int:
    return (min(term.end, period[1]) - max(term.start, period[0])).days + 1


def _parse_bound(text: str, is_end: bool, where: str) -> dt.date:
    if not text:
        if is_end:
            return _FAR_FUTURE
        raise ValueError(f"{where}: start date is empty")
    try:
        first, last = period_of(PartialDate.parse(text))
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from None
    return last if is_end else first


class ActorBook:
    """All persons, indexed by folded alias and by (country, title)."""

    def __init__(self, persons: dict[str, Person]):
        self.persons = persons
        self._by_country: dict[str, list[Person]] = defaultdict(list)
        for person in persons.values():
            for country in {t.country for t in person.terms}:
                self._by_country[country].append(person)
        self._by_alias: dict[str, set[str]] = defaultdict(set)
        self._by_short: dict[str, set[str]] = defaultdict(set)
        for person in persons.values():
            for alias in person.aliases | {person.name}:
                self._by_alias[fold(alias)].add(person.name)
            for short in person.short_names:
                self._by_short[fold(short)].add(person.name)

    @classmethod
    def load(cls, actors_dir: Path) -> "ActorBook":
        persons: dict[str, Person] = {}
        for path in sorted(actors_dir.glob("*.tsv")):
            _load_file(path, persons)
        return cls(persons)

    def by_alias(self, surface: str) -> list[Person]:
        return [self.persons[name] for name in sorted(self._by_alias.get(fold(surface), ()))]

    def by_short_name(self, surface: str) -> list[Person]:
        return [self.persons[name] for name in sorted(self._by_short.get(fold(surface), ()))]

    def alias_surfaces(self) -> list[tuple[str, str]]:
        """(surface, kind) pairs for building a ruler; kind is 'alias' or 'short'."""
        pairs = {(a, "alias") for p in self.persons.values() for a in p.aliases | {p.name}}
        pairs |= {(s, "short") for p in self.persons.values() for s in p.short_names}
        return sorted(pairs)

    def holders(self, country: str, titles: tuple[str, ...], date: PartialDate) -> list[Person]:
        """Holders of the first title in `titles` that anyone held in `country` during `date`,
        most days in office during that period first."""
        period = period_of(date)
        for title in titles:
            scored = []
            for person in self._by_country.get(country, ()):
                days = max((_overlap(t, period) for t in person.terms
                            if t.country == country and t.title == title), default=0)
                if days > 0:
                    scored.append((days, person))
            if scored:
                return [person for _, person in sorted(scored, key=lambda pair: (-pair[0], pair[1].name))]
        return []

    def holders_any(self, country: str, titles: tuple[str, ...], date: PartialDate) -> list[Person]:
        """Everyone holding any of `titles` in `country` during `date`, in title order."""
        seen: dict[str, Person] = {}
        for title in titles:
            for person in self.holders(country, (title,), date):
                seen.setdefault(person.name, person)
        return list(seen.values())

    def in_office(self, person: Person, date: PartialDate | None) -> bool:
        if date is None:
            return bool(person.terms)
        return any(_overlap(t, period_of(date)) > 0 for t in person.terms)


def _load_file(path: Path, persons: dict[str, Person]) -> None:
    rows = [line for line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line[1].strip() and not line[1].startswith("#")]
    if not rows:
        return
    header = tuple(rows[0][1].split("\t"))
    if header != COLUMNS:
        raise ValueError(f"{path}:{rows[0][0]}: expected columns {', '.join(COLUMNS)}")
    for number, line in rows[1:]:
        where = f"{path}:{number}"
        cells = line.split("\t")
        cells += [""] * (len(COLUMNS) - len(cells))
        if len(cells) > len(COLUMNS):
            raise ValueError(f"{where}: {len(cells)} columns, expected {len(COLUMNS)}")
        row = dict(zip(COLUMNS, (cell.strip() for cell in cells)))
        if row["qid"] and not _QID.match(row["qid"]):
            raise ValueError(f"{where}: bad Wikidata id {row['qid']!r}")
        if row["office"] not in OFFICES:
            raise ValueError(f"{where}: office {row['office']!r} not one of {sorted(OFFICES)}")
        person = persons.setdefault(row["name"], Person(row["name"]))
        person.qid = person.qid or row["qid"]
        person.aliases.update(a.strip() for a in row["aliases"].split("|") if a.strip())
        person.short_names.update(s.strip() for s in row["short_names"].split("|") if s.strip())
        person.terms.append(Term(row["country"], row["office"], row["title"],
                                 _parse_bound(row["start"], False, where), _parse_bound(row["end"], True, where)))
