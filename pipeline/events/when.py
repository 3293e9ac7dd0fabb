"""When a meeting took place: the temporal expression that dates a candidate, the time the paragraph
set, 'toen', the date fields written out, and the lede rule."""
from __future__ import annotations


from dataclasses import replace
from typing import Callable

from spacy.tokens import Doc, Span

from pipeline.events.positions import timexes_before, timexes_within
from pipeline.events.clauses import clauses
from pipeline.events.cues import cue_starts, has_cue
from pipeline.events.layout import lede_end
from pipeline.events.surface import text_of
from pipeline.events.lexicon import EventLexicon
from pipeline.records import Candidate, Mention, PartialDate, Timex


def token_ranges(candidate: Candidate) -> list[list[tuple[int, int]]]:
    """Where to look for a trigger's date or place, nearest first: its scope, then its clause."""
    return [list(candidate.scope)] + ([[candidate.clause]] if candidate.lone_in_clause else [])


def choose_timex(doc: Doc, sent: Span, candidate: Candidate, lexicon: EventLexicon) -> Timex | None:
    """The temporal expression nearest the trigger: in its scope, else its clause, else (when it is the
    sentence's only trigger) the sentence. A date after 'sinds' is a starting point, not a meeting date."""
    about_person = [(a, b) for a, b in clauses(sent, lexicon)
                    if doc[a].lower_ in lexicon.words("person_clause") and (a, b) != tuple(candidate.clause)]
    # "met president Sall, die dit jaar voorzitter is": that date is the person's, not the meeting's
    usable = [(start, timex) for start, timex in _dating_timexes(doc, sent, lexicon)
              if not any(a <= start < b for a, b in about_person) and not _dates_other_event(doc, start, candidate,
                                                                                              lexicon)]
    trigger_char = doc[candidate.hit.start].idx
    tiers = token_ranges(candidate) + ([[(sent.start, sent.end)]] if candidate.lone else [])
    tiers.append(_other_clauses(sent, candidate, lexicon))
    for ranges in tiers:
        found = [t for start, t in usable if any(a <= start < b for a, b in ranges)]
        if found:
            return min(found, key=lambda t: abs(t.start_char - trigger_char))
    return _time_referred_back(doc, candidate, lexicon)


def _dates_other_event(doc: Doc, start: int, candidate: Candidate, lexicon: EventLexicon) -> bool:
    """'nam de agenda door voor de EU-top van 27 juni': a date that names another event ('<noun> van
    <date>') is that event's, unless the noun is the candidate's own trigger ('de top van 27 juni')."""
    of = start if doc[start].lower_ in lexicon.words("date_of") else start - 1  # the expression may hold 'van'
    noun = of - 1
    if noun < 0 or doc[of].lower_ not in lexicon.words("date_of") or candidate.hit.start <= noun < candidate.hit.end:
        return False
    return doc[noun].lower_.endswith(tuple(lexicon.words("dated_event")))


def own_clause_timex(doc: Doc, sent: Span, candidate: Candidate, lexicon: EventLexicon) -> Timex | None:
    """The expression nearest the trigger within its scope or clause only ("Het bezoek is opvallend, omdat
    Modi vorige maand in Moskou was": the month is another event's)."""
    trigger_char = doc[candidate.hit.start].idx
    ranges = list(candidate.scope) + [tuple(candidate.clause)]
    found = [t for start, t in _dating_timexes(doc, sent, lexicon) if any(a <= start < b for a, b in ranges)]
    return min(found, key=lambda t: abs(t.start_char - trigger_char), default=None)


def _dating_timexes(doc: Doc, sent: Span, lexicon: EventLexicon) -> list[tuple[int, Timex]]:
    """The sentence's time expressions that can date an event, with their first token. A date after
    'sinds' is a starting point, not a meeting date."""
    since = lexicon.words("since")
    window = lexicon.window("since")
    usable = []
    for timex in timexes_within(doc._.timexes or [], sent.start_char, sent.end_char):
        first = doc.char_span(timex.start_char, timex.end_char, alignment_mode="expand")
        if first is None or any(doc[i].lower_ in since for i in range(max(sent.start, first.start - window),
                                                                       first.start)):
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
        if "\n\n" in text_of(doc)[earlier.end_char:sent.start_char]:
            return None  # a new paragraph sets its own time
        dated = [timex for _, timex in _dating_timexes(doc, earlier, lexicon) if timex.value]
        if dated:
            return dated[-1]
        previous = earlier.start - 1
    return None


def _other_clauses(sent: Span, candidate: Candidate, lexicon: EventLexicon) -> list[tuple[int, int]]:
    """The sentence's other clauses, last resort for a date: "In juli 2022 zaten ze aan tafel, nadat ze
    elkaar eerst hadden gesproken" dates both. Not the trigger's own clause (its date belongs to its
    other trigger); clauses about a person were left out before."""
    return [(a, b) for a, b in clauses(sent, lexicon) if (a, b) != tuple(candidate.clause)]


def _time_referred_back(doc: Doc, candidate: Candidate, lexicon: EventLexicon) -> Timex | None:
    """'Koningin Beatrix ontving toen president Chirac', 'was die dag al eerder ontvangen': 'toen' and
    'die dag' are the last date named before them."""
    ranges = list(candidate.scope) + [(candidate.clause[0], candidate.hit.start)]
    spots = cue_starts(doc, ranges, lexicon, "time_anaphor")
    if not spots:
        return None
    # "bezocht Mauritius in 2015, toen hij werd ontvangen door ...": the nearest date before 'toen'; 'die
    # namiddag' is the day named last, not a month or year named since
    day_only = doc[spots[0]].lower_ not in lexicon.words("time_anaphor")
    earlier = [t for t in timexes_before(doc._.timexes or [], doc[spots[0]].idx) if t.end_char <= doc[spots[0]].idx
               and t.value
               and (t.granularity == "day" or not day_only)]
    return earlier[-1] if earlier else None


def time_options(candidate: Candidate, doc: Doc, sent: Span, lexicon: EventLexicon,
                 status: Callable[[Timex | None], str]) -> list[Timex | None]:
    """The dates to try, best first. Without a date of its own the sentence goes on in the time the text
    last set, unless it looks ahead while that time is past ("... en dat een tweede top daar zou
    plaatsvinden"); undated is the last resort. `status` gives the candidate's status under a date."""
    own = choose_timex(doc, sent, candidate, lexicon)
    if own is not None and own_clause_timex(doc, sent, candidate, lexicon) is None \
            and status(None) == "planned" and status(own) == "occurred":
        own = None  # "is dinsdag naar Peking gereisd; daar zal hij Xi ontmoeten": another clause's past
    if own is not None:  # a time referred back ('die dag') may be one its leaders were not yet in office
        return [own] if sent.start_char <= own.start_char < sent.end_char else [own, None]
    narrative = narrative_timex(doc, sent, lexicon)
    if narrative is not None and status(None) == "planned" and status(narrative) == "occurred":
        narrative = None
    return ([narrative] if narrative else []) + [None]


def date_fields(sent: Span, timex: Timex | None, status: str, anchor: PartialDate | None,
                lexicon: EventLexicon) -> tuple[str, str, str, str]:
    """(date, date_end, date_precision, date_text) of a mention."""
    if timex is not None and timex.value:
        return timex.value, timex.value_end, timex.precision, timex.text
    # A present or present-perfect report of the meeting itself happened on the article's date.
    if status == "occurred" and anchor is not None and has_cue(sent, lexicon, "present_aux"):
        return anchor.iso(), "", anchor.precision, ""
    # A programme in the present is the article's news: its time is the article's, at its precision.
    if status == "planned" and anchor is not None and has_cue(sent, lexicon, "programme"):
        return anchor.iso(), "", anchor.precision, ""
    return "", "", "", ""


def dated_in_lede(doc: Doc, mentions: list[Mention], anchor: PartialDate | None) -> list[Mention]:
    """A news lede reports the news: an undated meeting that happened, told in the first paragraph,
    happened on the article's date ("Bondspresident Steinmeier ontving hem in Berlijn.")."""
    if anchor is None:
        return mentions
    if "\n\n" not in text_of(doc):
        return mentions  # a single paragraph is no article with a lede
    end = lede_end(doc)
    # A lede that names leaders the article dates elsewhere tells that meeting: it takes that date later.
    dated = {m.participant_key for m in mentions if m.date and m.status == "occurred"}
    return [replace(m, date=anchor.iso(), date_precision=anchor.precision)
            if not m.date and m.status == "occurred" and m.char_end <= end and m.participant_key not in dated
            else m for m in mentions]


