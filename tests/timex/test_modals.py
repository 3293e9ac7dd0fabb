"""Modal readings (pipeline.timex.modals): a modal looks ahead, a modal with a perfect infinitive reports the past."""
from __future__ import annotations

import pytest
import spacy

from pipeline.timex import modal_reading


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("nl")


@pytest.mark.parametrize("sentence, reading", [
    ("Kim zal Poetin volgende maand ontmoeten.", "future"),
    ("Biden en Xi zullen elkaar op Bali spreken.", "future"),
    ("Kim zou Poetin in augustus in het geheim hebben ontmoet.", "past"),  # reported past
    ("De president zou vandaag zijn aangekomen in Vladivostok.", "past"),
    ("Xi ontving Kim in de Grote Hal.", None),
    # hebben and zijn as the main verb after a modal: no perfect, the meeting lies ahead
    ("Het koningspaar zal in Kinshasa een ontmoeting hebben met president Tshisekedi.", "future"),
    ("Macron zal morgen in Kyiv zijn.", "future"),
    ("Ze zullen het over de oorlog in Oekraïne hebben.", "future"),
    # 'wil' after a determiner or an adjective is the noun, not the modal
    ("Tegen de wil van de Kamer ontmoette Rutte Poetin in Moskou.", None),
    ("Uit vrije wil reisde de premier naar Kyiv.", None),
    ("Macron zegt dat hij haar wil ontmoeten.", "future"),
])
def test_modal_reading(nlp, date_lexicon, sentence, reading):
    assert modal_reading((token.lower_ for token in nlp(sentence)), date_lexicon) == reading
