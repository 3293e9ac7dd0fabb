"""Visits and receptions that name only one leader: where the visit went, and the host there whom the
article names ("Rutte bracht een bezoek aan Peking", with Xi named elsewhere in the article)."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.events.positions import within
from pipeline.events.cues import words_before
from pipeline.events.lexicon import EventLexicon
from pipeline.knowledge.bundle import Knowledge
from pipeline.records import PersonMention, PlaceMention, Trigger, TriggerHit

HOST_TITLES = ("leader", "president", "monarch", "prime_minister", "chancellor")


def visit_hosts(doc: Doc, hit: TriggerHit, trigger: Trigger, scope: list[tuple[int, int]], places: list[PlaceMention],
                lexicon: EventLexicon) -> list[PlaceMention]:
    """Where a visit went ('bezoek aan Peking', 'op bezoek in Seoul', 'bezocht China') or where a
    reception happens ('wordt in Ankara ontvangen', 'ontvangen in het Witte Huis'). None when the text
    names the host itself ('ontvangen door zijn ambtgenote')."""
    own = scope[-1]
    agent_from = max(own[0], hit.start - lexicon.window("agent"))
    if any(doc[i].lower_ in lexicon.words("agent") for i in range(agent_from, own[1])):
        return []
    found = []
    if trigger.object_place:
        found += [p for p in within(places, hit.start - 6, hit.end + 1) if p.start == hit.end or p.end == hit.start
                  or (p.end == hit.start - 1 and doc[hit.start - 1].lower_ in lexicon.words("infinitive_marker"))]
    kind = "reception_prep" if trigger.kind == "receive" else "host"
    preps = lexicon.words(kind) if trigger.kind == "receive" else lexicon.words("host") | lexicon.words("place_prep")
    # a reception's place may stand before the participle ("wordt in Ankara ontvangen"), a visit's after it
    start = own[0] if trigger.kind == "receive" else hit.end
    found += _places_after_preposition(doc, places, start, own, preps, kind, lexicon)
    if not found and trigger.kind == "visit":  # "was Xi in Nederland voor een staatsbezoek"
        found += _places_after_preposition(doc, places, own[0], (own[0], hit.start), preps, kind, lexicon)
    return found


def _places_after_preposition(doc: Doc, places: list[PlaceMention], start: int, own: tuple[int, int],
                              preps: frozenset[str], kind: str, lexicon: EventLexicon) -> list[PlaceMention]:
    found = []
    for place in within(places, start, own[1]):
        if any(word in preps for word in words_before(doc, place.start, lexicon,
                                                                                         kind, own[0])):
            found.append(place)
    return found


def visit_host_persons(doc: Doc, host_places: list[PlaceMention], people: list[PersonMention],
                       knowledge: Knowledge, state_visit: bool = False) -> list[PersonMention]:
    """A visit to a country meets its leader, but only one the article names (guideline 2); a state visit
    meets the head of state."""
    anchor = doc._.article.published if doc._.article else None
    if not host_places or anchor is None or len({p.place.country for p in host_places}) > 1:
        return []  # "bezoeken aan België en Luxemburg": a tour of two hosts, each told on its own
    if any(p.place.kind == "landmark" for p in host_places):
        return []  # "een bezoek aan de Invalides": sightseeing meets no host
    country = host_places[0].place.country
    named = {p.person.name: p for p in doc._.persons or [] if p.person is not None}  # once per visit
    visitors = {p.person.name for p in people if p.person is not None}
    home = {p.person.country_at(None) for p in people if p.person is not None} | {p.country for p in people}
    if country in home:
        return []  # "terug in Noord-Korea": coming home is no visit
    holders = [h for h in knowledge.actors.holders_any(country, HOST_TITLES, anchor)
               if h.name in named and h.name not in visitors]
    if state_visit:  # "legde Xi een staatsbezoek af in Nederland": the king received him, not the premier
        heads = [h for h in holders if any(t.country == country and t.office == "head_of_state" for t in h.terms)]
        holders = heads or holders
    if not holders:
        return []
    # The host the text names nearest the visit: a state visit's monarch, a working visit's premier.
    sentence = doc[host_places[0].start].sent
    named_here = {p.person.name for p in within(doc._.persons or [], sentence.start, sentence.end) if p.person}
    in_sentence = [h for h in holders if h.name in named_here]
    if not in_sentence and len(holders) > 1:
        return []  # the article names a president and a premier: which one hosted is not said
    holder = (in_sentence or holders)[0]
    origin = named[holder.name]
    return [PersonMention(origin.start, origin.end, origin.text, "visit_host", holder)]


