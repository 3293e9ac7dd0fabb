"""Find Dutch role phrases: "de (toenmalige) Russische president", "de president van Rusland".

Pure functions over the knowledge ruler's spans, so they can be tested on a blank Dutch pipeline.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.components.ruler import COUNTRY, DEMONYM, MODIFIER, ROLE, SPANS_KEY
from pipeline.knowledge.bundle import Knowledge

_MAX_NAME_TOKENS = 4


@dataclass(frozen=True)
class RolePhrase:
    start: int
    end: int
    country: str  # ISO alpha-3, "" when the phrase names no country
    titles: tuple[str, ...]
    modifier: str = ""  # then | former | keep | generic | ""

    @property
    def resolvable(self) -> bool:
        """A former holder cannot be looked up from the office table at the event date."""
        return bool(self.country) and self.modifier not in ("former", "generic")


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
    for role_span in _spans_by(doc, ROLE, "start").values():
        role = knowledge.role(role_span.text)
        if role is None or _inside_longer_role(role_span, doc):
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
        if start > 0 and doc[start - 1].lower_ in knowledge.grammar["indefinite_article"]:
            modifier = "generic"  # "een Israëlische premier": any holder, not a particular one
        phrases.append(RolePhrase(start, end, country, role.titles, modifier))
    return sorted(phrases, key=lambda p: p.start)


def _inside_longer_role(span: Span, doc: Doc) -> bool:
    return any(other.label_ == ROLE and other.start <= span.start and other.end >= span.end
               and len(other) > len(span) for other in doc.spans[SPANS_KEY])


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
