"""Fold names to one comparable key, so 'Genève', 'geneve' and 'GENEVE' meet in one dictionary slot.

News writes the same name with and without accents ('Oekraïense'/'Oekraiense'), with hyphens or
spaces ('Noord-Korea'), and with curly or straight apostrophes ("'s-Gravenhage", 'Xi’an'). Every
gazetteer and name table in the pipeline keys its entries by `fold(name)` so lookups ignore that noise.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into base letter + accent, spelled as news in ASCII spells them.
_UNDECOMPOSABLE = str.maketrans({
    "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th",
})
# Hyphens, dashes and apostrophes of every typographic flavour become word breaks.
_SEPARATORS = re.compile(r"[\-\u2010-\u2015\u2212'\u2018\u2019\u201b\u02bc\u02bb`´]+")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """Remove combining marks only, keeping case and punctuation (for readable ASCII variants)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lowercase, strip accents, turn hyphens/apostrophes into spaces and squeeze spaces: a lookup key.
    Remembered: the linker folds the same names again and again."""
    lowered = text.lower().translate(_UNDECOMPOSABLE)
    unaccented = strip_accents(lowered)
    spaced = _SEPARATORS.sub(" ", unaccented)
    return _SPACES.sub(" ", spaced).strip()
