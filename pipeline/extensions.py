"""Every custom Doc/Span attribute, registered once at import.

Registering at import (not lazily inside a component) keeps the attributes alive in the worker
processes spaCy starts for `n_process > 1`.
"""
from __future__ import annotations

from spacy.tokens import Doc

# All live on Doc because each stage adds records, not token annotations. Defaults are None (never a
# shared mutable list); the stage that owns an attribute sets a fresh list.
DOC_EXTENSIONS = {
    "article": "pipeline.records.Article the Doc came from",
    "clean": "pipeline.records.CleanText: offset map back to the raw text",
    "persons": "list[pipeline.linking.PersonMention]",
    "places": "list[pipeline.linking.PlaceMention]",
    "timexes": "list[pipeline.records.Timex]",
    "mentions": "list[pipeline.records.Mention]",
}


def register_extensions() -> None:
    """Idempotent: safe to call from every module that needs the attributes."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
