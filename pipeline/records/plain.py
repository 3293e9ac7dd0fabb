"""Plain forms of the records that cross process boundaries (spaCy serialises Doc._ values with msgpack)."""
from __future__ import annotations

from dataclasses import asdict

from pipeline.records.dates import PartialDate
from pipeline.records.documents import Article, CleanText
from pipeline.records.events import Mention
from pipeline.records.people import Actor
from pipeline.records.places import Place


def to_plain(record) -> dict:
    """A dataclass as nested dicts and lists of plain values. CleanText and Mention are done by hand:
    `asdict` deep-copies field by field (a CleanText's offsets one per character), which cost a third of a
    run's time for CleanText and a tenth of the event stage for mentions."""
    if isinstance(record, CleanText):
        return {"text": record.text, "offsets": list(record.offsets)}
    if isinstance(record, Mention):  # one per meeting, written and read back for every document
        return {**vars(record), "participants": [dict(vars(actor)) for actor in record.participants],
                "place": None if record.place is None else dict(vars(record.place))}
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
