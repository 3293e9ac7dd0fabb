"""Clauses and trigger scopes: which stretch of a sentence each trigger governs.

Works on token positions only, so it runs the same with or without a dependency parse. Dutch puts the
subject first and the verb second or last; a clause's subject is everything before its first trigger,
and each trigger owns the stretch up to the next one.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.events.lexicon import EventLexicon
from pipeline.records import TriggerHit


def clauses(sent: Span, lexicon: EventLexicon) -> list[tuple[int, int]]:
    """Split a sentence at clause words ('dat', 'die', ';') into [start, end) token ranges."""
    breaks, after_comma = lexicon.words("clause_break"), lexicon.words("clause_break_comma")
    bounds, start = [], sent.start
    for token in sent:
        breaks_here = token.lower_ in breaks or (token.lower_ in after_comma and token.i > sent.start
                                                 and token.nbor(-1).text == ",")
        if token.i > sent.start and (token.nbor(-1).lower_, token.lower_) in lexicon.phrases("distributive"):
            breaks_here = False  # "onder wie" lists the partners; it starts no clause
        if breaks_here and token.i > start:
            bounds.append((start, token.i))
            start = token.i
    bounds.append((start, sent.end))
    return bounds


def trigger_scopes(doc: Doc, hits: list[TriggerHit], clause: tuple[int, int],
                   lexicon: EventLexicon) -> list[tuple[TriggerHit, list[tuple[int, int]]]]:
    """Each trigger's token ranges: the clause's subject part plus its own stretch. Between two
    triggers, what follows the last 'en'/'maar' belongs to the second ("trof X in 2002 en had in 2011
    een ontmoeting met Y")."""
    inside = sorted((h for h in hits if clause[0] <= h.start < clause[1]), key=lambda h: h.start)
    conjuncts, verbs = lexicon.words("conjunct"), lexicon.words("conjunct_verb")
    time_clause = lexicon.words("time_anaphor")  # ", toen ze elkaar spraken": a clause of its own

    def starts_clause(i: int) -> bool:  # "en had", not "en koningin Máxima"
        after = doc[i + 1] if i + 1 < doc.__len__() else None
        return after is not None and (after.pos_ in ("VERB", "AUX") or after.lower_ in verbs)

    cuts = []  # where each trigger's own stretch ends / the next one's begins
    for number, hit in enumerate(inside[:-1]):
        following = inside[number + 1].start
        split = max((i for i in range(hit.end, following) if (doc[i].lower_ in conjuncts and starts_clause(i))
                     or (doc[i].lower_ in time_clause and doc[i - 1].text == ",")), default=following)
        cuts.append(split)
    scopes = []
    for number, hit in enumerate(inside):
        own_end = cuts[number] if number < len(cuts) else clause[1]
        if number == 0:
            scopes.append((hit, [(clause[0], own_end)]))
        else:
            scopes.append((hit, [(clause[0], inside[0].start), (cuts[number - 1], hit.start), (hit.end, own_end)]))
    return scopes
