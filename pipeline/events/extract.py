"""The event stage's entry point: the meetings one document reports.

Each sentence yields candidate meetings, one per trigger and participant set (`candidates`); each
becomes a mention with a date, place and status (`mentions`); the article's lede and setting complete
undated and unplaced ones (`when`, `where`), and `coreference` makes one mention per meeting.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from pipeline.events.candidates import candidates_in_sentence
from pipeline.events.coreference import merge_in_document
from pipeline.events.lexicon import EventLexicon, event_lexicon_paths, load_event_lexicon
from pipeline.events.mentions import mention_from
from pipeline.events.triggers import refers_back, sentence_triggers
from pipeline.events.when import dated_in_lede
from pipeline.events.where import placed_in_setting
from pipeline.knowledge.bundle import Knowledge, knowledge_paths, load_knowledge
from pipeline.records import Mention, PersonMention
from pipeline.timex import Lexicon, load_lexicon
from pipeline.timex.lexicon import lexicon_paths

DATES_DIR = Path("lexicon") / "dates"


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


def extract_mentions(doc: Doc, data: EventData, matcher) -> list[Mention]:
    """One mention per meeting the document reports (offsets in the cleaned text)."""
    article = doc._.article
    doc_id, anchor = (article.doc_id, article.published) if article is not None else ("", None)
    knowledge, lexicon = data.knowledge, data.lexicon
    mentions, references = [], []
    matches = matcher(doc)
    previous: tuple[PersonMention, ...] = ()
    for sent in doc.sents:
        hits = sentence_triggers(sent, matches, lexicon)
        found = references if refers_back(sent, hits, lexicon) else mentions
        candidates = candidates_in_sentence(doc, sent, hits, knowledge, lexicon, previous) if hits else []
        for candidate in candidates:
            mention = mention_from(candidate, doc, sent, doc_id, anchor, knowledge, lexicon, data.dates)
            if mention is not None:
                found.append(mention)
        previous = candidates[-1].people if candidates else ()
    mentions = placed_in_setting(doc, dated_in_lede(doc, mentions, anchor), anchor, knowledge, lexicon)
    return merge_in_document(mentions + _standalone(references, mentions))


def _standalone(references: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Back-references count only when the article reports no meeting of those leaders otherwise."""
    named = {actor.name for m in mentions for actor in m.participants}
    return [r for r in references if not named & {actor.name for actor in r.participants}]
