"""Where a meeting took place: the place a preposition puts in the trigger's scope or clause, a visit's
object, 'daar'/'waar', the place of the sentence that set the time, and the article's setting."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.events.positions import within, within_ranges
from pipeline.events.cues import words_before
from pipeline.events.hosts import visit_hosts
from pipeline.events.lexicon import EventLexicon
from pipeline.events.when import token_ranges
from pipeline.knowledge.bundle import Knowledge
from pipeline.records import Candidate, Place, PlaceMention, Timex


def choose_place(doc: Doc, sent: Span, candidate: Candidate, knowledge: Knowledge,
                 lexicon: EventLexicon, countries: frozenset[str] = frozenset()) -> Place | None:
    """The place after 'in/op/te/naar/aan' nearest the trigger (in its scope, else its clause); a venue
    gives its city. Never from another clause: places there belong to other events or to sources. When the
    clause names places in several countries, one in a participant's country (`countries`) comes first:
    "zowel in Brussel als in Luxemburg sprak ze met Bettel en Michel" pairs them crosswise."""
    for ranges in token_ranges(candidate):
        place = _nearest_place(doc, ranges, candidate.hit.start, lexicon, countries)
        if place is not None:
            return city_of_venue(place, knowledge)
    if candidate.trigger.object_place:  # "bezocht Mauritius in 2015", "om Turkije te bezoeken"
        visited = visit_hosts(doc, candidate.hit, candidate.trigger, list(candidate.scope), doc._.places or [],
                              lexicon)
        if visited:
            return city_of_venue(visited[0].place, knowledge)
    return _place_referred_back(doc, sent, candidate, knowledge, lexicon)


def narrative_place(doc: Doc, timex: Timex, knowledge: Knowledge, lexicon: EventLexicon) -> Place | None:
    """The place of the sentence that set the time a later sentence goes on in: "Morgen reist Macron naar
    Den Haag. Daarna heeft hij een gesprek met premier Rutte." """
    first = doc.char_span(timex.start_char, timex.end_char, alignment_mode="expand")
    if first is None:
        return None
    scene = first.sent
    place = _nearest_place(doc, [(scene.start, scene.end)], first.start, lexicon)
    return city_of_venue(place, knowledge) if place is not None else None


def _place_referred_back(doc: Doc, sent: Span, candidate: Candidate, knowledge: Knowledge,
                         lexicon: EventLexicon) -> Place | None:
    """'... naar Vladivostok, en dat de twee elkaar daar ontmoeten': 'daar' is the last place named
    before it, in this sentence or the one before."""
    anaphors = lexicon.words("place_anaphor")
    ranges = list(candidate.scope) + [(candidate.clause[0], candidate.hit.start)]
    spots = sorted(i for a, b in ranges for i in range(a, b) if doc[i].lower_ in anaphors)
    if not spots:
        return None
    earliest = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    before = within(doc._.places or [], earliest, spots[0])
    return city_of_venue(before[-1].place, knowledge) if before else None


def _after_place_preposition(doc: Doc, start: int, lexicon: EventLexicon, floor: int) -> bool:
    """Does a place preposition stand just before token `start` (and no preposition of origin right
    before it: "uit Peking" is where someone came from)?"""
    window = words_before(doc, start, lexicon, "place_prep", floor)
    if window and window[-1] in lexicon.words("place_verb"):
        return True  # "bereikte het drietal Kyiv": the place reached
    if _named_event_place(doc, start, lexicon, floor):
        return True
    following = [doc[i].lower_ for i in range(start + 1, min(len(doc), start + 4))]
    if set(following) & lexicon.words("host_noun"):
        return True  # "Nederland was toen gastheer van een top": the host country
    if any(word.endswith(tuple(lexicon.words("visit_object_noun"))) for word in following[1:]) and \
            following[:1] and following[0] in lexicon.words("indefinite_determiner") | {"nog"}:
        return True  # "bracht de premier Rusland (nog) een bezoek": the country visited
    return bool(window) and window[-1] not in lexicon.words("origin") and \
        any(word in lexicon.words("place_prep") for word in window)


def _named_event_place(doc: Doc, start: int, lexicon: EventLexicon, floor: int) -> bool:
    """'op de Veiligheidsconferentie van München', 'tijdens de top van Madrid': an event named after its
    city, where the meeting is, gives that city."""
    if start - 2 < floor or doc[start - 1].lower_ not in lexicon.words("date_of") or \
            not doc[start - 2].lower_.endswith(tuple(lexicon.words("event_venue"))):
        return False
    before = words_before(doc, start - 2, lexicon, "place_prep", floor)
    return bool(set(before) & (lexicon.words("place_prep") | lexicon.words("setting")))


def _nearest_place(doc: Doc, ranges, anchor: int, lexicon: EventLexicon,
                   countries: frozenset[str] = frozenset()) -> Place | None:
    named = [m for m in within_ranges(doc._.places or [], ranges)
             if _after_place_preposition(doc, m.start, lexicon, doc[m.start].sent.start)]
    if not named:
        return None
    best = min(named, key=lambda m: (m.place.kind == "country", abs(m.start - anchor)))
    # "zowel in Brussel als in Luxemburg sprak ze met Bettel en Michel": a list of places in several
    # countries pairs crosswise with the partners, each the one in its own country
    listed = _coordinated(doc, best, named, lexicon)
    own = [m for m in listed if m.place.country in countries]
    if len({m.place.country for m in listed}) == len(listed) > 1 and len(own) == 1:
        return own[0].place
    return best.place


def _coordinated(doc: Doc, place: PlaceMention, named: list[PlaceMention], lexicon: EventLexicon) -> list[PlaceMention]:
    """The places listed together with `place` ("in Brussel en in Luxemburg", "Parijs, Berlijn en Rome")."""
    joints = lexicon.words("place_coordination")
    ordered = sorted(named, key=lambda m: m.start)
    at = ordered.index(place)
    first = last = at
    while first > 0 and all(doc[i].lower_ in joints for i in range(ordered[first - 1].end, ordered[first].start)):
        first -= 1
    while last + 1 < len(ordered) and all(doc[i].lower_ in joints
                                          for i in range(ordered[last].end, ordered[last + 1].start)):
        last += 1
    return ordered[first:last + 1]


def city_of_venue(place: Place, knowledge: Knowledge) -> Place:
    if place.kind in ("venue", "landmark"):
        record = knowledge.places.find_place(place.name)
        if record is not None:
            return knowledge.places.city_of(record).to_place("venue_city")
    return place
