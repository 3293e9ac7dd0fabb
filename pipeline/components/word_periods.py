"""Words that spaCy's Dutch tokenizer mistakes for abbreviations.

spaCy's Dutch exceptions keep "top." and "VS." together as one token, so "... overschaduwde de top.
Gisteravond kwamen ..." was one sentence and its two meetings shared a date. The forms listed in
models/lexicon/word_not_abbreviation.txt lose their special case, so their period is split off.
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from pipeline.knowledge.tables import read_words

WORD_LIST = Path("lexicon") / "word_not_abbreviation.txt"


def split_word_periods(nlp: Language, models_dir: Path) -> None:
    """Remove the listed forms with their period from the tokenizer's special cases."""
    forms = {form + "." for form in read_words(Path(models_dir) / WORD_LIST, "form", lower=False)}
    rules = nlp.tokenizer.rules or {}
    if forms & rules.keys():
        nlp.tokenizer.rules = {key: value for key, value in rules.items() if key not in forms}
