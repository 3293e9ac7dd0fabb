"""Every custom Doc attribute, registered once at import.

Registering at import (not lazily inside a component) keeps the attributes alive in the worker
processes spaCy starts for `n_process > 1`. Those workers receive and return Docs serialised with
msgpack, so the records that cross a process boundary (article, clean text, mentions) are stored in
`doc.user_data` as plain dicts and turned back into records by getter/setter pairs. The linker's
intermediate results (persons, places, timexes) stay objects: `drop_intermediate` removes them
before a Doc leaves a worker.
"""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.records import article_from_plain, clean_from_plain, mention_from_plain, to_plain

# name -> (to record, to plain): stored plain, read as records.
_PLAIN = {
    "article": (article_from_plain, to_plain),
    "clean": (clean_from_plain, to_plain),
    "mentions": (lambda items: [mention_from_plain(i) for i in items], lambda records: [to_plain(r) for r in records]),
}
INTERMEDIATE = ("persons", "places", "timexes")  # list[PersonMention], list[PlaceMention], list[Timex]


def _plain_extension(name: str, to_record, to_stored) -> None:
    key = f"summits.{name}"
    last: list = [None, None]  # the stored value last read, and its record: a read costs no rebuild

    def getter(doc: Doc):
        stored = doc.user_data.get(key)
        if stored is None:
            return None
        if last[0] is not stored:  # identity, not equality: the setter always stores a new value
            last[0], last[1] = stored, to_record(stored)
        return last[1]

    def setter(doc: Doc, value) -> None:
        doc.user_data[key] = None if value is None else to_stored(value)

    Doc.set_extension(name, getter=getter, setter=setter)


def register_extensions() -> None:
    """Idempotent: safe to call from every module that needs the attributes."""
    for name, (to_record, to_stored) in _PLAIN.items():
        if not Doc.has_extension(name):
            _plain_extension(name, to_record, to_stored)
    for name in INTERMEDIATE:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def drop_intermediate(doc: Doc) -> Doc:
    """Remove the linker's working objects so the Doc can be serialised."""
    for name in INTERMEDIATE:
        setattr(doc._, name, None)
    return doc


register_extensions()
