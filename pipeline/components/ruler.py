"""`summit_fold_norm` and `summit_knowledge_ruler`: names, places, demonyms and role words from the
models/ data, found in the text whatever its case or accents.

The ruler writes spans to `doc.spans["knowledge"]` rather than `doc.ents`, so the statistical NER (if
any) and the dictionary both stay visible to the linker, which decides between them. Its phrase
patterns are made with the tokenizer only: running the whole model over 12,000 phrases at start-up
would cost seconds and teach the matcher nothing (it matches on NORM).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from pipeline.components.data import DataComponent
from pipeline.errors import DataError, Errors
from pipeline.knowledge.bundle import Knowledge, load_knowledge
from pipeline.knowledge.labels import ACTOR, COUNTRY, DEMONYM, KIN, MODIFIER, PLACE, ROLE, SHORT, SPANS_KEY
from pipeline.knowledge.tables import read_lines
from pipeline.knowledge.textnorm import strip_accents

PATTERNS_FILE = "patterns.jsonl"


def _variants(surface: str) -> set[str]:
    """The surface without accents (the ruler matches accent-free norms), also with hyphens as spaces
    ('Kim Jong Un')."""
    forms = {strip_accents(surface)}
    forms |= {form.replace("-", " ") for form in forms if "-" in form and " " in form}
    return forms


def knowledge_patterns(knowledge: Knowledge) -> Iterable[tuple[str, str]]:
    """(label, phrase) for every surface form the data knows."""
    def phrases(label: str, surfaces: Iterable[str]) -> Iterable[tuple[str, str]]:
        for surface in sorted({v for s in surfaces for v in _variants(s)}):
            yield label, surface

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


def fold_norms(doc: Doc) -> Doc:
    """Token norms without case or accents, so 'Caïro' meets the data's 'Cairo' and 'Erdoğan' 'Erdogan'."""
    for token in doc:
        token.norm_ = _unaccented(token.lower_)
    return doc


@lru_cache(maxsize=200_000)
def _unaccented(word: str) -> str:
    """`strip_accents` of a word, remembered: news repeats its words, and Unicode decomposition is slow."""
    return strip_accents(word)


@Language.component("summit_fold_norm")
def fold_norm(doc: Doc) -> Doc:
    """Runs after any trained component, right before the knowledge ruler, which matches on NORM."""
    return fold_norms(doc)


class KnowledgeRuler(DataComponent):
    def __init__(self, nlp: Language, name: str):
        super().__init__(name)
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")

    def load_data(self, folder: Path) -> list[tuple[str, str]]:
        return self._build(list(knowledge_patterns(load_knowledge(folder))))

    def _build(self, patterns: list[tuple[str, str]]) -> list[tuple[str, str]]:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        by_label: dict[str, list[Doc]] = {}
        for label, phrase in patterns:
            by_label.setdefault(label, []).append(fold_norms(self.nlp.make_doc(phrase)))
        for label, docs in by_label.items():
            self.matcher.add(label, docs)
        return patterns

    def __call__(self, doc: Doc) -> Doc:
        self.data  # noqa: B018  (fails clearly when the ruler was never given its data)
        strings = doc.vocab.strings
        found = {Span(doc, start, end, label=strings[key], span_id=strings[key].lower())
                 for key, start, end in self.matcher(doc) if start != end}
        doc.spans[SPANS_KEY] = sorted(found)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        target = Path(path)
        target.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps({"label": label, "pattern": phrase}, ensure_ascii=False) for label, phrase in self.data)
        (target / PATTERNS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "KnowledgeRuler":
        source = Path(path) / PATTERNS_FILE
        patterns = []
        for number, line in enumerate(read_lines(source), start=1):
            try:
                item = json.loads(line)
                patterns.append((item["label"], item["pattern"]))
            except (ValueError, KeyError, TypeError) as error:
                raise DataError(source, Errors.E030.format(error=error), number) from None
        self._data = self._build(patterns)
        return self


@Language.factory("summit_knowledge_ruler")
def make_knowledge_ruler(nlp: Language, name: str) -> KnowledgeRuler:
    return KnowledgeRuler(nlp, name)
