"""Headlines and the short lines before the lede restate the article's news in telegram style: the present
tense whatever the time ("Trump en Zelensky zien elkaar in New York" for a meeting later today), no date,
a topic after "over" that looks like a place. A meeting the body also tells (the headline's leaders all
there) is the body's: the headline's mention yields to it. A headline meeting the body does not tell stays."""
from __future__ import annotations

from dataclasses import replace

from pipeline.events.sameness import dates_compatible, finer_place, places_compatible
from pipeline.records import Mention


def headlines_yield(mentions: list[Mention], end: int, plural_rules: frozenset[str] = frozenset()) -> list[Mention]:
    """The mentions without those told before `end` that a meeting told in the body can be (`_can_be`). The
    first such body meeting (the lede's news, which the headline announces) takes the headline's place when
    that is finer and fits ("Queen ontvangt Xi in Buckingham Palace" above a lede that says only "in
    Groot-Brittannië"). A headline about last Monday in Berlin does not yield to next month's meeting in
    The Hague. `plural_rules`: the triggers of meetings one by one ("voor gesprekken met Scholz en
    Steinmeier"), whose pairs stay beside a body meeting that runs them together."""
    body = sorted((m for m in mentions if m.char_start >= end), key=lambda m: m.char_start)
    kept, improved = [], {}
    for mention in mentions:
        whole = mention.rule_id not in plural_rules
        lede = None if mention.char_start >= end else next((m for m in body if _can_be(mention, m, whole)), None)
        if lede is None:
            kept.append(mention)
            continue
        told = improved.get(id(lede), lede)
        if places_compatible(told.place, mention.place):
            improved[id(lede)] = replace(told, place=finer_place(told.place, mention.place))
    return [improved.get(id(m), m) for m in kept]


def _can_be(headline: Mention, told: Mention, whole: bool) -> bool:
    """The headline's leaders all in the body's meeting (only the same leaders for a meeting told one by
    one: not `whole`; a headline often leaves out who else attended: "Zelensky op audiëntie bij koning
    Filip" above an audience that the premier attended), and a date that fits when the headline states one
    (without a date expression the headline carries the article's date, which says nothing). Not the place:
    a headline's place may be borrowed from its neighbours, and the topic ("overlegt met Poetin over
    Oekraïne") is no place."""
    leaders, told_leaders = set(headline.participant_key), set(told.participant_key)
    return (leaders <= told_leaders if whole else leaders == told_leaders) and \
        (not headline.date_text or dates_compatible(headline.date, told.date))
