"""One row per meeting: merge mentions within a document, then across documents, with stable ids.

Two mentions are the same meeting when they have the same participants, compatible dates (equal at
the coarser precision, or one undated) and compatible places (same city, or one gives only the
country the other's city lies in, or one gives none). Across documents a planned and an occurred
mention of one meeting merge as occurred.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Iterable

from pipeline.records import LIST_SEPARATOR, Mention, Place

_PRECISION_RANK = {"": 0, "year": 1, "month": 2, "day": 3}


def participant_key(mention: Mention) -> tuple[str, ...]:
    return tuple(sorted(actor.name for actor in mention.participants))


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


def _finer_place(first: Place | None, second: Place | None) -> Place | None:
    if first is None or (second is not None and not first.name and second.name):
        return second
    return first


def _combine(best: Mention, other: Mention, same_sentence: bool = False) -> Mention:
    """Keep the stronger mention's evidence, take the most precise date and place of the two. Within one
    sentence the dated reading decides the status ("brengt volgende week een bezoek ..., waar hij X
    ontmoet"); otherwise a meeting reported as occurred anywhere has occurred."""
    date_source = other if _PRECISION_RANK[other.date_precision] > _PRECISION_RANK[best.date_precision] else best
    status = "occurred" if "occurred" in (best.status, other.status) else "planned"
    if same_sentence:
        status = date_source.status
    return replace(best, date=date_source.date, date_end=date_source.date_end,
                   date_precision=date_source.date_precision, date_text=date_source.date_text,
                   place=_finer_place(best.place, other.place), status=status,
                   confidence=max(best.confidence, other.confidence))


def same_meeting(first: Mention, second: Mention, same_document: bool) -> bool:
    if participant_key(first) != participant_key(second):
        return False
    if same_document and first.char_start == second.char_start and dates_compatible(first.date, second.date):
        return True  # one sentence, one participant set: one meeting, unless it names two dates
    if same_document and first.status != second.status and (first.date or second.date) \
            and not (first.date and second.date):
        return False  # "plans to meet" and an undated past meeting in one article are two occasions
    if not same_document and not (first.date and second.date) and not _same_city(first.place, second.place):
        return False  # across articles an undated mention needs the same city to count as the same meeting
    return dates_compatible(first.date, second.date) and places_compatible(first.place, second.place)


def _same_city(first: Place | None, second: Place | None) -> bool:
    return bool(first and second and first.name and first.name == second.name)


def merge_in_document(mentions: list[Mention]) -> list[Mention]:
    """One mention per meeting occasion and participant set; undated past reports borrow the frame."""
    mentions = [_inherit_frame(m, mentions) for m in mentions]
    merged: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: -m.confidence):
        for index, kept in enumerate(merged):
            if same_meeting(kept, mention, same_document=True):
                merged[index] = _combine(kept, mention, same_sentence=kept.char_start == mention.char_start)
                break
        else:
            merged.append(mention)
    return sorted(merged, key=lambda m: m.char_start)


def _inherit_frame(mention: Mention, mentions: list[Mention]) -> Mention:
    """'Na de parade spraken Poetin en Kim elkaar': an undated past meeting belongs to the nearest dated
    meeting of the article it shares a participant with, and happened on its date and at its place."""
    if mention.status != "occurred" or (mention.date and mention.place is not None):
        return mention
    names = set(participant_key(mention))
    frames = [m for m in mentions if m.date and m.status == "occurred" and m is not mention
              and names & set(participant_key(m)) and places_compatible(m.place, mention.place)
              and dates_compatible(m.date, mention.date)]
    # A meeting with all its participants first (it is part of that one), then the nearest such meeting
    # before it in the text (a trip moves on), else the nearest after it.
    frames = [m for m in frames if names <= set(participant_key(m))] or frames
    before = [m for m in frames if m.char_start < mention.char_start]
    frame = max(before, key=lambda m: m.char_start) if before else \
        min(frames, key=lambda m: m.char_start, default=None)
    if frame is None:
        return mention
    if mention.date:  # same day, same leader: the same place ("Vandaag sprak Zelensky ook met Kishida")
        same_day = mention.date_precision == "day" and mention.date == frame.date and frame in before
        return replace(mention, place=frame.place) if same_day else mention
    return replace(mention, date=frame.date, date_end=frame.date_end, date_precision=frame.date_precision,
                   date_text=frame.date_text, place=_finer_place(mention.place, frame.place))


@dataclass
class Cluster:
    mentions: list[Mention]

    @property
    def best(self) -> Mention:
        result = self.mentions[0]
        for other in self.mentions[1:]:
            result = _combine(result, other) if other.confidence <= result.confidence else _combine(other, result)
        return result


def cluster_mentions(mentions: Iterable[Mention]) -> list[Cluster]:
    """Greedy clustering across documents, in a fixed order so ids do not depend on input order."""
    clusters: list[Cluster] = []
    ordered = sorted(mentions, key=lambda m: (participant_key(m), -_PRECISION_RANK[m.date_precision],
                                               m.date, m.doc_id, m.char_start))
    for mention in ordered:
        home = next((c for c in clusters if participant_key(c.mentions[0]) == participant_key(mention)
                     and all(same_meeting(m, mention, same_document=False) for m in c.mentions)), None)
        if home is None:
            clusters.append(Cluster([mention]))
        else:
            home.mentions.append(mention)
    return clusters


def event_id(cluster: Cluster) -> str:
    """Derived from content (participants and the cluster's most precise date and place)."""
    best = cluster.best
    place = best.place.name or best.place.country if best.place else ""
    key = LIST_SEPARATOR.join(participant_key(best)) + "|" + best.date + "|" + place
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
