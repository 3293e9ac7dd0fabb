"""`summit_dates`: every temporal expression of each sentence, resolved against the article's
publication date, with the tense of its clause deciding which way a bare weekday points."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.extensions  # noqa: F401
from pipeline.components.data import DataComponent
from pipeline.timex import Lexicon, find_timexes, load_lexicon, modal_reading
from pipeline.timex.lexicon import DATES_DIR, lexicon_paths



class SummitDates(DataComponent):
    def data_paths(self, folder: Path) -> list[Path]:
        return lexicon_paths(folder / DATES_DIR)

    def load_data(self, folder: Path) -> Lexicon:
        return load_lexicon(folder / DATES_DIR)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        anchor = article.published if article is not None else None
        lexicon = self.data
        timexes = []
        for sent in doc.sents:
            # Reported past ("zou ... hebben ontmoet") overrides the word lists' reading of "zou" as future;
            # otherwise find_timexes reads the tense of each expression's own clause.
            tense = "past" if modal_reading((t.lower_ for t in sent), lexicon) == "past" else None
            for timex in find_timexes(sent.text, anchor, tense, lexicon=lexicon):
                timexes.append(replace(timex, start_char=timex.start_char + sent.start_char,
                                       end_char=timex.end_char + sent.start_char))
        doc._.timexes = timexes
        return doc


@Language.factory("summit_dates")
def make_summit_dates(nlp: Language, name: str) -> SummitDates:
    return SummitDates(name)
