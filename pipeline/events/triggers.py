"""Which trigger matches of a sentence report a meeting: their 'needs' words present, not negated,
not remote, not a summit named only as the setting of another meeting; and which sentences only refer
back to a meeting told elsewhere."""
from __future__ import annotations

from bisect import bisect_left

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.events.positions import within
from pipeline.events.clauses import clauses
from pipeline.events.cues import has_cue, negated, separable_at_end, words_before
from pipeline.events.lexicon import EventLexicon
from pipeline.events.surface import CACHE_PREFIX, sentence_end, words_of
from pipeline.records import TriggerHit

_CALLED_OFF = f"{CACHE_PREFIX}called_off"


class TriggerFinder:
    """The trigger matches of a Doc. The Matcher tries every pattern on every token it is given, which was
    most of the event stage's time; here it is given only the tokens where some pattern can start
    (`EventLexicon.patterns_starting_with`), as many as the longest pattern spans, and only the patterns
    that can start there (one small Matcher per such set of patterns, made on first use)."""

    def __init__(self, lexicon: EventLexicon, vocab: Vocab):
        self.lexicon, self.vocab = lexicon, vocab
        self._matchers: dict[frozenset[str], Matcher] = {}

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The hits (match id, start, end) in doc offsets, sorted by start."""
        longest = self.lexicon.longest_pattern
        found = []
        for start, word in enumerate(words_of(doc)):
            rule_ids = self.lexicon.patterns_starting_with(word)
            if not rule_ids:
                continue
            if rule_ids not in self._matchers:
                self._matchers[rule_ids] = self.lexicon.matcher(self.vocab, rule_ids)
            end = min(sentence_end(doc, start), start + longest)
            found.extend((match_id, start, start + last) for match_id, first, last in self._matchers[rule_ids](
                doc[start:end]) if first == 0)
        return found


def sentence_triggers(sent: Span, matches: list[tuple[int, int, int]], lexicon: EventLexicon) -> list[TriggerHit]:
    """The Matcher hits (doc offsets, sorted by start) inside the sentence that satisfy their 'needs' words
    and are not negated, remote or cancelled."""
    matches = matches[bisect_left(matches, sent.start, key=_match_start):bisect_left(matches, sent.end,
                                                                                      key=_match_start)]
    if not matches or called_off_in(sent, lexicon):
        return []
    # A phone or video cue vetoes its own clause: "Na een telefoongesprek met Poetin kondigde Trump aan
    # dat hij Zelensky volgende week ontvangt" still announces a visit.
    remote = [(a, b) for a, b in clauses(sent, lexicon) if has_cue(sent.doc[a:b], lexicon, "remote")]
    matches = [m for m in matches if not any(a <= m[1] < b for a, b in remote)]
    words = set(words_of(sent.doc)[sent.start:sent.end])
    weak_remote = lexicon.words("remote_weak")
    window = lexicon.window("remote_weak")
    hits = []
    for match_id, start, end in matches:
        rule_id = sent.doc.vocab.strings[match_id]
        trigger = lexicon.triggers[rule_id]
        if trigger.needs and not words & set(trigger.needs):
            continue
        # "sprak in een toespraak": a letter or speech near a talk trigger is the channel, not a meeting;
        # "sprak met Rutte en hield een toespraak" still is one.
        near = sent.doc[max(sent.start, start - window):min(sent.end, end + window)]
        if trigger.kind == "talk" and any(token.lower_ in weak_remote for token in near):
            continue
        if negated(sent.doc, start, lexicon) or (trigger.form == "noun" and _noun_denied(sent, start, end, lexicon)):
            continue
        if trigger.transitive and _object_not_partner(sent, start, end, lexicon):
            continue
        if _hypothetical(sent, start, lexicon):
            continue
        hits.append(TriggerHit(rule_id, start, end))
    hits = _drop_nested(hits)
    if len(hits) > 1:  # "samen met X werd hij ontvangen door Y": the other trigger says what happened
        hits = [h for h in hits if not lexicon.triggers[h.rule_id].alone]
    if any(lexicon.triggers[h.rule_id].kind != "gathering" for h in hits):
        hits = [h for h in hits if not _summit_as_setting(sent, h, lexicon)]
    return hits


def _summit_as_setting(sent: Span, hit: TriggerHit, lexicon: EventLexicon) -> bool:
    """'ontvangt vrijdag aan de zijlijn van de top X': the summit is where another meeting happens."""
    if lexicon.triggers[hit.rule_id].kind != "gathering":
        return False
    return any(word in lexicon.words("setting") for word in words_before(sent.doc, hit.start, lexicon, "setting",
                                                                         sent.start))


def _drop_nested(hits: list[TriggerHit]) -> list[TriggerHit]:
    kept: list[TriggerHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def refers_back(sent: Span, hits: list[TriggerHit], lexicon: EventLexicon) -> bool:
    """'Het was hun eerste gesprek sinds 2020', 'de eerste keer dat ze elkaar spreken sinds ...': a sentence
    about a meeting reported elsewhere. A meeting verb of its own ('spreekt morgen met X, de eerste
    ontmoeting sinds 2016') makes it a report, unless it is 'de eerste keer dat'."""
    first = lexicon.words("reference_first")
    near = any(first & set(words_before(sent.doc, hit.start, lexicon, "reference_first", sent.start)) for hit in hits)
    if not ((near or has_cue(sent, lexicon, "reference_phrase")) and has_cue(sent, lexicon, "reference_since")):
        return False  # "zijn eerste trip sinds zijn aantreden, nadat hij de koningin had bezocht" reports a meeting
    only_nouns = all(lexicon.triggers[hit.rule_id].form != "verb" for hit in hits)
    return only_nouns or has_cue(sent, lexicon, "reference_phrase")


def ordinal_reference(doc: Doc, hit: TriggerHit, lexicon: EventLexicon) -> bool:
    """'een tweede top', "zo'n volgende ontmoeting": the occasion named just before, told again."""
    before = words_before(doc, hit.start, lexicon, "ordinal_reference", doc[hit.start].sent.start)
    return any(word in lexicon.words("ordinal_reference") for word in before)


def called_off_in(sent: Span, lexicon: EventLexicon) -> bool:
    """'De top gaat niet door', 'Trump blies de ontmoeting met Poetin af': the sentence reports a meeting
    called off."""
    key = (_CALLED_OFF, sent.start)
    if key not in sent.doc.user_data:  # asked for triggers and again for references
        sent.doc.user_data[key] = has_cue(sent, lexicon, "cancelled") or any(
            separable_at_end(sent.doc[a:b], lexicon, "cancelled_verb", "cancelled_particle")
            for a, b in clauses(sent, lexicon))
    return sent.doc.user_data[key]


def _match_start(match: tuple[int, int, int]) -> int:
    return match[1]


def _hypothetical(sent: Span, start: int, lexicon: EventLexicon) -> bool:
    """'niets gebeurt tot Poetin en ik elkaar ontmoeten', 'zodra Kim en Trump elkaar zien': a meeting in a
    condition or time limit, whose subject follows the conditional word at once, is no report or plan."""
    doc = sent.doc
    clause = next(((a, b) for a, b in clauses(sent, lexicon) if a <= start < b), (sent.start, sent.end))
    people = {p.start for p in within(doc._.persons or [], clause[0], start)}
    pronouns = lexicon.words("pronoun_one") | lexicon.words("pronoun_by_number") | lexicon.words("quote_speaker")
    # the subject at once: a name, a pronoun, or a role and a name ("tot president Poetin en ik ...")
    return any(doc[i].lower_ in lexicon.words("hypothetical")
               and ({i + 1, i + 2} & people or doc[i + 1].lower_ in pronouns)
               for i in range(max(clause[0], sent.start), start - 1))


def _object_not_partner(sent: Span, start: int, end: int, lexicon: EventLexicon) -> bool:
    """'sprak Macron toe', 'sprak Macron tegen over ...', 'ziet Scholz als bondgenoot', 'zag Macron op
    televisie', 'gast van de G7': the object of a transitive meeting word is addressed, judged, watched or
    no person, not met."""
    clause = next(((a, b) for a, b in clauses(sent, lexicon) if a <= start < b), (sent.start, sent.end))
    span = sent.doc[clause[0]:clause[1]]
    words = [token.lower_ for token in span if not token.is_punct]
    after = [sent.doc[i].lower_ for i in range(end, clause[1])]
    particles = lexicon.words("object_particle")
    right_after = after[0] if after and after[0] not in lexicon.words("place_prep") else ""
    # "Aan de rand van de top sprak Trump vandaag met Sisi": an inverted subject, 'spreken met' says who met
    inverted = bool(set(after) & lexicon.words("comitative"))
    # "als gast van de G7": the object must be a person, at once (a role and a name at most)
    if not any(end - 1 <= p.start <= end + 2 for p in sent.doc._.persons or []):
        return True
    return bool(words) and words[-1] in particles or right_after in particles or inverted or \
        bool(set(after) & lexicon.words("object_not_met"))


def _noun_denied(sent: Span, start: int, end: int, lexicon: EventLexicon) -> bool:
    """'Een ontmoeting tussen de twee premiers was er al jaren niet meer geweest': a meeting noun whose own
    clause denies it later on."""
    clause = next(((a, b) for a, b in clauses(sent, lexicon) if a <= start < b), (sent.start, sent.end))
    negations = lexicon.words("negation") - lexicon.words("clause_negation")
    stop = next((i for i in range(end, clause[1]) if sent.doc[i].is_punct), clause[1])  # ", toen ..." is another's
    return any(sent.doc[i].lower_ in negations for i in range(end, stop))
