"""When two mentions are the same meeting, and how two mentions of one meeting combine.

Two mentions are the same meeting when they have the same participants, compatible dates (equal at the
coarser precision, or one undated) and compatible places (same city, or one gives only the country the
other's city lies in, or one gives none). Used within a document (`pipeline.events.coreference`) and
across documents (`pipeline.merge`).
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.records import Mention, Place

PRECISION_RANK = {"": 0, "year": 1, "month": 2, "day": 3}


def dates_compatible(first: str, second: str) -> bool:
    if not first or not second:
        return True
    size = min(len(first), len(second))
    return first[:size] == second[:size]


def places_compatible(first: Place | None, second: Place | None) -> bool:
    if first is None or second is None:
        return True
    if first.country != second.country and first.country and second.country:
        return False
    return not first.name or not second.name or first.name == second.name


def finer_place(first: Place | None, second: Place | None) -> Place | None:
    if first is None or (second is not None and not first.name and second.name):
        return second
    return first


def combine(best: Mention, other: Mention, same_sentence: bool = False) -> Mention:
    """Keep the stronger mention's evidence, take the most precise date and place of the two. Within one
    sentence the dated reading decides the status ("brengt volgende week een bezoek ..., waar hij X
    ontmoet"); otherwise a meeting reported as occurred anywhere has occurred."""
    date_source = other if PRECISION_RANK[other.date_precision] > PRECISION_RANK[best.date_precision] else best
    status = "occurred" if "occurred" in (best.status, other.status) else "planned"
    if same_sentence:
        status = date_source.status
    return replace(best, date=date_source.date, date_end=date_source.date_end,
                   date_precision=date_source.date_precision, date_text=date_source.date_text,
                   place=finer_place(best.place, other.place), status=status,
                   confidence=max(best.confidence, other.confidence))


def same_meeting(first: Mention, second: Mention, same_document: bool) -> bool:
    if first.participant_key != second.participant_key:
        return False
    if same_document and first.char_start == second.char_start and dates_compatible(first.date, second.date):
        return True  # one sentence, one participant set: one meeting, unless it names two dates
    if same_document and first.status != second.status and (first.date or second.date):
        return False  # one article telling a meeting that took place and one still to come: two occasions
    if not same_document and not (first.date and second.date) and not _same_city(first.place, second.place):
        return False  # across articles an undated mention needs the same city to count as the same meeting
    return dates_compatible(first.date, second.date) and places_compatible(first.place, second.place)


def _same_city(first: Place | None, second: Place | None) -> bool:
    return bool(first and second and first.name and first.name == second.name)
