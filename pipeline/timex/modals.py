"""Dutch modal constructions that the date word lists cannot see.

"Kim zou Poetin in augustus hebben ontmoet" is reported past (a modal with a perfect infinitive), while
"Kim zal Poetin in augustus ontmoeten" is future. Both the date stage (which way "augustus" points) and
the status rules need this, so it lives here, on the cue words of models/lexicon/event_cues.tsv.
"""
from __future__ import annotations

from spacy.tokens import Span

from pipeline.events.lexicon import EventLexicon


def modal_reading(span: Span, lexicon: EventLexicon) -> str | None:
    """'future' for a modal without a perfect infinitive after it, 'past' with one, None without a modal."""
    modals, perfect = lexicon.words("modal"), lexicon.words("perfect")
    words = [token.lower_ for token in span]
    first = next((i for i, word in enumerate(words) if word in modals), None)
    if first is None:
        return None
    return "past" if any(word in perfect for word in words[first + 1:]) else "future"
