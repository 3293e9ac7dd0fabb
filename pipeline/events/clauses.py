"""Clauses and trigger scopes: which stretch of a sentence each trigger governs.

Works on token positions only, so it runs the same with or without a dependency parse. Dutch puts the
subject first and the verb second or last; a clause's subject is everything before its first trigger,
and each trigger owns the stretch up to the next one.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.events.lexicon import EventLexicon
from pipeline.events.surface import words_of
from pipeline.records import TriggerHit


@dataclass(frozen=True)
class Clause:
    """A clause's token range; `head` is the main-clause part before an insertion this clause continues
    ("Merkel en Hollande, die ..., hebben gisteravond gedineerd"); `antecedent` the last token before the
    comma of an inserted relative clause ("Trump, die naar Vietnam reist voor zijn ontmoeting met Kim")."""

    start: int
    end: int
    head: tuple[int, int] | None = None
    antecedent: int | None = None
    relative: bool = False  # an inserted clause opened by a relative word after a comma


def clause_structure(sent: Span, lexicon: EventLexicon) -> list[Clause]:
    """Split a sentence at clause words ('dat', 'die', ';'). A clause opened after a comma and closed by the
    next comma, with the sentence going on after it, is an insertion: what follows continues the clause
    before it. Worked out once per sentence (the Doc keeps it)."""
    cache = sent.doc.user_data.setdefault(_CLAUSES, {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _clause_structure(sent, lexicon)
    return cache[key]


def _clause_structure(sent: Span, lexicon: EventLexicon) -> list[Clause]:
    breaks, after_comma = lexicon.words("clause_break"), lexicon.words("clause_break_comma")
    distributive, demonstratives = lexicon.phrases("distributive"), lexicon.words("demonstrative_noun")
    words = words_of(sent.doc)
    found: list[Clause] = []
    start, head, skip = sent.start, None, -1
    for i in range(sent.start, sent.end):
        word = words[i]
        after_a_comma = i > sent.start and words[i - 1] == ","
        breaks_here = word in breaks or (word in after_comma and after_a_comma)
        if i > sent.start and (words[i - 1], word) in distributive:
            breaks_here = False  # "onder wie" lists the partners; it starts no clause
        if i + 1 < sent.end and words[i + 1] in demonstratives:
            breaks_here = False  # "die namiddag", "dat jaar": a demonstrative, no relative pronoun
        if not breaks_here or i <= start or i == skip:
            continue
        closing = _closing_comma(sent, i, lexicon) if after_a_comma else None
        found.append(Clause(start, i, head))
        if closing is None:
            # "Trump is de eerste die een onderhoud krijgt met Naruhito": the clause's subject is Trump's
            start, head = i, ((head or (start, start))[0], i) if _after_predicate(words, start, i, lexicon) else None
            continue
        found.append(Clause(i, closing + 1, None, i - 2, relative=True))
        head = (found[-2].head or (found[-2].start, found[-2].start))[0], found[-2].end
        start, skip = closing + 1, closing + 1
    found.append(Clause(start, sent.end, head))
    return found


_CLAUSES = "summits.surface.clauses"


def _after_predicate(words: list[str], start: int, relative: int, lexicon: EventLexicon) -> bool:
    """A relative clause word right after "<copula> de eerste/enige/laatste ...": its subject is the
    subject of the clause it follows."""
    if words[relative] not in lexicon.words("relative_subject"):
        return False
    # the words between "eerste" and the relative pronoun: "de eerste hoge gast van buiten Nederland die"
    reach = range(max(start, relative - lexicon.window("predicate_relative")), relative)
    predicate = next((i for i in reach if words[i] in lexicon.words("predicate_relative")), None)
    return predicate is not None and any(words[i] in lexicon.words("copula") for i in range(start, predicate))


def _closing_comma(sent: Span, opening: int, lexicon: EventLexicon) -> int | None:
    """The comma that closes an insertion opened at `opening`, when the sentence goes on after it with more
    than a new coordinated clause ("en", "maar")."""
    closing = next((t.i for t in sent.doc[opening + 1:sent.end] if t.text == ","), None)
    if closing is None or closing + 1 >= sent.end - 1:
        return None
    following = sent.doc[closing + 1]
    if following.is_punct or following.lower_ in lexicon.words("conjunct"):
        return None
    return closing


def clauses(sent: Span, lexicon: EventLexicon) -> list[tuple[int, int]]:
    """The sentence's clauses as [start, end) token ranges."""
    return [(clause.start, clause.end) for clause in clause_structure(sent, lexicon)]


def _end_of_fronted_phrase(doc: Doc, hit: TriggerHit, clause: tuple[int, int], following: int,
                           lexicon: EventLexicon) -> int:
    """'Na zijn ontmoeting met Macron vorige week zal Rutte Scholz ontmoeten': a meeting noun in a phrase put
    before the finite verb ends at that verb; the subject after it belongs to the verb's meeting."""
    if not doc[clause[0]].lower_ in lexicon.words("fronted_preposition") or hit.start - clause[0] > 3:
        return following
    finite = lexicon.words("conjunct_verb") - lexicon.words("possessive_or_verb")
    return next((i for i in range(hit.end, following) if doc[i].lower_ in finite), following)


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
        if number == 0:
            split = min(split, _end_of_fronted_phrase(doc, hit, clause, following, lexicon))
        cuts.append(split)
    scopes = []
    for number, hit in enumerate(inside):
        own_end = cuts[number] if number < len(cuts) else clause[1]
        if number == 0:
            scopes.append((hit, [(clause[0], own_end)]))
        else:
            scopes.append((hit, [(clause[0], inside[0].start), (cuts[number - 1], hit.start), (hit.end, own_end)]))
    return scopes
