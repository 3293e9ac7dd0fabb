"""Who takes part in a meeting a trigger names: clause scope, pronouns, compounds and visit hosts.

Works on token positions and the linker's mentions only, so it runs the same with or without a
dependency parse. Dutch puts the subject first and the verb second or last; a clause's subject is
everything before its first trigger, and each trigger owns the stretch up to the next one.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from pipeline.events.lexicon import EventLexicon
from pipeline.knowledge.bundle import Knowledge
from pipeline.linking.names import PersonMention


@dataclass(frozen=True)
class TriggerHit:
    rule_id: str
    start: int
    end: int


def clauses(sent: Span, lexicon: EventLexicon) -> list[tuple[int, int]]:
    """Split a sentence at clause words ('dat', 'die', ';') into [start, end) token ranges."""
    breaks, after_comma = lexicon.words("clause_break"), lexicon.words("clause_break_comma")
    bounds, start = [], sent.start
    for token in sent:
        breaks_here = token.lower_ in breaks or (token.lower_ in after_comma and token.i > sent.start
                                                 and token.nbor(-1).text == ",")
        if token.i > sent.start and (token.nbor(-1).lower_, token.lower_) in lexicon.cues.get("distributive", ()):
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


def _plural_verb_near(doc: Doc, index: int, end: int, lexicon: EventLexicon) -> bool:
    """Is 'ze' plural? Its verb stands beside it ('zaten ze', 'ze ontmoetten') or ends the stretch
    ('waar ze Xi ontmoeten'); a plural finite verb has a plural ending."""
    endings = tuple(lexicon.words("plural_verb_ending"))
    last = next((i for i in range(end - 1, index, -1) if not doc[i].is_punct), index)
    near = {i for i in (index - 1, index + 1, last) if 0 <= i < len(doc) and i != index}
    return any(len(doc[i].text) > 4 and doc[i].lower_.endswith(endings) for i in near)


def persons_in(ranges: list[tuple[int, int]], persons: list[PersonMention]) -> list[PersonMention]:
    return [p for p in persons if any(start <= p.start < end for start, end in ranges)]


def resolve_pronouns(doc: Doc, ranges: list[tuple[int, int]], persons: list[PersonMention],
                     lexicon: EventLexicon) -> list[PersonMention]:
    """'hij' is the first leader of the last earlier sentence naming one; 'de twee' the last two leaders."""
    found = []
    singles, objects = lexicon.words("pronoun_one"), lexicon.words("pronoun_object")
    for start, end in ranges:
        for index in range(start, end):
            token = doc[index]
            is_object = token.lower_ in objects
            single = token.lower_ in singles or (token.lower_ in lexicon.words("pronoun_by_number")
                                                 and not _plural_verb_near(doc, index, end, lexicon))
            if (single or is_object) and not _is_possessive_context(doc, index, lexicon):
                antecedent = _previous_sentence_subject(doc, index, persons, lexicon, same_sentence_first=not is_object)
                if antecedent is not None:
                    found.append(replace(antecedent, start=index, end=index + 1, text=token.text,
                                         rule=f"pronoun:{antecedent.rule}"))
            following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
            if token.is_sent_start and token.lower_ in lexicon.words("pronoun_pair_initial") \
                    and following in lexicon.words("pair_next"):  # "Die spraken elkaar vorige week ..."
                found.extend(replace(p, start=index, end=index + 1, text=token.text, rule=f"pronoun:{p.rule}")
                             for p in _last_n(index, persons, 2))
            for count, kind in ((2, "pronoun_pair"), (3, "pronoun_three"), (4, "pronoun_four")):
                for phrase in lexicon.cues.get(kind, ()):
                    following = doc[index + len(phrase)].lower_ if index + len(phrase) < len(doc) else ""
                    if phrase in lexicon.cues.get("pronoun_needs_next", ()) and following not in lexicon.words("pair_next"):
                        continue  # "de twee landen" is no pronoun; "de twee elkaar" is
                    if tuple(t.lower_ for t in doc[index:index + len(phrase)]) == phrase:
                        found.extend(replace(p, start=index, end=index + len(phrase), text=" ".join(phrase),
                                             rule=f"pronoun:{p.rule}") for p in _last_n(index, persons, count))
    return found


def _is_possessive_context(doc: Doc, index: int, lexicon: EventLexicon) -> bool:
    """"van hem" is a possessor, not a participant."""
    return index > 0 and doc[index - 1].lower_ in lexicon.words("possessive")


def _previous_sentence_subject(doc: Doc, index: int, persons: list[PersonMention], lexicon: EventLexicon,
                               same_sentence_first: bool = True) -> PersonMention | None:
    """For 'hij': the first person earlier in the same sentence ("Modi kwam uit Polen, waar hij ..."), else
    the first person of the last earlier sentence naming one. For 'hem' the same, but never someone of its
    own clause: "Steinmeier ontving hem" is not Steinmeier; "Modi bezocht Dhaka, toen Hasina hem ontving"
    is Modi."""
    sentence_start = doc[index].sent.start
    breaks = lexicon.words("clause_break")
    # "Modi kwam uit Polen, waar hij ...": only across a clause word; "Samen met Meloni werd hij ..." is not.
    same_sentence = [p for p in persons if sentence_start <= p.start < index
                     and any(doc[i].lower_ in breaks for i in range(p.end, index))]
    if not same_sentence_first:
        clause_start = max((t.i for t in doc[sentence_start:index] if t.text == "," ), default=sentence_start)
        same_sentence = [p for p in same_sentence if p.start < clause_start]
    if same_sentence:
        return same_sentence[0]
    previous = doc[sentence_start - 1].sent if sentence_start > 0 else None
    if previous is not None:
        # "Hij schreef dat ... Xi sprak. Vanochtend had hij ...": a sentence led by 'hij' hands its
        # antecedent on.
        singles = lexicon.words("pronoun_one")
        first_person = next((p.start for p in persons if previous.start <= p.start < previous.end), previous.end)
        leading = next((t.i for t in doc[previous.start:first_person] if t.lower_ in singles), None)
        if leading is not None:
            return _previous_sentence_subject(doc, leading, persons, lexicon)
    earlier = [p for p in persons if p.start < sentence_start]
    if not earlier:
        earlier = [p for p in persons if p.start < index]
        return earlier[-1] if earlier else None
    last_sentence = doc[earlier[-1].start].sent.start
    return next(p for p in earlier if p.start >= last_sentence)


def _last_n(index: int, persons: list[PersonMention], count: int) -> list[PersonMention]:
    """The last `count` different leaders named before `index` ("de drie leiders"), or none."""
    chosen: list[PersonMention] = []
    names: set[str] = set()
    for mention in reversed([p for p in persons if p.start < index]):
        key = mention.person.name if mention.person else mention.text
        if key not in names:
            chosen.append(mention)
            names.add(key)
        if len(chosen) == count:
            break
    return chosen if len(chosen) == count else []


def compound_participants(doc: Doc, hit: TriggerHit, persons: list[PersonMention],
                          knowledge: Knowledge) -> list[PersonMention]:
    """'Trump-Kim-ontmoeting': the parts before the meeting word are the participants' names."""
    text = doc[hit.start:hit.end].text
    parts = text.split("-")[:-1]
    if len(parts) < 2:
        return []
    found = []
    published = doc._.article.published if doc._.article is not None else None
    for part in parts:
        match = next((p for p in reversed(persons) if p.start < hit.start and p.person is not None
                      and part.lower() in {s.lower() for s in p.person.short_names | p.person.aliases}), None)
        people = [match.person] if match else knowledge.actors.by_alias(part)
        if not people:  # "Trump-Kim-top" before the article names Kim: the Kim in office then
            people = [p for p in knowledge.actors.by_short_name(part) if knowledge.actors.in_office(p, published)]
        if len(people) != 1:
            return []
        found.append(PersonMention(hit.start, hit.end, part, "compound", people[0]))
    return found


def visit_hosts(doc: Doc, hit: TriggerHit, trigger, scope: list[tuple[int, int]], places: list,
                lexicon: EventLexicon) -> list:
    """Where a visit went ('bezoek aan Peking', 'op bezoek in Seoul', 'bezocht China') or where a
    reception happens ('wordt in Ankara ontvangen', 'ontvangen in het Witte Huis'). None when the text
    names the host itself ('ontvangen door zijn ambtgenote')."""
    own = scope[-1]
    if any(doc[i].lower_ in lexicon.words("agent") for i in range(max(own[0], hit.start - 3), own[1])):
        return []
    found = []
    if trigger.object_place:
        found += [p for p in places if p.start == hit.end or p.end == hit.start
                  or (p.end == hit.start - 1 and doc[hit.start - 1].lower_ in lexicon.words("infinitive_marker"))]
    preps = lexicon.words("reception_prep") if trigger.kind == "receive" else \
        lexicon.words("host") | lexicon.words("place_prep")
    # a reception's place may stand before the participle ("wordt in Ankara ontvangen"), a visit's after it
    start = own[0] if trigger.kind == "receive" else hit.end
    for place in places:
        window = range(max(own[0], place.start - 5), place.start)
        if start <= place.start < own[1] and any(doc[i].lower_ in preps for i in window):
            found.append(place)
    return found
