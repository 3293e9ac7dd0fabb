"""Dutch role phrases: "de (toenmalige) Russische president", "de president van Rusland", and the persons
they name: the name beside them, the office holder at the event's date, or the holder named before.

Pure functions over the knowledge ruler's spans, so they can be tested on a blank Dutch pipeline.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.knowledge.labels import COUNTRY, DEMONYM, MODIFIER, ROLE, SPANS_KEY
from pipeline.knowledge.bundle import Knowledge
from pipeline.records import Person, PersonMention, RolePhrase

_MAX_NAME_TOKENS = 4
ORGANISATION_HEAD = "organisation_head"  # the title models/lexicon/roles.tsv gives heads of international bodies


def _spans_by(doc: Doc, label: str, key: str) -> dict[int, Span]:
    """The longest span of `label` starting (key='start') or ending (key='end') at each token."""
    index: dict[int, Span] = {}
    for span in doc.spans[SPANS_KEY]:
        if span.label_ != label:
            continue
        position = span.start if key == "start" else span.end
        if position not in index or len(span) > len(index[position]):
            index[position] = span
    return index


def find_role_phrases(doc: Doc, knowledge: Knowledge) -> list[RolePhrase]:
    """Every role word with its country: from a demonym before it or 'van <land>' after it."""
    demonym_ending = _spans_by(doc, DEMONYM, "end")
    modifier_ending = _spans_by(doc, MODIFIER, "end")
    country_starting = _spans_by(doc, COUNTRY, "start")
    phrases = []
    longer = _covered_by_longer_roles(doc)
    for role_span in _spans_by(doc, ROLE, "start").values():
        role = knowledge.role(role_span.text)
        if role is None or (role_span.start, role_span.end) in longer:
            continue
        start, country, modifier = role_span.start, "", ""
        demonym = demonym_ending.get(role_span.start)
        if demonym is not None:
            start, country = demonym.start, knowledge.places.country_by_demonym(demonym.text) or ""
        elif role_span.end + 1 < len(doc) and doc[role_span.end].lower_ in knowledge.grammar["of_preposition"]:
            after = role_span.end + 1 + (doc[role_span.end + 1].lower_ in knowledge.grammar["definite_article"])
            if after in country_starting:
                country = knowledge.places.country_by_name(country_starting[after].text) or ""
        end = role_span.end if demonym is not None or not country else country_starting[after].end
        before = modifier_ending.get(start)
        if before is not None:
            start, modifier = before.start, knowledge.role_modifiers.get(before.text.lower(), "")
        if _indefinite_before(doc, start, knowledge):
            modifier = "generic"  # "een Israëlische premier", "een tweede vorst": any holder, not a particular one
        phrases.append(RolePhrase(start, end, country, role.titles, modifier))
        if demonym is not None:
            phrases.extend(_elided_roles(doc, demonym.start, role.titles, modifier, demonym_ending, knowledge))
    return sorted(phrases, key=lambda p: p.start)


def _elided_roles(doc: Doc, start: int, titles: tuple[str, ...], modifier: str, demonym_ending: dict[int, Span],
                  knowledge: Knowledge) -> list[RolePhrase]:
    """'de Franse en de Duitse president', 'de Amerikaanse en Russische leider': the role word said once
    belongs to every demonym of the coordination, each its own leader."""
    found = []
    position = start
    while True:
        before = position - 1
        if before >= 0 and doc[before].lower_ in knowledge.grammar["definite_article"]:
            before -= 1
        if before < 1 or doc[before].lower_ not in knowledge.grammar["coordination"]:
            return found
        demonym = demonym_ending.get(before)
        if demonym is None:
            return found
        country = knowledge.places.country_by_demonym(demonym.text) or ""
        if country:
            found.append(RolePhrase(demonym.start, demonym.end, country, titles, modifier))
        position = demonym.start


def _indefinite_before(doc: Doc, start: int, knowledge: Knowledge) -> bool:
    """'een' right before the role phrase, or before one lower-case word ('een tweede vorst')."""
    for index in (start - 1, start - 2):
        if index < 0:
            return False
        if doc[index].lower_ in knowledge.grammar["indefinite_article"]:
            return True
        if not (doc[index].is_alpha and doc[index].is_lower):
            return False
    return False


def _covered_by_longer_roles(doc: Doc) -> set[tuple[int, int]]:
    """(start, end) of every role span inside a longer one ("minister" in "minister-president"): one
    pass over the spans sorted by start, so a long document costs its length, not its square."""
    roles = sorted(((s.start, s.end) for s in doc.spans[SPANS_KEY] if s.label_ == ROLE), key=lambda r: (r[0], -r[1]))
    covered, reach = set(), []  # reach: (end, start) of the roles begun so far that may still cover
    for start, end in roles:
        reach = [(e, s) for e, s in reach if e > start]
        if any(s <= start and e >= end and (e - s) > (end - start) for e, s in reach):
            covered.add((start, end))
        reach.append((end, start))
    return covered


def unknown_name_after(doc: Doc, position: int, knowledge: Knowledge) -> Span | None:
    """A capitalised name right after a role phrase ('president William Ruto'), or None."""
    if position < len(doc) and doc[position].text == ",":
        position += 1  # apposition: "de toenmalige Russische president, Dmitri Medvedev"
    end = position
    particles = knowledge.name_particles
    while end < len(doc) and end - position < _MAX_NAME_TOKENS and _name_token(doc, end, end == position, particles):
        end += 1
    if end == position or (end - position == 1 and doc[position].is_sent_start):
        return None
    return doc[position:end]


def _name_token(doc: Doc, index: int, first: bool, particles: frozenset[str]) -> bool:
    token = doc[index]
    head, _, rest = token.text.partition("-")
    particle_compound = head.lower() in particles and rest[:1].isupper()  # "al-Sisi", "bin-Zayed"
    if token.text[:1].isupper() and token.is_alpha or (token.text[:1].isupper() and "-" in token.text) \
            or particle_compound:
        return not any(s.label_ in (ROLE, DEMONYM, COUNTRY) and s.start == index for s in doc.spans[SPANS_KEY])
    # Particles inside names ("bin Salman", "Van der Bellen") come from models/lexicon/name_particles.txt.
    return not first and token.lower_ in particles and index + 1 < len(doc) and doc[index + 1].text[:1].isupper()


def link_roles(doc: Doc, knowledge: Knowledge, names: list[PersonMention]) -> list[PersonMention]:
    """Role phrases without a name become mentions; with a name they lend it a country."""
    by_start = {m.start: m for m in names}
    covered = {i for m in names for i in range(m.start, m.end)}
    result = list(names)
    for phrase in find_role_phrases(doc, knowledge):
        named = next((by_start[i] for i in _name_positions(doc, phrase.end) if i in by_start), None)
        if named is not None and ORGANISATION_HEAD in phrase.titles:
            # "NAVO-baas Mark Rutte": here he speaks for an international body, not for a state
            result[result.index(named)] = replace(named, role=phrase, rule=ORGANISATION_HEAD)
            continue
        if named is not None and phrase.country:
            # "de Belgische premier Charles Michel": the country he represents here, whatever his later offices
            result[result.index(named)] = replace(named, country=phrase.country, role=phrase)
        if named is not None or covered & set(range(phrase.start, phrase.end)):
            continue  # "president Trump", or an alias that includes the role ("koning Willem-Alexander")
        entity = _ner_person_at(doc, phrase.end, knowledge)
        unknown = entity or unknown_name_after(doc, phrase.end, knowledge)
        if unknown is not None and phrase.country:  # "koningin Máxima" names no country: no leader we know
            mention = _unknown_or_holder(unknown, phrase, knowledge)
            result.append(replace(mention, rule="unknown_ner") if entity is not None and mention.rule == "unknown"
                          else mention)
        elif phrase.country:
            result.append(PersonMention(phrase.start, phrase.end, doc[phrase.start:phrase.end].text, "role",
                                        role=phrase))
        elif unknown is None and phrase.modifier not in ("former", "generic"):
            earlier = _holder_named_before(phrase, names)
            if earlier is not None:  # "de koning" after "koning Filip": the monarch the article named
                result.append(PersonMention(phrase.start, phrase.end, doc[phrase.start:phrase.end].text,
                                            "role_anaphor", earlier))
    return sorted(result, key=lambda m: m.start)


def _holder_named_before(phrase: RolePhrase, names: list[PersonMention]) -> Person | None:
    """The person most recently named before a country-less role phrase who holds (or held) that title."""
    for mention in sorted((m for m in names if m.end <= phrase.start), key=lambda m: -m.start):
        if mention.person is not None and any(t.title in phrase.titles[:1] for t in mention.person.terms):
            return mention.person
    return None


def _ner_person_at(doc: Doc, end: int, knowledge: Knowledge) -> Span | None:
    """A person entity of the statistical model right after a role phrase; any model's label set works
    through models/lexicon/entity_labels.tsv (PERSON in nl_core_news_sm, PER in ours)."""
    starts = set(_name_positions(doc, end))
    return next((ent for ent in doc.ents if ent.start in starts and knowledge.project_label(ent.label_) == "PER"),
                None)


def _name_positions(doc: Doc, end: int) -> list[int]:
    """Where a name standing for a role phrase may start: right after it, or after a comma
    ("de toenmalige Russische president, Dmitri Medvedev")."""
    positions = [end]
    if end < len(doc) and doc[end].text == ",":
        positions.append(end + 1)
    return positions


def _unknown_or_holder(name: Span, phrase: RolePhrase, knowledge: Knowledge) -> PersonMention:
    """A name the data lacks, unless its surname is that of the office holder ('Dimitry Medvedev')."""
    surname = name[-1].text.lower()
    holders = [p for p in knowledge.actors.persons.values()
               if any(t.country == phrase.country and t.title in phrase.titles for t in p.terms)
               and any(alias.lower().split()[-1] == surname for alias in p.aliases | {p.name})]
    if phrase.country and len(holders) == 1:
        return PersonMention(phrase.start, name.end, name.text, "role_surname", holders[0])
    return PersonMention(phrase.start, name.end, name.text, "unknown", unknown_name=name.text, country=phrase.country,
                         role=phrase)
