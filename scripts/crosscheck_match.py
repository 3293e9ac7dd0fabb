"""Match the rows of models/actors/*.tsv with source facts: same person, same office, same days."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.knowledge.actors import COLUMNS, OPTIONAL_COLUMNS
from pipeline.knowledge.tables import read_table
from pipeline.knowledge.textnorm import fold
from scripts.crosscheck_sources import Fact

# Member states of the EU, NATO and the G20 (the G20's EU and African Union seats are not states).
TARGET_STATES = frozenset(
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE "
    "USA CAN GBR NOR ISL TUR ALB MKD MNE ARG AUS BRA CHN IND IDN JPN MEX RUS SAU ZAF KOR".split())
HEADS = ("head_of_state", "head_of_government")
TARGET_SINCE = "2000-01-01"
# The earliest snapshot of the every-politician-scrapers tables (2022-07-22): a later end, or a later change, is
# beyond all of them. Tables of other snapshots (crosscheck/extra_facts.tsv) say by repository until when an open
# term is known: everypolitician-data's latest start day, ProjectAtlas's retrieval day.
SOURCES_CURRENT_UNTIL = "2022-07-22"
CURRENT_UNTIL_BY_REPO = {"everypolitician-data": "2018-03-14", "ProjectAtlas": "2026-09-26"}
MIN_CONFLICT_DAYS = 31
WORLD_LEADERS = "world-leaders-2021"  # one table of every country's heads in 2021-2022, labels without titles
# Repositories of one country's people that list no head of state or government (so positions.tsv lacks them).
COUNTRY_REPOS = {"iceland-althing": "ISL"}  # another holder in our holder's office for less than this is a handover, not a conflict


@dataclass(frozen=True)
class ActorRow:
    file: str
    line: int
    cells: dict[str, str]

    def __getattr__(self, column: str) -> str:
        if column in COLUMNS:
            return self.cells[column]
        raise AttributeError(column)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def is_target(self) -> bool:
        """A head of state or government of an EU, NATO or G20 state in office on or after 2000-01-01."""
        return (self.country in TARGET_STATES and self.office in HEADS
                and (not self.end or _last(self.end) >= dt.date.fromisoformat(TARGET_SINCE)))


@dataclass
class RowCheck:
    row: ActorRow
    office_fact: Fact | None = None   # the source's term of this person in this office
    qid_fact: Fact | None = None      # the fact that names this person's QID
    dates: list[str] = field(default_factory=list)   # "start", "end": the days the office fact confirms
    conflicts: list[tuple[str, str]] = field(default_factory=list)   # (kind, detail)
    people: list[Fact] = field(default_factory=list)   # facts naming this person outside the office

    @property
    def qid_confirmed(self) -> bool:
        return bool(self.qid_fact) and self.row.qid in ("", self.qid_fact.qid)


def read_actor_rows(actors_dir: Path) -> list[ActorRow]:
    return [ActorRow(path.name, row.line, row.cells) for path in sorted(actors_dir.glob("*.tsv"))
            for row in read_table(path, COLUMNS, OPTIONAL_COLUMNS)]


def _first(text: str) -> dt.date:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _last(text: str) -> dt.date:
    if not text:
        return dt.date.max
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(*parts)


def overlap_days(start_a: str, end_a: str, start_b: str, end_b: str) -> int:
    first, last = max(_first(start_a), _first(start_b)), min(_last(end_a), _last(end_b))
    return (last - first).days if first <= last else -1


def _plain(name: str) -> str:
    """'Andris Bērziņš (born 1944)' -> 'andris berzins': the name without its disambiguation."""
    return fold(re.sub(r"\s*\([^)]*\)", "", name))


def _regnal(name: str) -> str:
    """'Harald V of Norway' -> 'harald v': monarchs' titles with and without their country."""
    return _plain(re.sub(r" of (the )?[A-Z][\w ]+$", "", name))


def same_person(name: str, fact: Fact) -> bool:
    return name == fact.enwiki or _plain(name) in {_plain(text) for text in (fact.enwiki, fact.label) if text}


def same_holder(name: str, fact: Fact) -> bool:
    """Within one office: the same name, or the same regnal name ('Harald V' is 'Harald V of Norway')."""
    return same_person(name, fact) or _regnal(name) in {_regnal(text) for text in (fact.enwiki, fact.label) if text}


def same_surname_and_term(row: ActorRow, fact: Fact) -> bool:
    """A transliteration or a middle initial ('Demetris'/'Dimitris Christofias', 'Guðni Th. Jóhannesson'): the
    same surname and the same first day, at the precision both have."""
    return _plain(row.name).split()[-1:] == _plain(fact.label).split()[-1:] and agrees(row.start, fact.start)


def agrees(ours: str, theirs: str) -> bool:
    """Equal at the precision both have ('2019-02' agrees with '2019-02-14'; a year with any day of it)."""
    n = min(len(ours), len(theirs))
    return bool(ours and theirs) and ours[:n] == theirs[:n]


def current_until(fact: Fact) -> str:
    """The last day the fact's table knows of: an open term lasts at least until then."""
    return CURRENT_UNTIL_BY_REPO.get(fact.repo, SOURCES_CURRENT_UNTIL)


def _compare_dates(check: RowCheck, fact: Fact) -> None:
    row, origin = check.row, f"{fact.source} {fact.label}"
    if agrees(row.start, fact.start):
        check.dates.append("start")
    elif fact.start:
        check.conflicts.append(("start", f"ours {row.start}, source {fact.start} ({origin})"))
    if agrees(row.end, fact.end):
        check.dates.append("end")
    elif not row.end and fact.end:
        check.conflicts.append(("end", f"ours open, source ended {fact.end} ({origin})"))
    elif row.end and not fact.end and row.end < current_until(fact):
        check.conflicts.append(("end", f"ours {row.end}, source still in office ({origin})"))
    elif row.end and fact.end:
        check.conflicts.append(("end", f"ours {row.end}, source {fact.end} ({origin})"))


def _joined(facts: list[Fact]) -> list[Fact]:
    """One source's back-to-back terms of a person as one ('Koizumi I' and 'Koizumi II' cabinets)."""
    joined: list[Fact] = []
    for fact in sorted(facts, key=lambda f: (f.source, f.start)):
        last = joined[-1] if joined else None
        if last and last.source == fact.source and last.end and last.end == fact.start:
            joined[-1] = replace(last, end=fact.end)
        else:
            joined.append(fact)
    return joined


def _closest(row: ActorRow, facts: list[Fact]) -> Fact | None:
    """The source term that shares most days with the row's, day precision first; None when none does
    (the source knows another term of this person: it confirms the QID, not the days)."""
    scored = [(overlap_days(row.start, row.end, f.start, f.end or current_until(f)), len(f.start), f)
              for f in _joined(facts)]
    best = max(scored, key=lambda item: item[:2])
    return best[2] if best[0] >= 0 else None


def _qid_conflict(check: RowCheck, fact: Fact) -> None:
    if check.row.qid and check.row.qid != fact.qid:
        check.conflicts.append(("qid", f"ours {check.row.qid}, source {fact.qid} ({fact.source} {fact.label})"))


class Matcher:
    """Source facts indexed for the row checks."""

    def __init__(self, facts: list[Fact], links: dict[str, str] | None = None):
        self.links = links or {}   # our name -> a source's earlier label for the same person
        self.by_office: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        self.by_title: dict[str, list[Fact]] = defaultdict(list)
        self.by_label: dict[str, list[Fact]] = defaultdict(list)
        self.repos_of: dict[str, set[str]] = defaultdict(set)
        for fact in facts:
            if fact.office:
                self.by_office[fact.country, fact.office].append(fact)
                self.repos_of[fact.country].add(fact.repo)
            if fact.enwiki:
                self.by_title[fact.enwiki].append(fact)
            if fact.repo in COUNTRY_REPOS:
                self.repos_of[COUNTRY_REPOS[fact.repo]].add(fact.repo)
            for key in {_plain(fact.label), _plain(fact.enwiki)} - {""}:
                self.by_label[key].append(fact)

    def office_facts(self, row: ActorRow) -> list[Fact]:
        return [f for f in self.by_office.get((row.country, row.office), ()) if row.title in f.titles]

    def person_facts(self, row: ActorRow) -> list[Fact]:
        """Facts of any position naming this person: by English Wikipedia title, else by label in the
        country's own repositories or among the world leaders (a label elsewhere could be a namesake)."""
        if row.name in self.by_title:
            return self.by_title[row.name]
        local = self.repos_of.get(row.country, set()) | {WORLD_LEADERS}
        label = _plain(self.links.get(row.name, row.name))
        return [f for f in self.by_label.get(label, ()) if f.repo in local]

    def check(self, row: ActorRow) -> RowCheck:
        check = RowCheck(row)
        office = self.office_facts(row)
        mine = ([fact for fact in office if same_holder(row.name, fact)]
                or [fact for fact in office if same_surname_and_term(row, fact)])
        if mine:
            fact = _closest(row, mine)
            check.qid_fact = fact or mine[0]
            _qid_conflict(check, check.qid_fact)
            if fact:
                check.office_fact = fact
                _compare_dates(check, fact)
            return check
        people = check.people = sorted(self.person_facts(row), key=lambda f: (f.source, f.position, f.start, f.qid))
        qids = sorted({fact.qid for fact in people})
        if len(qids) == 1:
            check.qid_fact = people[0]
            _qid_conflict(check, people[0])
        elif qids:
            check.conflicts.append(("qid", f"the name has several QIDs in the sources: {', '.join(qids)}"))
        if row.is_target():
            _other_holders(check, office)
        return check


def _other_holders(check: RowCheck, office: list[Fact]) -> None:
    """Source holders of the row's office during the row's term, when the row's person is not among them."""
    row = check.row
    for fact in office:
        days = overlap_days(row.start, row.end, fact.start, fact.end or current_until(fact))
        if days >= MIN_CONFLICT_DAYS and len(fact.start) > 4:
            check.conflicts.append(("other holder", f"source has {fact.label} ({fact.qid}) {fact.start}.."
                                                    f"{fact.end or 'open'} ({fact.source})"))


def check_rows(rows: list[ActorRow], facts: list[Fact], links: dict[str, str]) -> list[RowCheck]:
    matcher = Matcher(facts, links)
    return [matcher.check(row) for row in rows]


def unmatched_facts(checks: list[RowCheck], facts: list[Fact]) -> list[Fact]:
    """Source terms since 2000 in the target states whose person has no row in that office."""
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for check in checks:
        names[check.row.country, check.row.office].append(check.row.name)
    return [fact for fact in facts if fact.office and fact.country in TARGET_STATES
            and (not fact.end or fact.end >= TARGET_SINCE)
            and not any(same_holder(name, fact) for name in names[fact.country, fact.office])]
