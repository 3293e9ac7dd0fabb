"""Link mentions of people and places to canonical records (the `summit_linker` component).

Routes, each recorded as `rule` on the mention: `alias` (a known name), `short` (a short name the
article already introduced, or the only office holder with it), `role` (a role phrase such as
"de Russische president", resolved by office holder at the date of the event), `kin` ("Kims vader"),
`unknown` (a name the data does not hold; country from a demonym beside it).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

import pipeline.extensions  # noqa: F401  (registers Doc._ attributes)
from pipeline.knowledge.actors import Person
from pipeline.components.ruler import ACTOR, COUNTRY, DEMONYM, KIN, PLACE, SHORT, SPANS_KEY
from pipeline.knowledge.bundle import Knowledge, load_knowledge
from pipeline.records import Actor, PartialDate, Place
from pipeline.linking.roles import RolePhrase, find_role_phrases, unknown_name_after

_NAME_LABELS = {ACTOR, SHORT}


@dataclass(frozen=True)
class PersonMention:
    """A reference to a person in the text; `person` is None for roles not yet resolved or unknowns."""

    start: int  # token offsets in the Doc
    end: int
    text: str
    rule: str
    person: Person | None = None
    unknown_name: str = ""
    country: str = ""  # for unknown persons: from a demonym next to the name
    role: RolePhrase | None = None

    def actor(self, knowledge: Knowledge, date: PartialDate | None) -> Actor | None:
        """The canonical actor, resolving a role phrase at `date` (the event's date)."""
        person = self.person
        if person is None and self.unknown_name:
            return Actor(self.unknown_name, "", self.country, self.rule)
        if person is None and self.role is not None and self.role.resolvable:
            person = knowledge.office_holder(self.role.country, self.role.titles, date)
        if person is not None:
            country = self.country if self.country and any(t.country == self.country for t in person.terms) \
                else person.country_at(_period(date))
            return Actor(person.name, person.qid, country, self.rule)
        if self.unknown_name:
            return Actor(self.unknown_name, "", self.country, self.rule)
        return None


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    rule: str


def _period(date: PartialDate | None):
    from pipeline.knowledge.actors import period_of
    return period_of(date) if date else None


def _capitalised(span: Span) -> bool:
    return span.text[:1].isupper()


def _part_of_longer_name(span: Span) -> bool:
    """'Moon' in 'Moon Hee-sang' or 'Kim' in 'Kim Yo-jong' is another person's full name."""
    if span.label_ != SHORT or span.end >= len(span.doc):
        return False
    following = span.doc[span.end]
    return following.text[:1].isupper() and not following.is_sent_start and following.is_alpha \
        or following.text[:1].isupper() and "-" in following.text


def link_names(doc: Doc, knowledge: Knowledge, published: PartialDate | None) -> list[PersonMention]:
    """Resolve every name span in document order, remembering whom the article introduced."""
    spans = [s for s in doc.spans[SPANS_KEY] if s.label_ in _NAME_LABELS and _capitalised(s)
             and not _part_of_longer_name(s)]
    spans = _longest_first(spans)
    introduced: dict[str, list[Person]] = {}  # short name or alias -> persons the article introduced
    counts: dict[str, int] = {}  # how often each person was named so far (salience)
    mentions = []
    for span in sorted(spans, key=lambda s: s.start):
        person, rule = _resolve_name(span, knowledge, published, introduced, counts)
        if person is None:
            continue
        counts[person.name] = counts.get(person.name, 0) + 1
        for key in person.short_names | person.aliases | {person.name}:
            bucket = introduced.setdefault(key.lower(), [])
            if person not in bucket:
                bucket.append(person)
        mentions.append(PersonMention(span.start, span.end, span.text, rule, person))
    return mentions


def _resolve_name(span: Span, knowledge: Knowledge, published: PartialDate | None,
                  introduced: dict[str, list[Person]], counts: dict[str, int]) -> tuple[Person | None, str]:
    # The genitive ("Kims", "Poetins") is looked up without its -s when the whole form is unknown.
    surfaces = [span.text] + ([span.text[:-1]] if span.text.endswith("s") else [])
    lookup = knowledge.actors.by_alias if span.label_ == ACTOR else knowledge.actors.by_short_name
    surface = next((s for s in surfaces if lookup(s)), span.text)
    candidates = lookup(surface)
    rule = "alias" if span.label_ == ACTOR else "short"
    if span.label_ == SHORT:
        known = [p for p in introduced.get(surface.lower(), []) if p in candidates]
        if known:
            # "Kim" after both Kim Jong-un and his late father: the one in office, then the most named.
            return max(known, key=lambda p: (knowledge.actors.in_office(p, published), counts.get(p.name, 0))), \
                "short_introduced"
        # A bare short name nobody introduced ("Michel", "Cooper") is a leader only if exactly one
        # person with it held office on the article's date: otherwise it is someone else entirely.
        candidates = [p for p in candidates if knowledge.actors.in_office(p, published)] if published else []
    elif len(candidates) > 1:
        in_office = [p for p in candidates if knowledge.actors.in_office(p, published)]
        candidates = in_office if len(in_office) == 1 else candidates
    return (candidates[0], rule) if len(candidates) == 1 else (None, rule)


def _longest_first(spans: list[Span]) -> list[Span]:
    """Drop spans inside a longer one ('Kim' inside 'Kim Jong-un')."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return kept


def link_roles(doc: Doc, knowledge: Knowledge, names: list[PersonMention]) -> list[PersonMention]:
    """Role phrases without a name become mentions; with a name they lend it a country."""
    by_start = {m.start: m for m in names}
    covered = {i for m in names for i in range(m.start, m.end)}
    result = list(names)
    for phrase in find_role_phrases(doc, knowledge):
        named = next((by_start[i] for i in _name_positions(doc, phrase.end) if i in by_start), None)
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


def link_name_parts(doc: Doc, mentions: list[PersonMention]) -> list[PersonMention]:
    """After "premier Anwar Ibrahim" or "de Keniaanse president William Ruto", a later "Anwar" or "Ruto"
    is the same person: a part of a name the article used, when no other person it names shares it."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    taken |= {i for s in doc.spans[SPANS_KEY] if s.label_ in (PLACE, COUNTRY, DEMONYM) for i in range(s.start, s.end)}
    owners: dict[str, set[str]] = {}
    first_seen: dict[str, PersonMention] = {}
    for mention in mentions:
        key = mention.person.name if mention.person else mention.unknown_name
        if not key or mention.rule.startswith("pronoun"):
            continue
        for part in doc[mention.start:mention.end].text.replace("-", " - ").split():
            if len(part) >= 3 and part[:1].isupper() and part.isalpha():
                owners.setdefault(part, set()).add(key)
                first_seen.setdefault(part, mention)
    result = list(mentions)
    for token in doc:
        owner = owners.get(token.text)
        origin = first_seen.get(token.text)
        if owner and len(owner) == 1 and token.i not in taken and origin is not None and token.i >= origin.end:
            taken.add(token.i)
            result.append(replace(origin, start=token.i, end=token.i + 1, text=token.text, rule="name_part"))
    return sorted(result, key=lambda m: m.start)


def link_kin(doc: Doc, knowledge: Knowledge, mentions: list[PersonMention]) -> list[PersonMention]:
    """'Kims vader': a genitive name followed by a kinship word names the relative."""
    kin_starts = {s.start: s for s in doc.spans[SPANS_KEY] if s.label_ == KIN}
    result = []
    for mention in mentions:
        kin = kin_starts.get(mention.end)
        relative = None
        if kin is not None and mention.person is not None and mention.text.endswith("s"):
            relative = knowledge.relative(mention.person, kin.text)
        if relative is not None:
            result.append(PersonMention(mention.start, kin.end, doc[mention.start:kin.end].text, "kin", relative))
        else:
            result.append(mention)
    return result


def link_places(doc: Doc, knowledge: Knowledge) -> list[PlaceMention]:
    """Cities, venues and countries from the gazetteer; 'de Chinese hoofdstad' is the capital."""
    # "paleis Noordeinde", "slot Meseberg": a place name has a capitalised word, not always the first.
    spans = [s for s in doc.spans[SPANS_KEY] if s.label_ in (PLACE, COUNTRY) and any(t.text[:1].isupper() for t in s)]
    mentions = []
    # A city-state is both a city and a country ("Singapore"); the city reading wins.
    spans.sort(key=lambda s: s.label_ != PLACE)
    for span in _longest_first(spans):
        if span.label_ == PLACE:
            record = knowledge.places.find_place(span.text)
            if record is not None:
                mentions.append(PlaceMention(span.start, span.end, span.text, record.to_place("gazetteer"), "gazetteer"))
        else:
            iso3 = knowledge.places.country_by_name(span.text)
            if iso3:
                mentions.append(PlaceMention(span.start, span.end, span.text,
                                             Place("", iso3, kind="country", link_rule="country"), "country"))
    mentions.extend(_capital_phrases(doc, knowledge, mentions))
    mentions.extend(_unlisted_places(doc, knowledge, mentions))
    return sorted(mentions, key=lambda m: m.start)


def _unlisted_places(doc: Doc, knowledge: Knowledge, found: list[PlaceMention]) -> list[PlaceMention]:
    """Places the gazetteer lacks, known from their frame: "de Indiase kustplaats Mamallapuram" (a place
    noun after a demonym) or "het Maleisische Putrajaya" (Dutch place names take 'het'; institutions
    such as "de Amerikaanse Senaat" take 'de')."""
    taken = {i for m in found for i in range(m.start, m.end)}
    neuter = knowledge.grammar["neuter_article"]
    result = []
    for span in doc.spans[SPANS_KEY]:
        if span.label_ != DEMONYM or span.end >= len(doc) or span.start == 0:
            continue
        name_at = span.end + (doc[span.end].lower_ in knowledge.place_nouns)
        introduced = name_at > span.end or doc[span.start - 1].lower_ in neuter
        name = doc[name_at] if name_at < len(doc) else None
        if not introduced or name is None or name.i in taken or not (name.is_alpha and name.text[:1].isupper()):
            continue
        if any(s.start == name.i and s.label_ in (ACTOR, SHORT) for s in doc.spans[SPANS_KEY]):
            continue
        iso3 = knowledge.places.country_by_demonym(span.text)
        if iso3:
            result.append(PlaceMention(name.i, name.i + 1, name.text, Place(name.text, iso3, link_rule="demonym_place"),
                                       "demonym_place"))
    return result


def _capital_phrases(doc: Doc, knowledge: Knowledge, found: list[PlaceMention]) -> list[PlaceMention]:
    taken = {i for m in found for i in range(m.start, m.end)}
    result = []
    for span in doc.spans[SPANS_KEY]:
        if span.label_ != DEMONYM or span.end >= len(doc) or doc[span.end].lower_ not in knowledge.capital_words:
            continue
        if span.end + 1 < len(doc) and span.end + 1 in taken:
            continue  # "de Noord-Koreaanse hoofdstad Pyongyang": the name itself is linked
        capital = knowledge.places.capital_of(knowledge.places.country_by_demonym(span.text) or "")
        if capital is not None:
            result.append(PlaceMention(span.start, span.end + 1, doc[span.start:span.end + 1].text,
                                       capital.to_place("capital_of"), "capital_of"))
    return result


class SummitLinker:
    def __init__(self, models_dir: str):
        self.knowledge = load_knowledge(models_dir)

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        published = article.published if article is not None else None
        names = link_names(doc, self.knowledge, published)
        with_roles = link_name_parts(doc, link_roles(doc, self.knowledge, names))
        doc._.persons = link_kin(doc, self.knowledge, with_roles)
        doc._.places = link_places(doc, self.knowledge)
        return doc


@Language.factory("summit_linker", default_config={"models_dir": "models"})
def make_summit_linker(nlp: Language, name: str, models_dir: str) -> SummitLinker:
    return SummitLinker(models_dir)
