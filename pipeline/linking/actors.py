"""From a person mention to the actor written to the output, at the event's date."""
from __future__ import annotations

from pipeline.knowledge.bundle import Knowledge
from pipeline.records import Actor, PartialDate, PersonMention


def actor_of(mention: PersonMention, knowledge: Knowledge, date: PartialDate | None) -> Actor | None:
    """The canonical actor, resolving a role phrase at `date` (the event's date, not the article's)."""
    if mention.person is None and mention.unknown_name:
        return Actor(mention.unknown_name, "", mention.country, mention.rule)
    person = mention.person
    if person is None and mention.role is not None and mention.role.resolvable:
        person = knowledge.office_holder(mention.role.country, mention.role.titles, date)
    if person is None:
        return None
    # "de Belgische premier Charles Michel": the country he represents here, whatever his later offices
    represents = mention.country and any(term.country == mention.country for term in person.terms)
    country = mention.country if represents else person.country_at(date.period() if date else None)
    return Actor(person.name, person.qid, country, mention.rule)
