"""Sentence boundaries (pipeline.components.sentences, word_periods): a paragraph break always ends a
sentence; words spaCy lists as abbreviations but that end sentences in news do."""
from __future__ import annotations

import pytest
import spacy

import pipeline.components.sentences  # noqa: F401  (registers the component)
from pipeline.components.word_periods import split_word_periods


def test_paragraph_break_starts_a_sentence_even_without_a_full_stop():
    text = "Reactie Trump\n\nDe Amerikaanse president haalde uit naar Poetin."
    pipe = spacy.blank("nl")
    pipe.add_pipe("paragraph_sentences")
    pipe.add_pipe("sentencizer")
    sentences = [s.text.strip() for s in pipe(text).sents]
    assert sentences == ["Reactie Trump", "De Amerikaanse president haalde uit naar Poetin."]


def test_single_newline_inside_a_paragraph_also_breaks():
    pipe = spacy.blank("nl")
    pipe.add_pipe("paragraph_sentences")
    pipe.add_pipe("sentencizer")
    assert len(list(pipe("Gepantserde wagons\nKim reist per trein.").sents)) == 2


@pytest.mark.parametrize("text, sentences", [
    ("De premier vertrok na de top. Vandaag is hij in Moskou.", 2),
    ("Zij reisde daarna naar de VS. Daar sprak zij met de president.", 2),
    ("Dat wist hij al. Toch ging hij.", 2),
    ("Ajax vs. PSV eindigde gelijk.", 1),  # lower-case "vs." (versus) stays an abbreviation
])
def test_words_that_spacy_lists_as_abbreviations_end_sentences(project_settings, text, sentences):
    pipe = spacy.blank("nl")
    split_word_periods(pipe, project_settings.models_dir)
    pipe.add_pipe("sentencizer")
    assert len(list(pipe(text).sents)) == sentences
