"""Whether a meeting happened or is planned.

In order (see README "Status"): a date before the article date means occurred and one after it planned;
a date expression pointing ahead ("volgende week") means planned; else a planning cue ("gepland",
"uitnodiging", "op weg naar") or a modal ("zal", "zou") without a perfect infinitive means planned; a
present-tense report dated by a bare weekday, or a meeting noun on a programme in the present ("staat
op het programma", "volgt"), is planned (Dutch uses the present for the near future);
everything else occurred.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.events.cues import has_cue
from pipeline.events.surface import in_quote
from pipeline.events.lexicon import EventLexicon
from pipeline.records import Candidate, PartialDate, Timex
from pipeline.timex import Lexicon, guess_tense, modal_reading


def status_of(doc: Doc, sent: Span, candidate: Candidate, timex: Timex | None, anchor: PartialDate | None,
              lexicon: EventLexicon, dates: Lexicon) -> str:
    if timex is not None and timex.value and anchor is not None:
        order = compare_dates(timex.value, anchor.iso())
        if order:
            return "occurred" if order < 0 else "planned"
    if timex is not None and set(timex.text.lower().split()) & lexicon.words("future_time"):
        return "planned"  # "volgende week": ahead, even when it is still the article's month
    if timex is not None and set(timex.text.lower().split()) & lexicon.words("past_time"):
        return "occurred"  # "Na zijn ontmoeting met Macron vorige week zal hij ...": behind, whatever follows
    # The trigger's clause and the clauses before it, without quoted speech: '"De VS zullen Gaza overnemen",
    # zei Trump op een persconferentie met Netanyahu' reports a press conference that took place.
    quoted_trigger = in_quote(doc[candidate.hit.start])
    governing = [token for token in doc[sent.start:candidate.clause[1]] if quoted_trigger or not in_quote(token)]
    words = [token.lower_ for token in governing]
    clause_words = [token.lower_ for token in doc[candidate.clause[0]:candidate.clause[1]]]
    if any(word in lexicon.words("ongoing") for word in clause_words) and modal_reading(clause_words, dates) != "future":
        return "occurred"  # "zijn aan hun met spanning verwachte ontmoeting begonnen": under way
    if planning_cue(words, lexicon) or modal_reading(words, dates) == "future":
        return "planned"
    clause = doc[candidate.clause[0]:candidate.clause[1]]
    if candidate.trigger.form == "noun" and has_cue(clause, lexicon, "programme") \
            and guess_tense(clause.text, dates) != "past":
        return "planned"  # "Met Duda en Tusk staan daar ontmoetingen op het programma"
    # Dutch uses the present for the near future ("ze ontmoeten elkaar dinsdag"); a present perfect
    # ("heeft dinsdag ... ontmoet") is past.
    if timex is not None and "weekday" in timex.rule_id and guess_tense(clause.text, dates) != "past" \
            and not _present_perfect(clause, lexicon, dates):
        return "planned"
    return "occurred"


def _present_perfect(clause: Span, lexicon: EventLexicon, dates: Lexicon) -> bool:
    """'heeft donderdag in Vladivostok Kim ontmoet' (past: an auxiliary and, anywhere after it, a
    participle), not 'heeft woensdag een onderhoud met Li' (the present of 'hebben')."""
    auxiliaries = lexicon.words("present_aux")
    words = [token.lower_ for token in clause]
    first = next((i for i, word in enumerate(words) if word in auxiliaries), None)
    return first is not None and any(guess_tense(f"{words[first]} {word}", dates) == "past"
                                     for word in words[first + 1:])


def compare_dates(value: str, anchor: str) -> int:
    """-1/0/1 comparing two ISO dates at their common precision."""
    size = min(len(value), len(anchor))
    return (value[:size] > anchor[:size]) - (value[:size] < anchor[:size])


def planning_cue(words: list[str], lexicon: EventLexicon) -> bool:
    """A planned cue that is not a comparison: "langer dan gepland" and "zoals gepland" report a meeting
    that took place."""
    phrases, comparison = lexicon.phrases("planned"), lexicon.words("comparison")
    firsts = {phrase[0] for phrase in phrases}
    for index, word in enumerate(words):
        if word not in firsts:
            continue
        for phrase in phrases:
            if tuple(words[index:index + len(phrase)]) == phrase and (index == 0 or words[index - 1]
                                                                       not in comparison):
                return True
    return False
