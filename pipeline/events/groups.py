"""How a trigger's people form meetings: when one sentence holds several meetings.

"topontmoetingen van Kim met Moon en Trump" and "sprak met Kagame en met Trudeau" are one meeting per
partner; "Maandag ontving Trump Macron, donderdag Starmer" one per date.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.events.positions import timexes_within
from pipeline.events.lexicon import EventLexicon
from pipeline.events.surface import words_of
from pipeline.records import PersonMention, Trigger, TriggerHit


Ranges = tuple[tuple[int, int], ...]  # token ranges [start, end)


def split_by_dates(doc: Doc, sent: Span, hit: TriggerHit,
                   people: list[PersonMention]) -> list[tuple[list[PersonMention], Ranges]] | None:
    """'Maandag ontving Trump Macron, donderdag Starmer' and 'ontving Rutte Leterme in 2011 en Di Rupo in
    2012': one host, partners each with a date of their own, are separate meetings; each keeps the stretch
    that holds its date and its name (the token ranges where its date and place are looked for)."""
    ordered = sorted(people, key=lambda p: p.start)
    before = [p for p in ordered if p.start < hit.start]
    # Dutch inverts after a fronted time: "Maandag ontving Trump ..." has its subject after the verb.
    subject = before if before else ordered[:1]
    partners = [p for p in ordered if p.start >= hit.end and p not in subject]
    if len(subject) != 1 or len(partners) < 2:
        return None
    starts = _timex_starts(doc, sent.start, sent.end)
    dates = [max((s for s in starts if s < partner.start), default=None) for partner in partners]
    if None not in dates and len(set(dates)) == len(dates):
        return [([subject[0], partner], ((date, partner.end),)) for partner, date in zip(partners, dates)]
    # "In het Catshuis ontving Rutte Leterme in 2011 en Di Rupo in 2012": each partner's own date right after
    # its name, before the next partner; each keeps the stretch from its name to the next one, and shares
    # what stands before the verb (the place, never a date: there is none before the first partner)
    bounds = [partner.start for partner in partners[1:]] + [sent.end]
    dates = [min((s for s in starts if partner.end <= s < bound), default=None)
             for partner, bound in zip(partners, bounds)]
    if None in dates or any(s < partners[0].start for s in starts):
        return None
    return [([subject[0], partner], ((partner.start, bound), (sent.start, hit.start)))
            for partner, bound in zip(partners, bounds)]


Group = tuple[list[PersonMention], "tuple[int, int] | None"]  # participants, and their own token range


def split_plural(doc: Doc, hit: TriggerHit, trigger: Trigger, people: list[PersonMention],
                 scope: list[tuple[int, int]], lexicon: EventLexicon) -> list[Group]:
    """'topontmoetingen van Kim met Moon en Trump' are two meetings, Kim-Moon and Kim-Trump; so are
    'sprak gisteravond met Kagame en vanochtend met Trudeau' (each 'met' its own meeting and date)."""
    words = words_of(doc)
    distributive = [i for i in range(max(0, hit.start - lexicon.window("distributive")), scope[-1][1])
                    for phrase in lexicon.phrases("distributive")
                    if words[i] == phrase[0] and tuple(words[i:i + len(phrase)]) == phrase]
    if distributive:  # "waar hij respectievelijk premier Anwar en premier Hun Manet spreekt"
        before = [p for p in people if p.start < distributive[0]]
        after = [p for p in people if p.start > distributive[0]]
        if len(before) == 1 and len(after) >= 2:
            return [([before[0], other], None) for other in after]
    travelling = [p for p in people if p.rule == "protagonist"]
    if trigger.plural and len(travelling) == 1 and len(people) >= 3:  # "met Duda en Tusk staan ontmoetingen gepland"
        return [([travelling[0], other], None) for other in people if other is not travelling[0]]
    comitative = lexicon.words("comitative")
    mets = [i for i in range(hit.end, scope[-1][1]) if doc[i].lower_ in comitative]
    if len(mets) >= 2:
        groups = _split_at(doc, people, mets, scope[0][0], scope[-1][1])
        if groups is not None:
            return groups
    if not trigger.plural or not mets:
        return [(people, None)]
    left = [p for p in people if p.start < mets[0]]
    right = [p for p in people if p.start > mets[0]]
    if len(left) == 1 and len(right) >= 2:
        return [([left[0], other], None) for other in right]
    return [(people, None)]


def _split_at(doc: Doc, people: list[PersonMention], mets: list[int], start: int, end: int) -> list[Group] | None:
    """One meeting per 'met': the persons before the first 'met' meet those after each 'met'. Each meeting
    owns the stretch where its date and place stand: before its partner ("In maart sprak hij in Genève met
    X en in oktober in Jakarta met Y": from the previous partner, the first from the clause's start), or,
    when every partner has a date right after it, from its 'met' on ("sprak met X in 2015, met Y in 2017")."""
    subject = [p for p in people if p.start < mets[0]]
    bounds = mets + [end]
    partners = [[p for p in people if bounds[n] < p.start < bounds[n + 1]] for n in range(len(mets))]
    if len(subject) != 1 or sum(bool(group) for group in partners) < 2:
        return None
    dated = _timex_starts(doc, start, end)
    after = all(any(group[-1].end <= t < bounds[n + 1] for t in dated) for n, group in enumerate(partners) if group)
    groups = []
    for n, group in enumerate(partners):
        if group:
            groups.append((subject + group, (bounds[n], bounds[n + 1]) if after else (start, bounds[n + 1])))
            start = group[-1].end
    return groups


def _timex_starts(doc: Doc, start: int, end: int) -> list[int]:
    """The first tokens of the time expressions in a token range."""
    found = []
    if start >= end:
        return found
    for timex in timexes_within(doc._.timexes or [], doc[start].idx, doc[end - 1].idx + len(doc[end - 1])):
        span = doc.char_span(timex.start_char, timex.end_char, alignment_mode="expand")
        if span is not None and start <= span.start < end:
            found.append(span.start)
    return sorted(found)
