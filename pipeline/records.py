"""The records every stage speaks: small frozen dataclasses and the CSV column contract.

Keeping them in one module means a stage can be replaced without the others learning a new
vocabulary, and the output columns are defined exactly once.
"""
from __future__ import annotations

from dataclasses import dataclass

# The output contract (issue 2). Order matters: analysts address columns by position too.
MENTION_COLUMNS: tuple[str, ...] = (
    "doc_id", "event_id", "participants", "participant_ids", "participant_countries",
    "date", "date_end", "date_precision", "date_text", "location", "location_country",
    "status", "event_type", "evidence", "char_start", "char_end", "confidence", "rule_id",
)
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "participants", "participant_ids", "participant_countries",
    "date", "date_end", "date_precision", "location", "location_country",
    "latitude", "longitude", "status", "event_type", "n_mentions", "n_docs", "doc_ids", "evidence",
)
LIST_SEPARATOR = "; "

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

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError with the offending text."""
        import datetime as _dt

        pieces = text.strip().split("-")
        if not 1 <= len(pieces) <= 3 or not all(p.isdigit() for p in pieces) or len(pieces[0]) != 4:
            raise ValueError(f"not a date of the form YYYY[-MM[-DD]]: {text!r}")
        numbers = [int(p) for p in pieces] + [None] * (3 - len(pieces))
        year, month, day = numbers
        # Validate through the calendar so 2019-02-30 is refused.
        _dt.date(year, month or 1, day or 1)
        return cls(year, month, day)


@dataclass(frozen=True)
class Article:
    """One input document as read from disk, before any cleaning."""

    doc_id: str
    published: PartialDate | None
    raw_text: str
    source_path: str
    body_start: int = 0  # where the text starts after the ` date ...` header
    part: int = 0  # > 0 when a very large file was cut into parts
    raw_offset: int = 0  # where this part's raw_text starts in the original file


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus, for every character of it, its position in the raw text."""

    text: str
    offsets: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean [start, end) span back to the raw text."""
        if start >= end:
            raw = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return raw, raw
        return self.offsets[start], self.offsets[end - 1] + 1


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


@dataclass(frozen=True)
class Actor:
    """A linked person: canonical English name, Wikidata id (may be empty), country ISO alpha-3."""

    name: str
    qid: str = ""
    country: str = ""
    link_rule: str = ""


@dataclass(frozen=True)
class Place:
    """A linked place: English name, ISO alpha-3 country, coordinates when known."""

    name: str  # English city / island / region name; "" for a bare country
    country: str
    latitude: float | None = None
    longitude: float | None = None
    kind: str = "city"  # city | venue | region | island | country
    link_rule: str = ""


@dataclass(frozen=True)
class Mention:
    """One meeting as reported in one document."""

    doc_id: str
    participants: tuple[Actor, ...]
    date: str
    date_end: str
    date_precision: str
    date_text: str
    place: Place | None
    status: str
    evidence: str
    char_start: int
    char_end: int
    confidence: float
    rule_id: str
    event_id: str = ""

    @property
    def event_type(self) -> str:
        return "bilateral" if len(self.participants) == 2 else "multilateral"


# --- plain forms: what crosses process boundaries (spaCy serialises Doc._ values with msgpack) ---------

def to_plain(record) -> dict:
    """A dataclass as nested dicts and lists of plain values."""
    from dataclasses import asdict

    return asdict(record)


def article_from_plain(data: dict) -> Article:
    published = data.get("published")
    return Article(**{**data, "published": PartialDate(**published) if published else None})


def clean_from_plain(data: dict) -> CleanText:
    return CleanText(data["text"], tuple(data["offsets"]))


def mention_from_plain(data: dict) -> Mention:
    place = data.get("place")
    return Mention(**{**data, "participants": tuple(Actor(**actor) for actor in data["participants"]),
                      "place": Place(**place) if place else None})
