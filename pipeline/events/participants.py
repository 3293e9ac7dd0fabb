"""Who takes part in a meeting a trigger names: the persons in its scope who are not bystanders, the
names inside a compound trigger, and which of them qualify as summit participants (guideline 1)."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.events.positions import within_ranges
from pipeline.events.cues import words_before
from pipeline.events.lexicon import EventLexicon
from pipeline.knowledge.bundle import Knowledge
from pipeline.linking.actors import actor_of
from pipeline.linking.roles import ORGANISATION_HEAD
from pipeline.records import Actor, Candidate, PartialDate, PersonMention, Trigger, TriggerHit

# Titles of heads of state or government: a meeting needs at least one of them (guideline 1).
HEAD_TITLES = frozenset({"president", "prime_minister", "chancellor", "monarch", "leader", "emir", "sultan",
                         "crown_prince"})


def persons_in(ranges: list[tuple[int, int]], persons: list[PersonMention]) -> list[PersonMention]:
    """The persons (sorted by position) that begin in any of the ranges."""
    return within_ranges(persons, ranges)


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



def after_not_participant(doc: Doc, mention: PersonMention, lexicon: EventLexicon) -> bool:
    """'de regering onder Jair Bolsonaro': a person governed under is no participant."""
    words = lexicon.words("not_participant")
    return any(word in words for word in words_before(doc, mention.start, lexicon, "not_participant"))


def bystander(doc: Doc, hit: TriggerHit, trigger: Trigger, mention: PersonMention, lexicon: EventLexicon) -> bool:
    """Persons the trigger's stretch names without their taking part: a topic after 'over' ("spraken over
    de reis van koning Filip"), a possessor after 'van' with a meeting verb ("een bondgenoot van Poetin"),
    and the agent of an earlier passive ("werd door Filip ontvangen en sprak met Di Rupo")."""
    sentence = doc[hit.start].sent
    if mention.start > hit.end and any(doc[i].lower_ in lexicon.words("topic") for i in range(hit.end, mention.start)):
        return True
    if trigger.form == "verb" and mention.start > hit.end \
            and lexicon.words("possessive") & set(words_before(doc, mention.start, lexicon, "possessive", sentence.start)):
        return True
    before = doc[mention.start - 1].lower_ if mention.start > sentence.start else ""
    return mention.start < hit.start and before in lexicon.words("agent") and \
        any(h_word.lower_ in lexicon.words("conjunct") for h_word in doc[mention.end:hit.start])


def qualified_actors(candidate: Candidate, knowledge: Knowledge, date: PartialDate | None,
                      checked: bool = True) -> list[Actor] | None:
    """The participants who held office at the date; None unless two remain and one leads a state
    (two foreign ministers meeting make no summit)."""
    actors: dict[str, Actor] = {}
    heads = 0
    for mention in candidate.people:
        if mention.role is not None and ORGANISATION_HEAD in mention.role.titles:
            continue  # "NAVO-baas Rutte" speaks for an international body here
        actor = actor_of(mention, knowledge, date)
        if actor is None or actor.name in actors:
            continue
        person = mention.person or (knowledge.office_holder(mention.role.country, mention.role.titles, date)
                                    if mention.role is not None and mention.role.resolvable else None)
        if person is None:  # a leader the data does not hold, named with a role and a country
            leads = mention.role is not None and bool(set(mention.role.titles) & HEAD_TITLES)
            actors[actor.name], heads = actor, heads + leads
            continue
        takes_part, is_head = knowledge.qualifies(person, date if checked else None)
        if mention.role is not None and set(mention.role.titles) & HEAD_TITLES \
                and any(t.country == mention.role.country for t in person.terms):
            takes_part, is_head = True, True  # the text calls them head: trust it over our dates
        if takes_part:
            actors[actor.name], heads = actor, heads + is_head
    countries = {actor.country for actor in actors.values()}
    if len(actors) < 2 or heads == 0 or (len(countries) == 1 and "" not in countries):
        return None  # a summit is international: a king and his own premier travelling together is not one
    return sorted(actors.values(), key=lambda a: a.name)


