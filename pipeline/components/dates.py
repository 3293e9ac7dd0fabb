"""The `summit_dates` component: every temporal expression of each sentence, resolved against the
article's publication date, with the tense of its clause deciding which way a bare weekday points."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.extensions  # noqa: F401
from pipeline.timex.api import find_timexes
from pipeline.events.lexicon import load_event_lexicon
from pipeline.timex.modals import modal_reading


class SummitDates:
    def __init__(self, models_dir: str):
        self.lexicon_dir = Path(models_dir) / "lexicon" / "dates"
        self.cues = load_event_lexicon(models_dir)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        anchor = article.published if article is not None else None
        timexes = []
        for sent in doc.sents:
            # Reported past ("zou ... hebben ontmoet") overrides the word lists' reading of "zou" as future;
            # otherwise find_timexes reads the tense of each expression's own clause.
            tense = "past" if modal_reading(sent, self.cues) == "past" else None
            for timex in find_timexes(sent.text, anchor, tense, self.lexicon_dir):
                timexes.append(replace(timex, start_char=timex.start_char + sent.start_char,
                                       end_char=timex.end_char + sent.start_char))
        doc._.timexes = timexes
        return doc


@Language.factory("summit_dates", default_config={"models_dir": "models"})
def make_summit_dates(nlp: Language, name: str, models_dir: str) -> SummitDates:
    return SummitDates(models_dir)
