"""Names of people in the text linked to the actor records.

Routes, each recorded as `rule` on the mention: `alias` (a known name), `short` (a short name the
article already introduced, or the only office holder with it), `name_part` (a part of a name the
article used before), `kin` ("Kims vader"). Role phrases are in `pipeline.linking.roles`.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.knowledge.labels import ACTOR, COUNTRY, DEMONYM, KIN, PLACE, SHORT, SPANS_KEY
from pipeline.knowledge.bundle import Knowledge
from pipeline.records import PartialDate, Person, PersonMention

_NAME_LABELS = {ACTOR, SHORT}


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
    spans = longest_first(spans)
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


def longest_first(spans: list[Span]) -> list[Span]:
    """Drop spans inside a longer one ('Kim' inside 'Kim Jong-un')."""
    kept: list[Span] = []
    taken: set[int] = set()  # tokens of the spans kept: one pass, not every span against every other
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(i in taken for i in range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return kept


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


