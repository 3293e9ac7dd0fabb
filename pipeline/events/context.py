"""The context of a trigger: its date, its place, whether it happened, whether it is negated.

Status rules, in order (see README "Status"): a date before the article date means occurred and one
after it planned; else a planning cue ("gepland", "uitnodiging", "op weg naar") or a modal ("zal",
"zou") without a perfect infinitive means planned; a present-tense report dated by a bare weekday is
planned (Dutch uses the present for the near future); everything else occurred.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.timex.api import guess_tense
from pipeline.events.lexicon import EventLexicon
from pipeline.knowledge.bundle import Knowledge
from pipeline.linking.names import PersonMention
from pipeline.events.participants import clauses, visit_hosts
from pipeline.records import PartialDate, Place, Timex
from pipeline.timex.modals import modal_reading

_NEGATION_WINDOW = 3
_PREP_WINDOW = 4  # "in het Russische Vladivostok", "aan de Noord-Koreaanse hoofdstad Pyongyang"
_HOST_TITLES = ("leader", "president", "monarch", "prime_minister", "chancellor")


def has_cue(span: Span, lexicon: EventLexicon, kind: str) -> bool:
    """Does a cue phrase of this kind occur in the span? (single words by set lookup: this is hot)"""
    words = [token.lower_ for token in span]
    present = set(words)
    for phrase in lexicon.cues.get(kind, ()):
        if phrase[0] not in present:
            continue
        if len(phrase) == 1:
            return True
        size = len(phrase)
        if any(tuple(words[i:i + size]) == phrase for i in range(len(words) - size + 1)):
            return True
    return False


def negated(doc: Doc, trigger_start: int, lexicon: EventLexicon) -> bool:
    """'zonder elkaar te ontmoeten', 'geen ontmoeting', 'ontmoetten elkaar niet'."""
    negations, clause_negations = lexicon.words("negation"), lexicon.words("clause_negation")
    sentence = doc[trigger_start].sent
    # "zonder dat Poetin en Zelensky elkaar troffen": 'zonder' negates its whole clause.
    for index in range(trigger_start - 1, sentence.start - 1, -1):
        if doc[index].is_punct:
            break
        if doc[index].lower_ in clause_negations:
            return True
    before = range(max(trigger_start - _NEGATION_WINDOW, sentence.start), trigger_start)
    after = range(trigger_start + 1, min(trigger_start + 3, doc[trigger_start].sent.end))
    return any(doc[i].lower_ in negations for i in before) or any(
        doc[i].lower_ in negations - clause_negations for i in after)


def _token_ranges(candidate) -> list[list[tuple[int, int]]]:
    """Where to look for a trigger's date or place, nearest first: its scope, then its clause."""
    return [list(candidate.scope)] + ([[candidate.clause]] if candidate.lone_in_clause else [])


def choose_timex(doc: Doc, sent: Span, candidate, lexicon: EventLexicon) -> Timex | None:
    """The temporal expression nearest the trigger: in its scope, else its clause, else (when it is the
    sentence's only trigger) the sentence. A date after 'sinds' is a starting point, not a meeting date."""
    about_person = [(a, b) for a, b in clauses(sent, lexicon)
                    if doc[a].lower_ in lexicon.words("person_clause") and (a, b) != tuple(candidate.clause)]
    # "met president Sall, die dit jaar voorzitter is": that date is the person's, not the meeting's
    usable = [(start, timex) for start, timex in _dating_timexes(doc, sent, lexicon)
              if not any(a <= start < b for a, b in about_person)]
    trigger_char = doc[candidate.hit.start].idx
    tiers = _token_ranges(candidate) + ([[(sent.start, sent.end)]] if candidate.lone else [])
    tiers.append(_other_clauses(sent, candidate, lexicon))
    for ranges in tiers:
        found = [t for start, t in usable if any(a <= start < b for a, b in ranges)]
        if found:
            return min(found, key=lambda t: abs(t.start_char - trigger_char))
    return _time_referred_back(doc, sent, candidate, lexicon)


def _dating_timexes(doc: Doc, sent: Span, lexicon: EventLexicon) -> list[tuple[int, Timex]]:
    """The sentence's time expressions that can date an event, with their first token. A date after
    'sinds' is a starting point, not a meeting date."""
    since = lexicon.words("since")
    usable = []
    for timex in doc._.timexes or []:
        if not sent.start_char <= timex.start_char < sent.end_char:
            continue
        first = doc.char_span(timex.start_char, timex.end_char, alignment_mode="expand")
        if first is None or any(doc[i].lower_ in since for i in range(max(sent.start, first.start - 3), first.start)):
            continue
        usable.append((first.start, timex))
    return usable


def narrative_timex(doc: Doc, sent: Span, lexicon: EventLexicon) -> Timex | None:
    """A sentence without a date of its own goes on in the time the text last set: "Zelensky kwam
    gisteren naar de top. Hij had direct na aankomst een ontmoeting met Modi." The last dating expression
    of the nearest earlier sentence that has one, within the paragraph."""
    previous = sent.start - 1
    while previous >= 0:
        earlier = doc[previous].sent
        if "\n\n" in doc.text[earlier.end_char:sent.start_char]:
            return None  # a new paragraph sets its own time
        dated = [timex for _, timex in _dating_timexes(doc, earlier, lexicon) if timex.value]
        if dated:
            return dated[-1]
        previous = earlier.start - 1
    return None


def _other_clauses(sent: Span, candidate, lexicon: EventLexicon) -> list[tuple[int, int]]:
    """The sentence's other clauses, last resort for a date: "In juli 2022 zaten ze aan tafel, nadat ze
    elkaar eerst hadden gesproken" dates both. Not the trigger's own clause (its date belongs to its
    other trigger); clauses about a person were left out before."""
    return [(a, b) for a, b in clauses(sent, lexicon) if (a, b) != tuple(candidate.clause)]


def _time_referred_back(doc: Doc, sent: Span, candidate, lexicon: EventLexicon) -> Timex | None:
    """'Koningin Beatrix ontving toen president Chirac': 'toen' is the last date named before it."""
    anaphors = lexicon.words("time_anaphor")
    ranges = list(candidate.scope) + [(candidate.clause[0], candidate.hit.start)]
    spots = sorted(i for a, b in ranges for i in range(a, b) if doc[i].lower_ in anaphors)
    if not spots:
        return None
    # "bezocht Mauritius in 2015, toen hij werd ontvangen door ...": the nearest date before 'toen'
    earlier = [t for t in doc._.timexes or [] if t.end_char <= doc[spots[0]].idx and t.value]
    return earlier[-1] if earlier else None


def status_of(doc: Doc, sent: Span, candidate, timex: Timex | None, anchor: PartialDate | None,
              lexicon: EventLexicon) -> str:
    if timex is not None and timex.value and anchor is not None:
        order = _compare(timex.value, anchor.iso())
        if order:
            return "occurred" if order < 0 else "planned"
    if timex is not None and set(timex.text.lower().split()) & lexicon.words("future_time"):
        return "planned"  # "volgende week": ahead, even when it is still the article's month
    governing = doc[sent.start:candidate.clause[1]]  # the trigger's clause and the clauses before it
    if has_cue(governing, lexicon, "planned") or _modal_future(governing, lexicon):
        return "planned"
    clause = doc[candidate.clause[0]:candidate.clause[1]]
    # Dutch uses the present for the near future ("ze ontmoeten elkaar dinsdag"); a present perfect
    # ("heeft dinsdag ... ontmoet") is past.
    if timex is not None and "weekday" in timex.rule_id and _present_tense(clause, lexicon) \
            and not _present_perfect(clause, lexicon):
        return "planned"
    return "occurred"


def _present_perfect(clause: Span, lexicon: EventLexicon) -> bool:
    """'heeft donderdag in Vladivostok Kim ontmoet' (past: an auxiliary and, anywhere after it, a
    participle), not 'heeft woensdag een onderhoud met Li' (the present of 'hebben')."""
    auxiliaries = lexicon.words("present_aux")
    words = [token.lower_ for token in clause]
    first = next((i for i, word in enumerate(words) if word in auxiliaries), None)
    return first is not None and any(guess_tense(f"{words[first]} {word}", lexicon.dates_dir) == "past"
                                     for word in words[first + 1:])


def _compare(value: str, anchor: str) -> int:
    """-1/0/1 comparing two ISO dates at their common precision."""
    size = min(len(value), len(anchor))
    return (value[:size] > anchor[:size]) - (value[:size] < anchor[:size])


def _modal_future(span: Span, lexicon: EventLexicon) -> bool:
    """'zal ontmoeten' is planned; 'zou hebben ontmoet' (reported past) is not."""
    return modal_reading(span, lexicon) == "future"


def _present_tense(span: Span, lexicon: EventLexicon) -> bool:
    return guess_tense(span.text, lexicon.dates_dir) != "past"


def choose_place(doc: Doc, sent: Span, candidate, knowledge: Knowledge, lexicon: EventLexicon) -> Place | None:
    """The place after 'in/op/te/naar/aan' nearest the trigger (in its scope, else its clause); a venue
    gives its city. Never from another clause: places there belong to other events or to sources."""
    for ranges in _token_ranges(candidate):
        place = _nearest_place(doc, ranges, candidate.hit.start, lexicon)
        if place is not None:
            return _city_of_venue(place, knowledge)
    if candidate.trigger.object_place:  # "bezocht Mauritius in 2015", "om Turkije te bezoeken"
        visited = visit_hosts(doc, candidate.hit, candidate.trigger, list(candidate.scope), doc._.places or [],
                              lexicon)
        if visited:
            return _city_of_venue(visited[0].place, knowledge)
    return _place_referred_back(doc, sent, candidate, knowledge, lexicon)


def narrative_place(doc: Doc, timex: Timex, knowledge: Knowledge, lexicon: EventLexicon) -> Place | None:
    """The place of the sentence that set the time a later sentence goes on in: "Morgen reist Macron naar
    Den Haag. Daarna heeft hij een gesprek met premier Rutte." """
    first = doc.char_span(timex.start_char, timex.end_char, alignment_mode="expand")
    if first is None:
        return None
    scene = first.sent
    place = _nearest_place(doc, [(scene.start, scene.end)], first.start, lexicon)
    return _city_of_venue(place, knowledge) if place is not None else None


def _place_referred_back(doc: Doc, sent: Span, candidate, knowledge: Knowledge, lexicon: EventLexicon) -> Place | None:
    """'... naar Vladivostok, en dat de twee elkaar daar ontmoeten': 'daar' is the last place named
    before it, in this sentence or the one before."""
    anaphors = lexicon.words("place_anaphor")
    ranges = list(candidate.scope) + [(candidate.clause[0], candidate.hit.start)]
    spots = sorted(i for a, b in ranges for i in range(a, b) if doc[i].lower_ in anaphors)
    if not spots:
        return None
    earliest = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    before = [m for m in doc._.places or [] if earliest <= m.start < spots[0]]
    return _city_of_venue(before[-1].place, knowledge) if before else None


def _nearest_place(doc: Doc, ranges, anchor: int, lexicon: EventLexicon) -> Place | None:
    preps, origins = lexicon.words("place_prep"), lexicon.words("origin")
    best = None
    for mention in doc._.places or []:
        if not any(a <= mention.start < b for a, b in ranges):
            continue
        sentence_start = doc[mention.start].sent.start
        window = [doc[i].lower_ for i in range(max(sentence_start, mention.start - _PREP_WINDOW), mention.start)]
        if not window or window[-1] in origins or not any(word in preps for word in window):
            continue
        distance = abs(mention.start - anchor)
        rank = (mention.place.kind == "country", distance)
        if best is None or rank < best[0]:
            best = (rank, mention.place)
    return best[1] if best else None


def _city_of_venue(place: Place, knowledge: Knowledge) -> Place:
    if place.kind == "venue":
        record = knowledge.places.find_place(place.name)
        if record is not None:
            return knowledge.places.city_of(record).to_place("venue_city")
    return place


def visit_host_persons(doc: Doc, host_places: list, people: list[PersonMention],
                       knowledge: Knowledge) -> list[PersonMention]:
    """A visit to a country meets its leader, but only one the article names (guideline 2)."""
    anchor = doc._.article.published if doc._.article else None
    if not host_places or anchor is None:
        return []
    country = host_places[0].place.country
    named = {p.person.name: p for p in doc._.persons or [] if p.person is not None}
    visitors = {p.person.name for p in people if p.person is not None}
    home = {p.person.country_at(None) for p in people if p.person is not None} | {p.country for p in people}
    if country in home:
        return []  # "terug in Noord-Korea": coming home is no visit
    holders = [h for h in knowledge.actors.holders_any(country, _HOST_TITLES, anchor)
               if h.name in named and h.name not in visitors]
    if not holders:
        return []
    # The host the text names nearest the visit: a state visit's monarch, a working visit's premier.
    sentence = doc[host_places[0].start].sent
    in_sentence = [h for h in holders if any(sentence.start <= p.start < sentence.end for p in doc._.persons
                                             if p.person is not None and p.person.name == h.name)]
    if not in_sentence and len(holders) > 1:
        return []  # the article names a president and a premier: which one hosted is not said
    holder = (in_sentence or holders)[0]
    origin = named[holder.name]
    return [PersonMention(origin.start, origin.end, origin.text, "visit_host", holder)]


def article_setting(doc: Doc, knowledge: Knowledge, lexicon: EventLexicon) -> Place | None:
    """Where the news happens: the first city or venue the first paragraph puts something 'in' or 'naar'
    ("... is vandaag in Hiroshima aangekomen"). Meetings of the same days without a place of their own
    are there."""
    preps = lexicon.words("place_prep")
    paragraph_end = next((t.i for t in doc if "\n\n" in t.text_with_ws), len(doc))
    for mention in doc._.places or []:
        if mention.start >= paragraph_end:
            break
        window = [doc[i].lower_ for i in range(max(0, mention.start - _PREP_WINDOW), mention.start)]
        if mention.place.kind != "country" and mention.place.name and any(w in preps for w in window):
            return _city_of_venue(mention.place, knowledge)
    return None


def near_anchor(date: str, anchor: PartialDate | None, days: int = 3) -> bool:
    """Is an ISO date within `days` of a day-precise article date?"""
    import datetime as dt
    if anchor is None or anchor.day is None or len(date) != 10:
        return False
    published = dt.date(anchor.year, anchor.month, anchor.day)
    return abs((dt.date.fromisoformat(date) - published).days) <= days
