"""`summit_events`: the meetings of the document, as mention records in `doc._.mentions`."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import drop_intermediate
from pipeline.components.data import DataComponent
from pipeline.events.extract import EventData, extract_mentions
from pipeline.events.triggers import TriggerFinder


class SummitEvents(DataComponent):
    def __init__(self, nlp: Language, name: str):
        super().__init__(name)
        self.vocab = nlp.vocab
        self.triggers = None

    def data_paths(self, folder: Path) -> list[Path]:
        return EventData.paths(folder)

    def load_data(self, folder: Path) -> EventData:
        data = EventData.load(folder)
        self.triggers = TriggerFinder(data.lexicon, self.vocab)
        return data

    def __call__(self, doc: Doc) -> Doc:
        doc._.mentions = extract_mentions(doc, self.data, self.triggers)
        return doc


@Language.factory("summit_events")
def make_summit_events(nlp: Language, name: str) -> SummitEvents:
    return SummitEvents(nlp, name)


@Language.component("summit_drop_intermediate")
def summit_drop_intermediate(doc: Doc) -> Doc:
    """Last in a run: only the plain records leave the pipeline (needed for n_process > 1)."""
    return drop_intermediate(doc)
