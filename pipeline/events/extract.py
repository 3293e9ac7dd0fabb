"""The event stage (`summit_events`): meetings with participants, date, place, status and evidence.

Triggers come from models/patterns/triggers.jsonl (spaCy Matcher), cue words from
models/lexicon/event_cues.tsv. Each sentence yields candidate meetings, one per trigger and
participant set; `pipeline.merge.clusters` then makes one mention per meeting per document.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

import pipeline.extensions  # noqa: F401
from pipeline.events.lexicon import EventLexicon, Trigger, load_event_lexicon
from pipeline.events.context import (article_setting, choose_place, choose_timex, has_cue, narrative_place,
                                    narrative_timex, near_anchor, negated, status_of, visit_host_persons)
from pipeline.knowledge.bundle import Knowledge, load_knowledge
from pipeline.linking.names import PersonMention
from pipeline.events.groups import after_not_participant, bystander, split_by_dates, split_plural
from pipeline.merge.clusters import merge_in_document
from pipeline.events.participants import (TriggerHit, clauses, compound_participants, persons_in, resolve_pronouns,
                                   trigger_scopes, visit_hosts)
from pipeline.records import Actor, Mention, PartialDate, Timex


_REMOTE_WINDOW = 4
# Titles of heads of state or government: a meeting needs at least one of them (guideline 1).
_HEAD_TITLES = {"president", "prime_minister", "chancellor", "monarch", "leader", "emir", "sultan", "crown_prince"}


@dataclass(frozen=True)
class Candidate:
    """One meeting a trigger names, before merging within the document."""

    hit: TriggerHit
    trigger: Trigger
    people: tuple[PersonMention, ...]
    inferred: bool  # a participant came from a visit's host, a pronoun or a role phrase
    scope: tuple[tuple[int, int], ...]  # token ranges the trigger governs (subject part, own stretch)
    clause: tuple[int, int]
    lone: bool  # the only trigger of its sentence: a sentence-wide date may be used
    lone_in_clause: bool  # the only trigger of its clause: clause-wide date and place may be used


def sentence_triggers(sent: Span, matches: list[tuple[int, int, int]], lexicon: EventLexicon) -> list[TriggerHit]:
    """The Matcher hits (doc offsets) inside the sentence that satisfy their 'needs' words and are not
    negated, remote or cancelled."""
    matches = [m for m in matches if sent.start <= m[1] < sent.end]
    if not matches or has_cue(sent, lexicon, "cancelled") or has_cue(sent, lexicon, "remote"):
        return []
    words = {token.lower_ for token in sent}
    weak_remote = lexicon.words("remote_weak")
    hits = []
    for match_id, start, end in matches:
        rule_id = sent.doc.vocab.strings[match_id]
        trigger = lexicon.triggers[rule_id]
        if trigger.needs and not words & set(trigger.needs):
            continue
        # "sprak in een toespraak": a letter or speech near a talk trigger is the channel, not a meeting;
        # "sprak met Rutte en hield een toespraak" still is one.
        near = sent.doc[max(sent.start, start - _REMOTE_WINDOW):min(sent.end, end + _REMOTE_WINDOW)]
        if trigger.kind == "talk" and any(token.lower_ in weak_remote for token in near):
            continue
        if negated(sent.doc, start, lexicon):
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
    window = sent.doc[max(sent.start, hit.start - 4):hit.start]
    return any(token.lower_ in lexicon.words("setting") for token in window)


def _drop_nested(hits: list[TriggerHit]) -> list[TriggerHit]:
    kept: list[TriggerHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _unique(people: list[PersonMention]) -> list[PersonMention]:
    seen, result = set(), []
    for mention in people:
        key = mention.person.name if mention.person else (mention.unknown_name or ("role", mention.role))
        if key not in seen:
            seen.add(key)
            result.append(mention)
    return result


def candidates_in_sentence(doc: Doc, sent: Span, hits: list[TriggerHit], knowledge: Knowledge,
                           lexicon: EventLexicon, previous: tuple[PersonMention, ...] = ()) -> list[Candidate]:
    """`previous`: the participants of the last meeting named in the sentence before, for "een tweede top"."""
    persons = [p for p in doc._.persons]
    found: list[Candidate] = []
    lone = len(hits) == 1
    for clause in clauses(sent, lexicon):
        scopes = trigger_scopes(doc, hits, clause, lexicon)
        for hit, scope in scopes:
            trigger = lexicon.triggers[hit.rule_id]
            people = [p for p in persons_in(scope, persons) + resolve_pronouns(doc, scope, persons, lexicon)
                      if not after_not_participant(doc, p, lexicon) and not bystander(doc, hit, trigger, p, lexicon)]
            people += compound_participants(doc, hit, persons, knowledge)
            inferred = any(p.rule.startswith("pronoun") or p.rule == "role" for p in people)
            if trigger.kind in ("visit", "receive") and len(_unique(people)) == 1:
                places = visit_hosts(doc, hit, trigger, scope, doc._.places, lexicon)
                hosts = visit_host_persons(doc, places, people, knowledge)
                people, inferred = people + hosts, True
            groups = split_plural(doc, hit, trigger, _unique(people), scope, lexicon)
            if trigger.kind in ("gathering", "meet") and not people:
                if found:
                    groups = [(list(found[-1].people), None)]  # "een tweede X-Y-ontmoeting, na de top in Z"
                elif previous and _ordinal_reference(doc, hit, lexicon):
                    groups = [(list(previous), None)]  # "... een tweede Trump-Kim-ontmoeting. [...] een tweede top"
            if len(groups) == 1:
                groups = split_by_dates(doc, sent, hit, _unique(people), scope) or groups
            for group, own in groups:
                if len(group) >= 2:
                    found.append(Candidate(hit, trigger, tuple(group), inferred, (own,) if own else tuple(scope),
                                           clause, lone and not own, len(scopes) == 1 and not own))
    return found


def _ordinal_reference(doc: Doc, hit: TriggerHit, lexicon: EventLexicon) -> bool:
    """'een tweede top', "zo'n volgende ontmoeting": the occasion named just before, told again."""
    before = doc[max(doc[hit.start].sent.start, hit.start - 2):hit.start]
    return any(token.lower_ in lexicon.words("ordinal_reference") for token in before)


def _time_options(candidate: Candidate, doc: Doc, sent: Span, anchor: PartialDate | None,
                  lexicon: EventLexicon) -> list[Timex | None]:
    """The dates to try, best first. Without a date of its own the sentence goes on in the time the text
    last set, unless it looks ahead while that time is past ("... en dat een tweede top daar zou
    plaatsvinden"); undated is the last resort."""
    own = choose_timex(doc, sent, candidate, lexicon)
    if own is not None:
        return [own]
    narrative = narrative_timex(doc, sent, lexicon)
    if narrative is not None and status_of(doc, sent, candidate, None, anchor, lexicon) == "planned" \
            and status_of(doc, sent, candidate, narrative, anchor, lexicon) == "occurred":
        narrative = None
    return ([narrative] if narrative else []) + [None]


def mention_from(candidate: Candidate, doc: Doc, sent: Span, knowledge: Knowledge,
                 lexicon: EventLexicon) -> Mention | None:
    article = doc._.article
    anchor: PartialDate | None = article.published if article else None
    # A date taken from the text before is dropped when the leaders were not in office then ("Syrië werd
    # in 2011 uit de Liga gezet. Mohammed bin Salman begroette Assad").
    for timex in _time_options(candidate, doc, sent, anchor, lexicon):
        status = status_of(doc, sent, candidate, timex, anchor, lexicon)
        date, date_end, precision, date_text = _date_fields(doc, sent, timex, status, anchor, lexicon)
        event_date = PartialDate.parse(date) if date else anchor
        # Office is checked only against a date the text gives: "Koningin Beatrix ontving toen ..." is undated.
        actors = _qualified_actors(candidate, knowledge, event_date, checked=bool(date))
        if actors is not None:
            break
    else:
        return None
    place = choose_place(doc, sent, candidate, knowledge, lexicon)
    if place is None and timex is not None and timex.start_char < sent.start_char:  # "toen", or the narrative
        place = narrative_place(doc, timex, knowledge, lexicon)
    confidence = _confidence(candidate, actors, place, date)
    clean = doc._.clean
    sent_start, sent_end = _evidence_bounds(sent)
    start, end = clean.raw_span(sent_start, sent_end) if clean else (sent_start, sent_end)
    offset = article.raw_offset if article else 0
    evidence = article.raw_text[start:end] if article else sent.text
    return Mention(article.doc_id if article else "", tuple(actors), date, date_end, precision, date_text,
                   place, status, evidence, start + offset, end + offset, confidence, candidate.hit.rule_id)


def _evidence_bounds(sent: Span) -> tuple[int, int]:
    """The sentence without trailing whitespace or an opening quote that belongs to the next sentence."""
    end = sent.end
    while end > sent.start + 1:
        last = sent.doc[end - 1]
        opening_quote = last.is_quote and end - 2 >= sent.start and sent.doc[end - 2].whitespace_
        if not (last.is_space or opening_quote):
            break
        end -= 1
    return sent.start_char, sent.doc[end - 1].idx + len(sent.doc[end - 1].text)


def _qualified_actors(candidate: Candidate, knowledge: Knowledge, date: PartialDate | None,
                      checked: bool = True) -> list[Actor] | None:
    """The participants who held office at the date; None unless two remain and one leads a state
    (two foreign ministers meeting make no summit)."""
    actors: dict[str, Actor] = {}
    heads = 0
    for mention in candidate.people:
        actor = mention.actor(knowledge, date)
        if actor is None or actor.name in actors:
            continue
        person = mention.person or (knowledge.office_holder(mention.role.country, mention.role.titles, date)
                                    if mention.role is not None and mention.role.resolvable else None)
        if person is None:  # a leader the data does not hold, named with a role and a country
            leads = mention.role is not None and bool(set(mention.role.titles) & _HEAD_TITLES)
            actors[actor.name], heads = actor, heads + leads
            continue
        takes_part, is_head = knowledge.qualifies(person, date if checked else None)
        if mention.role is not None and set(mention.role.titles) & _HEAD_TITLES \
                and any(t.country == mention.role.country for t in person.terms):
            takes_part, is_head = True, True  # the text calls them head: trust it over our dates
        if takes_part:
            actors[actor.name], heads = actor, heads + is_head
    countries = {actor.country for actor in actors.values()}
    if len(actors) < 2 or heads == 0 or (len(countries) == 1 and "" not in countries):
        return None  # a summit is international: a king and his own premier travelling together is not one
    return sorted(actors.values(), key=lambda a: a.name)


def _date_fields(doc: Doc, sent: Span, timex: Timex | None, status: str, anchor: PartialDate | None,
                 lexicon: EventLexicon) -> tuple[str, str, str, str]:
    if timex is not None and timex.value:
        return timex.value, timex.value_end, timex.precision, timex.text
    # A present or present-perfect report of the meeting itself happened on the article's date.
    if status == "occurred" and anchor is not None and has_cue(sent, lexicon, "present_aux"):
        return anchor.iso(), "", anchor.precision, ""
    return "", "", "", ""


def _confidence(candidate: Candidate, actors: list[Actor], place, date: str) -> float:
    score = 0.45 + 0.35 * candidate.trigger.weight
    score += 0.05 * bool(place) + 0.05 * bool(date)
    score += 0.05 * all(a.qid for a in actors)
    score -= 0.15 * candidate.inferred
    return round(max(0.05, min(1.0, score)), 2)


def _placed_in_setting(doc: Doc, mentions: list[Mention], knowledge: Knowledge,
                       lexicon: EventLexicon) -> list[Mention]:
    """Meetings within three days of the article's date and without a place of their own happen where the
    article's first paragraph is set."""
    anchor = doc._.article.published if doc._.article else None
    setting = article_setting(doc, knowledge, lexicon)
    if setting is None:
        return mentions
    return [replace(m, place=setting) if m.place is None and near_anchor(m.date, anchor) else m for m in mentions]


def _dated_in_lede(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A news lede reports the news: an undated meeting that happened, told in the first paragraph,
    happened on the article's date ("Bondspresident Steinmeier ontving hem in Berlijn.")."""
    article = doc._.article
    if article is None or article.published is None:
        return mentions
    lede_end = next((t.idx + len(t.text) for t in doc if "\n\n" in t.text_with_ws), None)
    if lede_end is None:
        return mentions  # a single paragraph is no article with a lede
    clean = doc._.clean
    lede_raw_end = clean.raw_span(0, lede_end)[1] + article.raw_offset if clean and lede_end else 0
    anchor = article.published
    return [replace(m, date=anchor.iso(), date_precision=anchor.precision)
            if not m.date and m.status == "occurred" and m.char_end <= lede_raw_end else m for m in mentions]


def _refers_back(sent: Span, hits: list[TriggerHit], lexicon: EventLexicon) -> bool:
    """'Het was hun eerste gesprek sinds 2020', 'de eerste keer dat ze elkaar spreken sinds ...': a sentence
    about a meeting reported elsewhere. A meeting verb of its own ('spreekt morgen met X, de eerste
    ontmoeting sinds 2016') makes it a report, unless it is 'de eerste keer dat'."""
    if not (has_cue(sent, lexicon, "reference_first") and has_cue(sent, lexicon, "reference_since")):
        return False
    only_nouns = all(not hit.rule_id.startswith("meet_verb") for hit in hits)
    return only_nouns or has_cue(sent, lexicon, "reference_phrase")


def _standalone(references: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Back-references count only when the article reports no meeting of those leaders otherwise."""
    named = {actor.name for m in mentions for actor in m.participants}
    return [r for r in references if not named & {actor.name for actor in r.participants}]


class SummitEvents:
    def __init__(self, nlp: Language, models_dir: str):
        self.knowledge = load_knowledge(models_dir)
        self.lexicon = load_event_lexicon(models_dir)
        self.matcher = self.lexicon.matcher(nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        mentions, references = [], []
        matches = self.matcher(doc)
        previous: tuple[PersonMention, ...] = ()
        for sent in doc.sents:
            hits = sentence_triggers(sent, matches, self.lexicon)
            found = references if _refers_back(sent, hits, self.lexicon) else mentions
            candidates = candidates_in_sentence(doc, sent, hits, self.knowledge, self.lexicon, previous) \
                if hits else []
            for candidate in candidates:
                mention = mention_from(candidate, doc, sent, self.knowledge, self.lexicon)
                if mention is not None:
                    found.append(mention)
            previous = candidates[-1].people if candidates else ()
        mentions = _placed_in_setting(doc, _dated_in_lede(doc, mentions), self.knowledge, self.lexicon)
        doc._.mentions = merge_in_document(mentions + _standalone(references, mentions))
        return doc


@Language.factory("summit_events", default_config={"models_dir": "models"})
def make_summit_events(nlp: Language, name: str, models_dir: str) -> SummitEvents:
    return SummitEvents(nlp, models_dir)
