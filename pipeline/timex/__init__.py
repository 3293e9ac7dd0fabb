"""A Dutch date library: temporal expressions found in text and resolved against an anchor date.

Pure: it needs no configuration, only the word lists of a folder (`load_lexicon(models/lexicon/dates)`).
"""
from pipeline.timex.api import (Lexicon, LexiconError, find_timexes, guess_tense, load_lexicon, normalize_date,
                                normalize_range)
from pipeline.timex.modals import modal_reading

__all__ = ["Lexicon", "LexiconError", "find_timexes", "guess_tense", "load_lexicon", "modal_reading",
           "normalize_date", "normalize_range"]
