"""The knowledge ruler: find names, places, demonyms and role words from models/ data in the text.

It writes spans to `doc.spans["knowledge"]` rather than `doc.ents`, so the statistical NER (if any)
and the dictionary both stay visible to the linker, which decides between them.
"""
from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.pipeline import SpanRuler

from pipeline.knowledge.bundle import Knowledge, load_knowledge
from pipeline.knowledge.textnorm import strip_accents

SPANS_KEY = "knowledge"
# Span labels the ruler writes; the linker reads them.
ACTOR, SHORT, PLACE, COUNTRY, DEMONYM, ROLE, MODIFIER, KIN = (
    "ACTOR", "SHORT", "PLACE", "COUNTRY", "DEMONYM", "ROLE", "MODIFIER", "KIN")


def _variants(surface: str) -> set[str]:
    """The surface without accents (the ruler matches accent-free norms), also with hyphens as spaces
    ('Kim Jong Un')."""
    forms = {strip_accents(surface)}
    forms |= {form.replace("-", " ") for form in forms if "-" in form and " " in form}
    return forms


def knowledge_patterns(knowledge: Knowledge) -> Iterable[dict]:
    """Phrase patterns for every surface form the data knows, each with the kind as its id."""
    def phrases(label: str, surfaces: Iterable[str]) -> Iterable[dict]:
        for surface in sorted({v for s in surfaces for v in _variants(s)}):
            yield {"label": label, "pattern": surface, "id": label.lower()}

    aliases = [s for s, kind in knowledge.actors.alias_surfaces() if kind == "alias"]
    shorts = [s for s, kind in knowledge.actors.alias_surfaces() if kind == "short"]
    yield from phrases(ACTOR, aliases)
    # Dutch genitive: "Kims vader", "Poetins komst".
    yield from phrases(ACTOR, [a + "s" for a in aliases if " " not in a and not a.endswith("s")])
    yield from phrases(SHORT, shorts + [s + "s" for s in shorts if not s.endswith("s")])
    yield from phrases(PLACE, [surface for surface, _ in knowledge.places.place_names()])
    yield from phrases(COUNTRY, [surface for surface, _ in knowledge.places.country_names()])
    yield from phrases(DEMONYM, [surface for surface, _ in knowledge.places.demonyms()])
    yield from phrases(ROLE, [role.surface for role in knowledge.roles.values()])
    yield from phrases(MODIFIER, [word for word in knowledge.role_modifiers])
    yield from phrases(KIN, [word for word in knowledge.kinship])


@Language.component("summit_fold_norm")
def fold_norm(doc):
    """Token norms without case or accents, so 'Caïro' meets the data's 'Cairo' and 'Erdoğan' 'Erdogan'.
    Runs after any trained component, right before the knowledge ruler, which matches on NORM."""
    for token in doc:
        token.norm_ = strip_accents(token.lower_)
    return doc


@Language.factory("summit_knowledge_ruler", default_config={"models_dir": "models"})
def make_knowledge_ruler(nlp: Language, name: str, models_dir: str) -> SpanRuler:
    """A spaCy SpanRuler filled from models/ (matching ignores case and accents: see fold_norm)."""
    ruler = SpanRuler(nlp, name, spans_key=SPANS_KEY, phrase_matcher_attr="NORM", overwrite=True)
    ruler.add_patterns(list(knowledge_patterns(load_knowledge(models_dir))))
    return ruler
