"""The `paragraph_sentences` component: a paragraph break always starts a new sentence.

Dutch news has headings without a full stop ("Reactie Trump"); without this they glue onto the next
sentence and end up in the evidence column. Runs before the parser, which keeps preset boundaries.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc
