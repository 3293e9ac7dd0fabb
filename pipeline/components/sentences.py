"""The `paragraph_sentences` component: a paragraph break always starts a new sentence.

Dutch news has headings without a full stop ("Reactie Trump"); without this they glue onto the next
sentence and end up in the evidence column. Runs before the parser, which keeps preset boundaries.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.attrs import SENT_START
from spacy.tokens import Doc


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    # Set all boundaries in one array write: assigning token.is_sent_start one by one rescans the
    # document each time (quadratic on long files).
    starts = doc.to_array([SENT_START])
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            starts[token.i] = 1
    doc.from_array([SENT_START], starts)
    return doc
