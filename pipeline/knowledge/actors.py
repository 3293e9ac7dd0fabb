"""Date-aware actor knowledge: who is who, and who held which office where on a given date.

Loaded from models/actors/*.tsv (format in each file's header and models/README.md). PETRARCH and NGEC showed that
date-bounded actor dictionaries are the core of actor coding; this is that, for Dutch news.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

from pipeline.errors import Errors
from pipeline.knowledge.tables import TableRow, read_table
from pipeline.records import PartialDate, Person, Term, overlap_days
from pipeline.knowledge.textnorm import fold

COLUMNS = ("name", "qid", "country", "office", "title", "start", "end", "aliases", "short_names", "note")
OPTIONAL_COLUMNS = ("qid", "end", "aliases", "short_names", "note")
OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
_QID = re.compile(r"^Q[1-9][0-9]*$")
_FAR_FUTURE = dt.date(9999, 12, 31)


def _parse_bound(row: TableRow, column: str) -> dt.date:
    """A term's first day from `start`, its last from `end` (empty end: still in office)."""
    text = row[column]
    if not text:
        return _FAR_FUTURE
    try:
        first, last = PartialDate.parse(text).period()
    except ValueError:
        raise row.error(Errors.E016.format(value=text)) from None
    return last if column == "end" else first


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
        period = date.period()
        for title in titles:
            scored = []
            for person in self._by_country.get(country, ()):
                days = max((overlap_days(t, period) for t in person.terms
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
        return any(overlap_days(t, date.period()) > 0 for t in person.terms)


def _load_file(path: Path, persons: dict[str, Person]) -> None:
    for row in read_table(path, COLUMNS, optional=OPTIONAL_COLUMNS):
        if row["qid"] and not _QID.match(row["qid"]):
            raise row.error(Errors.E017.format(value=row["qid"]))
        if row["office"] not in OFFICES:
            raise row.error(Errors.E011.format(allowed=", ".join(sorted(OFFICES)), value=row["office"]))
        person = persons.setdefault(row["name"], Person(row["name"]))
        person.qid = person.qid or row["qid"]
        person.aliases.update(a.strip() for a in row["aliases"].split("|") if a.strip())
        person.short_names.update(s.strip() for s in row["short_names"].split("|") if s.strip())
        person.terms.append(Term(row["country"], row["office"], row["title"],
                                 _parse_bound(row, "start"), _parse_bound(row, "end")))
