"""Dutch modal constructions that the tense markers cannot see.

"Kim zou Poetin in augustus hebben ontmoet" is reported past (a modal with a perfect infinitive), while
"Kim zal Poetin in augustus ontmoeten" is future. Both the date stage (which way "augustus" points) and
the event stage's status rules need this; the words are in models/lexicon/dates/modals.tsv.
"""
from __future__ import annotations

from typing import Iterable

from pipeline.timex.api import Lexicon, marked_tense as _marked_tense


def modal_reading(words: Iterable[str], lexicon: Lexicon) -> str | None:
    """'future' for a modal without a perfect infinitive after it, 'past' with one, None without a modal.
    `words` are the lower-cased words of a clause or sentence."""
    words = list(words)
    modals, perfect = lexicon.words.modals["modal"], lexicon.words.modals["perfect"]
    nouns = lexicon.words.modals["noun_before"]  # "tegen de wil van", "uit vrije wil": a noun, no modal
    first = next((i for i, word in enumerate(words) if word in modals and not (i and words[i - 1] in nouns)), None)
    if first is None:
        return None
    # "zou Kim hebben ontmoet" is a perfect infinitive; in "zal een ontmoeting hebben met Tshisekedi" and
    # "zal morgen in Kyiv zijn", hebben and zijn are the main verb: no participle goes with them.
    after = words[first + 1:]
    auxiliary = next((i for i, word in enumerate(after) if word in perfect), None)
    if auxiliary is None:
        return "future"
    participle = any(_marked_tense(f"heeft {word}", lexicon) == "past" or _marked_tense(f"is {word}", lexicon) == "past"
                     for i, word in enumerate(after) if i != auxiliary and word not in perfect)
    return "past" if participle else "future"
