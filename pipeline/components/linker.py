"""`summit_linker`: persons and places of the document, tied to the actor and place records."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.extensions  # noqa: F401  (registers Doc._ attributes)
from pipeline.components.data import DataComponent
from pipeline.knowledge.bundle import Knowledge, knowledge_paths, load_knowledge
from pipeline.linking import link_document


class SummitLinker(DataComponent):
    def data_paths(self, folder: Path) -> list[Path]:
        return knowledge_paths(folder)

    def load_data(self, folder: Path) -> Knowledge:
        return load_knowledge(folder)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        persons, places = link_document(doc, self.data, article.published if article else None)
        # sorted by position: the event stage looks them up by binary search (pipeline.events.positions)
        doc._.persons = sorted(persons, key=lambda p: (p.start, p.end))
        doc._.places = sorted(places, key=lambda p: (p.start, p.end))
        return doc


@Language.factory("summit_linker")
def make_summit_linker(nlp: Language, name: str) -> SummitLinker:
    return SummitLinker(name)
