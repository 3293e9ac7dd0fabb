"""Cue words around a trigger: does a span hold a cue of a kind, is a trigger negated."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.events.lexicon import EventLexicon
from pipeline.events.surface import punct_of, words_of


def has_cue(span: Span, lexicon: EventLexicon, kind: str) -> bool:
    """Does a cue phrase of this kind occur in the span? (single words by set lookup: this is hot)"""
    words = words_of(span.doc)
    filed = lexicon.phrases_by_first_word(kind)
    for index in range(span.start, span.end):
        for phrase in filed.get(words[index], ()):
            if len(phrase) == 1 or (index + len(phrase) <= span.end
                                    and tuple(words[index:index + len(phrase)]) == phrase):
                return True
    return False


def cue_starts(doc: Doc, ranges: list[tuple[int, int]], lexicon: EventLexicon, kind: str) -> list[int]:
    """The tokens in `ranges` where a cue phrase of the kind begins, in text order."""
    starts = set()
    words = words_of(doc)
    for a, b in ranges:
        for phrase in lexicon.phrases(kind):
            size = len(phrase)
            starts.update(i for i in range(a, b - size + 1) if tuple(words[i:i + size]) == phrase)
    return sorted(starts)


def words_before(doc: Doc, index: int, lexicon: EventLexicon, kind: str, floor: int = 0) -> list[str]:
    """The lower-cased words in the kind's window before token `index` (not before `floor`)."""
    return words_of(doc)[max(floor, index - lexicon.window(kind)):index]


def negated(doc: Doc, trigger_start: int, lexicon: EventLexicon) -> bool:
    """'zonder elkaar te ontmoeten', 'geen ontmoeting', 'ontmoetten elkaar niet'."""
    negations, clause_negations = lexicon.words("negation"), lexicon.words("clause_negation")
    never_before, comparison = lexicon.words("never_before"), lexicon.words("comparison")
    sentence = doc[trigger_start].sent
    # "zonder dat Poetin en Zelensky elkaar troffen": 'zonder' negates its whole clause, and so does "niet
    # eerder" ("is nog niet eerder bij deze president op bezoek geweest"), but not "niet eerder dan juni".
    words = words_of(doc)
    for index in range(trigger_start - 1, sentence.start - 1, -1):
        if doc[index].is_punct:
            break
        if words[index] in clause_negations:
            return True
        if words[index] in never_before and index > sentence.start and words[index - 1] in negations \
                and words[index + 1] not in comparison:
            return True
    window = lexicon.window("negation")
    before = words_before(doc, trigger_start, lexicon, "negation", sentence.start)
    after = words[trigger_start + 1:min(trigger_start + window, sentence.end)]
    return any(word in negations for word in before) or any(word in negations - clause_negations for word in after)


def separable_at_end(span: Span, lexicon: EventLexicon, verb_kind: str, particle_kind: str) -> bool:
    """A separable verb whose particle ends the span: "blies de top met Poetin af", "schoof later aan"."""
    lowered, punct = words_of(span.doc), punct_of(span.doc)
    # a headline has no full stop: the blank line after it must not hide its particle
    words = [lowered[i] for i in range(span.start, span.end) if not punct[i] and not span.doc[i].is_space]
    verb = next((i for i, word in enumerate(words) if word in lexicon.words(verb_kind)), None)
    return verb is not None and len(words) > verb + 1 and words[-1] in lexicon.words(particle_kind)
