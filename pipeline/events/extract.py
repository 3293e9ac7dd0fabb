"""The event stage's entry point: the meetings one document reports.

Each sentence yields candidate meetings, one per trigger and participant set (`candidates`); each
becomes a mention with a date, place and status (`mentions`); the article's lede and setting complete
undated and unplaced ones (`when`, `where`), and `coreference` makes one mention per meeting.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc

from pipeline.events.candidates import candidates_in_sentence
from pipeline.events.coreference import merge_in_document
from pipeline.events.layout import paragraph_index, titles_end
from pipeline.events.lexicon import EventLexicon, event_lexicon_paths, load_event_lexicon
from pipeline.events.document import meetings_of
from pipeline.events.headline import headlines_yield
from pipeline.events.mentions import draft_from
from pipeline.events.pronouns import group_at
from pipeline.events.references import called_off, held_remotely, joiners_in_sentence, references_in_sentence
from pipeline.events.triggers import TriggerFinder, refers_back, sentence_triggers
from pipeline.events.when import dated_in_lede
from pipeline.events.scene import placed_in_scene, scene_of
from pipeline.events.surface import drop_surface
from pipeline.knowledge.bundle import Knowledge, knowledge_paths, load_knowledge
from pipeline.records import Mention, PersonMention, Place
from pipeline.timex import Lexicon, load_lexicon
from pipeline.timex.lexicon import DATES_DIR, lexicon_paths



@dataclass(frozen=True)
class EventData:
    """Everything the event stage reads: actors and places, its own cues and triggers, the date words."""

    knowledge: Knowledge
    lexicon: EventLexicon
    dates: Lexicon

    @classmethod
    def load(cls, models_dir: Path) -> "EventData":
        return cls(load_knowledge(models_dir), load_event_lexicon(models_dir), load_lexicon(models_dir / DATES_DIR))

    @staticmethod
    def paths(models_dir: Path) -> list[Path]:
        """Every file `load` reads (a saved pipeline copies them)."""
        return knowledge_paths(models_dir) + event_lexicon_paths(models_dir) + lexicon_paths(models_dir / DATES_DIR)


def extract_mentions(doc: Doc, data: EventData, triggers: TriggerFinder) -> list[Mention]:
    """One mention per meeting the document reports (offsets in the cleaned text)."""
    article = doc._.article
    doc_id, anchor = (article.doc_id, article.published) if article is not None else ("", None)
    knowledge, lexicon = data.knowledge, data.lexicon
    drafts, references, joiners, cancelled, remotes = [], [], [], [], []
    matches = triggers.matches(doc)  # sorted by start: each sentence looks its own up
    previous: tuple[PersonMention, ...] = ()
    focus: tuple[PersonMention, ...] = ()
    for sent in doc.sents:
        hits = sentence_triggers(sent, matches, lexicon)
        back = refers_back(sent, hits, lexicon)
        candidates = candidates_in_sentence(doc, sent, hits, knowledge, lexicon, previous, focus) if hits else []
        used = set()
        for candidate in candidates:
            draft = draft_from(candidate, doc, sent, doc_id, anchor, knowledge, lexicon, data.dates)
            if draft is not None:
                drafts.append(replace(draft, sentence_reference=back))
                used.add(candidate.hit)
        references += references_in_sentence(doc, sent, hits, used, knowledge, lexicon) if hits else []
        joiners += joiners_in_sentence(doc, sent, lexicon)
        stopped = called_off(doc, sent, lexicon)
        cancelled += [stopped] if stopped else []
        remote = held_remotely(doc, sent, lexicon, focus)
        remotes += [remote] if remote else []
        previous = candidates[-1].people if candidates else ()
        group = previous if len({p.key for p in previous}) >= 2 else ()
        focus = group or group_at(doc, sent, list(doc._.persons or []), lexicon, focus) or focus
    paragraph_of = paragraph_index(doc)
    mentions, trips = meetings_of(drafts, references, joiners, cancelled, remotes, paragraph_of, anchor, knowledge)
    mentions = dated_in_lede(doc, mentions, anchor)
    scene = scene_of(doc, knowledge, lexicon)
    fallback = {(d.mention.char_start, d.mention.participant_key): d.fallback_place for d in drafts if d.fallback_place}

    def fallen_back(mention: Mention, rules: tuple[str, ...]) -> Mention:
        place = fallback.get((mention.char_start, mention.participant_key))
        if mention.place is None and place is not None and place.link_rule in rules:
            return replace(mention, place=place)
        return mention

    # A reception by a host from another country than the scene's is not in the scene ("BRUSSEL - ... Merkel
    # was eerder onthaald door groothertog Henri"); a programme's partner country yields to a summit abroad.
    if scene is not None:
        mentions = [fallen_back(m, ("received_by_host",)) if _abroad(m, fallback, scene) else m for m in mentions]
    mentions = placed_in_scene(mentions, scene, anchor)
    mentions = [fallen_back(m, ("received_by_host", "host_country")) for m in mentions]
    # before merging: a headline must not absorb a meeting of the past
    mentions = headlines_yield(mentions, titles_end(doc), lexicon.plural_rules())
    drop_surface(doc)  # derived data: it must not travel with the Doc
    return merge_in_document(mentions, trips)


def _abroad(mention: Mention, fallback: dict, scene: Place) -> bool:
    place = fallback.get((mention.char_start, mention.participant_key))
    return place is not None and place.country != scene.country
