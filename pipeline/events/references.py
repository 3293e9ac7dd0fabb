"""What a sentence says about meetings told elsewhere: a meeting word without participants that gives a
date or place, a leader who joins, a meeting called off."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.events.positions import within, within_ranges
from pipeline.events.clauses import clauses, trigger_scopes
from pipeline.events.cues import has_cue, separable_at_end, words_before
from pipeline.events.lexicon import EventLexicon
from pipeline.events.mentions import determined
from pipeline.events.pronouns import group_at
from pipeline.events.triggers import called_off_in
from pipeline.events.when import own_clause_timex
from pipeline.events.where import choose_place
from pipeline.knowledge.bundle import Knowledge
from pipeline.records import Candidate, Joiner, Reference, TriggerHit


def references_in_sentence(doc: Doc, sent: Span, hits: list[TriggerHit], used: set[TriggerHit],
                           knowledge: Knowledge, lexicon: EventLexicon) -> list[Reference]:
    """Meeting nouns with a determiner that made no meeting of their own ("De top vond plaats in
    Genève", "die ontmoeting duurde twee uur"): their own date and place, for the meeting in focus."""
    found = []
    for clause in clauses(sent, lexicon):
        scopes = trigger_scopes(doc, hits, clause, lexicon)
        for hit, scope in scopes:
            trigger = lexicon.triggers[hit.rule_id]
            if hit in used or trigger.form != "noun" or "-" in doc[hit.start].text or not determined(doc, hit, lexicon):
                continue  # "de EU-top", "de G20-top": a named gathering of its own, not a meeting told before
            if any(word in lexicon.words("since") for word in words_before(doc, hit.start, lexicon, "since", sent.start)):
                continue  # "sinds de top in Singapore": a point in time, not the meeting in focus
            if within_ranges(doc._.persons or [], scope):
                continue  # "het bezoek van Pelosi": a meeting word with people of its own is no reference
            candidate = Candidate(hit, trigger, (), False, tuple(scope), clause, len(hits) == 1, len(scopes) == 1)
            timex = own_clause_timex(doc, sent, candidate, lexicon)
            date = (timex.value, timex.value_end, timex.precision, timex.text) if timex and timex.value else None
            place = choose_place(doc, sent, candidate, knowledge, lexicon)
            if date or place:
                found.append(Reference(sent.start_char, date, place))
    return found


def joiners_in_sentence(doc: Doc, sent: Span, lexicon: EventLexicon) -> list[Joiner]:
    """'De Croo schoof later aan', 'Orbán voegde zich bij hen', 'Ook Macron was er ook bij': the clause's
    leaders join the meeting in focus."""
    found = []
    for start, end in clauses(sent, lexicon):
        clause = doc[start:end]
        if has_cue(clause, lexicon, "remote"):
            continue  # "Erdogan was telefonisch aangesloten" joins by phone
        # The particle of a separable verb ends its clause: "De Croo schoof later aan", "sloot zich bij hen aan"
        joins = has_cue(clause, lexicon, "joining_word") or separable_at_end(clause, lexicon, "joining_verb",
                                                                              "joining_particle")
        if joins:
            found.extend(Joiner(sent.start_char, p) for p in within(doc._.persons or [], start, end))
    return found


def called_off(doc: Doc, sent: Span, lexicon: EventLexicon) -> frozenset[str] | None:
    """The leaders of a meeting the sentence reports cancelled ("Trump blies de top met Poetin af")."""
    if not called_off_in(sent, lexicon):
        return None
    names = {p.person.name for p in within(doc._.persons or [], sent.start, sent.end) if p.person}
    return frozenset(names) if len(names) >= 2 else None


def held_remotely(doc: Doc, sent: Span, lexicon: EventLexicon, focus) -> frozenset[str] | None:
    """The leaders of a meeting the sentence reports held by phone or video ("De twee wereldleiders
    ontmoetten elkaar virtueel"): the article's other words for that meeting make no meeting in person."""
    if not has_cue(sent, lexicon, "remote"):
        return None
    persons = doc._.persons or []
    named = {p.person.name for p in within(persons, sent.start, sent.end) if p.person}
    group = {p.person.name for p in group_at(doc, sent, persons, lexicon, focus) if p.person}
    names = named | group
    return frozenset(names) if len(names) >= 2 else None
