"""From a candidate to a mention: the first date whose leaders held office, the place, the status, the
evidence sentence and a confidence."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.events.surface import text_of
from pipeline.events.lexicon import EventLexicon
from pipeline.events.participants import qualified_actors
from pipeline.events.status import status_of
from pipeline.events.when import date_fields, time_options
from pipeline.events.where import choose_place, narrative_place
from pipeline.knowledge.bundle import Knowledge
from pipeline.events.cues import words_before
from pipeline.records import Actor, Candidate, Draft, Mention, PartialDate, Place, Timex, TriggerHit
from pipeline.timex import Lexicon, guess_tense


def draft_from(candidate: Candidate, doc: Doc, sent: Span, doc_id: str, anchor: PartialDate | None,
               knowledge: Knowledge, lexicon: EventLexicon, dates: Lexicon) -> Draft | None:
    """The mention a candidate makes, or None when fewer than two of its people qualify. Offsets and
    evidence are in the cleaned text (export maps them to the original file)."""
    # A date taken from the text before is dropped when the leaders were not in office then ("Syrië werd
    # in 2011 uit de Liga gezet. Mohammed bin Salman begroette Assad").
    statuses: dict[int, str] = {}  # id of the date tried -> status: each is worked out once

    def status_under(timex: Timex | None) -> str:
        if id(timex) not in statuses:
            statuses[id(timex)] = status_of(doc, sent, candidate, timex, anchor, lexicon, dates)
        return statuses[id(timex)]

    for timex in time_options(candidate, doc, sent, lexicon, status_under):
        status = status_under(timex)
        date, date_end, precision, date_text = date_fields(sent, timex, status, anchor, lexicon)
        event_date = PartialDate.parse(date) if date else anchor
        # Office is checked against a date the text gives, or the article's date for a report in the present
        # ("Poetin schudt Guterres de hand"); "Koningin Beatrix ontving toen ..." is undated and unchecked.
        present = guess_tense(doc[candidate.clause[0]:candidate.clause[1]].text, dates) != "past"
        actors = qualified_actors(candidate, knowledge, event_date, checked=bool(date) or present)
        if actors is not None:
            break
    else:
        return None
    own_date = timex is not None and sent.start_char <= timex.start_char < sent.end_char
    countries = frozenset(a.country for a in actors if a.country)
    place = own_place = choose_place(doc, sent, candidate, knowledge, lexicon, countries) or (
        host_country(doc, candidate, actors, lexicon) if candidate.trigger.kind == "visit" else None)
    fallback = programme_country(candidate, actors) or (
        host_country(doc, candidate, actors, lexicon) if candidate.trigger.kind == "receive" else None)
    if place is None and timex is not None and not own_date:  # "toen", or the narrative
        place = narrative_place(doc, timex, knowledge, lexicon)
        if place is not None and fallback is not None and fallback.link_rule == "received_by_host" \
                and place.country != fallback.country:
            place = None  # "Merkel was die dag eerder onthaald door groothertog Henri": not where that day began
    start, end = evidence_bounds(sent)
    mention = Mention(doc_id, tuple(actors), date, date_end, precision, date_text, place, status,
                      text_of(doc)[start:end], start, end, _confidence(candidate, actors, place, date),
                      candidate.hit.rule_id)
    refers_back = candidate.trigger.form == "noun" and not own_date and determined(doc, candidate.hit, lexicon)
    background = doc[candidate.clause[0]].lower_ in lexicon.words("background_clause")
    return Draft(mention, candidate.trigger, own_date, own_place is not None, refers_back, background=background,
                 fallback_place=fallback, host_inferred=any(p.rule == "visit_host" for p in candidate.people))


def determined(doc: Doc, hit: TriggerHit, lexicon: EventLexicon) -> bool:
    """'het gesprek', 'die korte ontmoeting', 'hun eerste top': a meeting noun whose determiner is definite,
    demonstrative or possessive may name a meeting the article tells elsewhere; 'een tweede top', 'een
    nieuwe ontmoeting' name another occasion."""
    floor = max(doc[hit.start].sent.start, hit.start - lexicon.window("reference_determiner"))
    for index in range(hit.start - 1, floor - 1, -1):
        word = doc[index].lower_
        if word in lexicon.words("reference_determiner"):
            return True
        if word in lexicon.words("indefinite_determiner") or word in lexicon.words("ordinal_reference") \
                or not doc[index].is_alpha or (doc[index].text[:1].isupper() and not doc[index].is_sent_start):
            return False
    return False


def programme_country(candidate: Candidate, actors: list[Actor]) -> Place | None:
    """A meeting on a traveller's programme ("Eerst staat een ontmoeting met de Belgische premier gepland")
    is in the partner's country, unless the article's scene places it (a summit abroad)."""
    travelling = next((p for p in candidate.people if p.rule == "protagonist"), None)
    if travelling is None:
        return None
    partner = next((a for a in actors if a.name != (travelling.person.name if travelling.person else "")), None)
    return Place("", partner.country, kind="country", link_rule="host_country") if partner and partner.country \
        else None


def host_country(doc: Doc, candidate: Candidate, actors: list[Actor], lexicon: EventLexicon) -> Place | None:
    """'een staatsbezoek bij de Chinese president Xi', 'werd onthaald door groothertog Henri': a visit to a
    person, and a reception by one, is in that person's country (a reception's only where the text and
    its scene name no place: the place is then `link_rule` "received_by_host")."""
    if candidate.trigger.kind not in ("visit", "receive"):
        return None
    kind = "host" if candidate.trigger.kind == "visit" else "agent"
    own_start, own_end = candidate.scope[-1]
    preps = lexicon.words(kind)
    for person in candidate.people:
        if candidate.hit.end <= person.start < own_end and \
                set(words_before(doc, person.start, lexicon, kind, candidate.hit.end)) & preps:
            actor = next((a for a in actors if a.name == (person.person.name if person.person else person.unknown_name)),
                         None)
            if actor is not None and actor.country:
                rule = "host_country" if kind == "host" else "received_by_host"
                return Place("", actor.country, kind="country", link_rule=rule)
    return None


def evidence_bounds(sent: Span) -> tuple[int, int]:
    """The sentence's characters without trailing whitespace or an opening quote that belongs to the next
    sentence."""
    end = sent.end
    while end > sent.start + 1:
        last = sent.doc[end - 1]
        opening_quote = last.is_quote and end - 2 >= sent.start and sent.doc[end - 2].whitespace_
        if not (last.is_space or opening_quote):
            break
        end -= 1
    return sent.start_char, sent.doc[end - 1].idx + len(sent.doc[end - 1].text)


def _confidence(candidate: Candidate, actors: list[Actor], place: Place | None, date: str) -> float:
    score = 0.45 + 0.35 * candidate.trigger.weight
    score += 0.05 * bool(place) + 0.05 * bool(date)
    score += 0.05 * all(a.qid for a in actors)
    score -= 0.15 * candidate.inferred
    return round(max(0.05, min(1.0, score)), 2)
