"""The records every stage speaks: small dataclasses, and the CSV column contract.

Keeping them in one package means a stage can be replaced without the others learning a new
vocabulary: the working records (`PersonMention`, `Candidate`) as much as the output (`Mention`).
"""
from pipeline.records.columns import (DOCUMENT_COLUMNS, EVENT_COLUMNS, LIST_SEPARATOR, MENTION_COLUMNS,
                                      PARTICIPANT_COLUMNS)
from pipeline.records.dates import PRECISIONS, PartialDate, Timex
from pipeline.records.documents import Article, CleanText
from pipeline.records.events import (TRIGGER_FORMS, TRIGGER_KINDS, Candidate, Draft, Joiner, Mention, Reference, Trigger,
                                     TriggerHit)
from pipeline.records.people import Actor, Person, PersonMention, RolePhrase, Term, overlap_days
from pipeline.records.places import Place, PlaceMention
from pipeline.records.plain import article_from_plain, clean_from_plain, mention_from_plain, to_plain

__all__ = [
    "DOCUMENT_COLUMNS", "EVENT_COLUMNS", "LIST_SEPARATOR", "MENTION_COLUMNS", "PARTICIPANT_COLUMNS", "PRECISIONS",
    "TRIGGER_FORMS", "TRIGGER_KINDS", "Actor", "Article", "Candidate", "CleanText", "Draft", "Joiner", "Reference",
    "Mention", "PartialDate", "Person", "PersonMention", "Place", "PlaceMention", "RolePhrase", "Term", "Timex",
    "Trigger", "TriggerHit", "article_from_plain", "clean_from_plain", "mention_from_plain", "overlap_days",
    "to_plain",
]
