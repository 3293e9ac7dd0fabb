"""How a trigger's people form meetings: who is a bystander, and when one sentence holds several meetings.

"topontmoetingen van Kim met Moon en Trump" and "sprak met Kagame en met Trudeau" are one meeting per
partner; "Maandag ontving Trump Macron, donderdag Starmer" one per date; a topic ("over"), a possessor
("van") or an earlier passive's agent ("door") is named without taking part.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.events.lexicon import EventLexicon, Trigger
from pipeline.linking.names import PersonMention
from pipeline.events.participants import TriggerHit


def split_by_dates(doc: Doc, sent: Span, hit: TriggerHit, people: list[PersonMention],
                    scope: list[tuple[int, int]]) -> list[tuple[list[PersonMention], tuple[int, int]]] | None:
    """'Maandag ontving Trump Macron, donderdag Starmer': one host, partners each with a date of their own,
    are separate meetings; each keeps the stretch from its date to its name."""
    ordered = sorted(people, key=lambda p: p.start)
    before = [p for p in ordered if p.start < hit.start]
    # Dutch inverts after a fronted time: "Maandag ontving Trump ..." has its subject after the verb.
    subject = before if before else ordered[:1]
    partners = [p for p in ordered if p.start >= hit.end and p not in subject]
    if len(subject) != 1 or len(partners) < 2:
        return None
    starts = sorted(span.start for t in doc._.timexes or []
                    if sent.start_char <= t.start_char < sent.end_char
                    and (span := doc.char_span(t.start_char, t.end_char, alignment_mode="expand")) is not None)
    dates = [max((s for s in starts if s < partner.start), default=None) for partner in partners]
    if None in dates or len(set(dates)) != len(dates):
        return None
    return [([subject[0], partner], (date, partner.end)) for partner, date in zip(partners, dates)]


def after_not_participant(doc: Doc, mention: PersonMention, lexicon: EventLexicon) -> bool:
    """'de regering onder Jair Bolsonaro': a person governed under is no participant."""
    words = lexicon.words("not_participant")
    return any(doc[i].lower_ in words for i in range(max(0, mention.start - 2), mention.start))


def bystander(doc: Doc, hit: TriggerHit, trigger: Trigger, mention: PersonMention, lexicon: EventLexicon) -> bool:
    """Persons the trigger's stretch names without their taking part: a topic after 'over' ("spraken over
    de reis van koning Filip"), a possessor after 'van' with a meeting verb ("een bondgenoot van Poetin"),
    and the agent of an earlier passive ("werd door Filip ontvangen en sprak met Di Rupo")."""
    sentence = doc[hit.start].sent
    if mention.start > hit.end and any(doc[i].lower_ in lexicon.words("topic") for i in range(hit.end, mention.start)):
        return True
    before = doc[mention.start - 1].lower_ if mention.start > sentence.start else ""
    before2 = doc[mention.start - 2].lower_ if mention.start - 1 > sentence.start else ""
    if hit.rule_id.startswith("meet_verb") and lexicon.words("possessive") & {before, before2} \
            and mention.start > hit.end:
        return True
    return mention.start < hit.start and before in lexicon.words("agent") and \
        any(h_word.lower_ in lexicon.words("conjunct") for h_word in doc[mention.end:hit.start])


Group = tuple[list[PersonMention], "tuple[int, int] | None"]  # participants, and their own token range


def split_plural(doc: Doc, hit: TriggerHit, trigger: Trigger, people: list[PersonMention],
                 scope: list[tuple[int, int]], lexicon: EventLexicon) -> list[Group]:
    """'topontmoetingen van Kim met Moon en Trump' are two meetings, Kim-Moon and Kim-Trump; so are
    'sprak gisteravond met Kagame en vanochtend met Trudeau' (each 'met' its own meeting and date)."""
    words = [t.lower_ for t in doc]
    distributive = [i for i in range(max(0, hit.start - 8), scope[-1][1])
                    for phrase in lexicon.cues.get("distributive", ())
                    if tuple(words[i:i + len(phrase)]) == phrase]
    if distributive:  # "waar hij respectievelijk premier Anwar en premier Hun Manet spreekt"
        before = [p for p in people if p.start < distributive[0]]
        after = [p for p in people if p.start > distributive[0]]
        if len(before) == 1 and len(after) >= 2:
            return [([before[0], other], None) for other in after]
    comitative = lexicon.words("comitative")
    mets = [i for i in range(hit.end, scope[-1][1]) if doc[i].lower_ in comitative]
    if len(mets) >= 2:
        groups = _split_at(people, mets, hit, scope[-1][1])
        if groups is not None:
            return groups
    if not trigger.plural or not mets:
        return [(people, None)]
    left = [p for p in people if p.start < mets[0]]
    right = [p for p in people if p.start > mets[0]]
    if len(left) == 1 and len(right) >= 2:
        return [([left[0], other], None) for other in right]
    return [(people, None)]


def _split_at(people: list[PersonMention], mets: list[int], hit: TriggerHit, end: int) -> list[Group] | None:
    """One meeting per 'met': the persons before the first 'met' meet those after each 'met'; each
    meeting owns the stretch from the previous partner to the next 'met' (where its date stands)."""
    subject = [p for p in people if p.start < mets[0]]
    bounds = mets + [end]
    partners = [[p for p in people if bounds[n] < p.start < bounds[n + 1]] for n in range(len(mets))]
    if len(subject) != 1 or sum(bool(group) for group in partners) < 2:
        return None
    groups, start = [], hit.end
    for n, group in enumerate(partners):
        if group:
            groups.append((subject + group, (start, bounds[n + 1])))
            start = group[-1].end
    return groups
