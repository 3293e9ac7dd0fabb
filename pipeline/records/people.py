"""Who: office holders as the knowledge files hold them, and references to them in a text."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    """One continuous term in one office."""

    country: str
    office: str
    title: str
    start: dt.date
    end: dt.date


def overlap_days(term: Term, period: tuple[dt.date, dt.date]) -> int:
    """Days the term and the period share (zero or less when they do not meet)."""
    return (min(term.end, period[1]) - max(term.start, period[0])).days + 1


@dataclass
class Person:
    """A person of the actor files, with all their terms."""

    name: str
    qid: str = ""
    aliases: set[str] = field(default_factory=set)
    short_names: set[str] = field(default_factory=set)
    terms: list[Term] = field(default_factory=list)

    def country_at(self, period: tuple[dt.date, dt.date] | None) -> str:
        """The country the person represents in the period (their latest term otherwise)."""
        terms = [t for t in self.terms if period is None or overlap_days(t, period) > 0]
        chosen = max(terms or self.terms, key=lambda t: t.end if period is None else overlap_days(t, period),
                     default=None)
        return chosen.country if chosen else ""


@dataclass(frozen=True)
class Actor:
    """A linked person: canonical English name, Wikidata id (may be empty), country ISO alpha-3."""

    name: str
    qid: str = ""
    country: str = ""
    link_rule: str = ""


@dataclass(frozen=True)
class RolePhrase:
    """'de (toenmalige) Russische president', 'de president van Rusland': an office named in the text."""

    start: int
    end: int
    country: str  # ISO alpha-3, "" when the phrase names no country
    titles: tuple[str, ...]
    modifier: str = ""  # then | former | keep | generic | ""

    @property
    def resolvable(self) -> bool:
        """A former holder cannot be looked up from the office table at the event date."""
        return bool(self.country) and self.modifier not in ("former", "generic")


@dataclass(frozen=True)
class PersonMention:
    """A reference to a person in the text; `person` is None for roles not yet resolved or unknowns."""

    start: int  # token offsets in the Doc
    end: int
    text: str
    rule: str  # how it was linked: alias, short, role, pronoun:..., visit_host ...
    person: Person | None = None
    unknown_name: str = ""
    country: str = ""  # the country a role phrase beside the name gives (or an unknown person's)
    role: RolePhrase | None = None

    @property
    def key(self) -> object:
        """One value per person referred to, for telling mentions of different people apart."""
        return self.person.name if self.person else (self.unknown_name or ("role", self.role))

    @property
    def inferred(self) -> bool:
        """Found through a pronoun or a bare role rather than a name."""
        return self.rule.startswith("pronoun") or self.rule == "role"
