"""One mention per meeting in a document: mentions of one meeting merge, and an undated past report takes
the date and place of the article's meeting it is part of."""
from __future__ import annotations

from dataclasses import replace

from pipeline.events.sameness import combine, dates_compatible, finer_place, places_compatible, same_meeting
from pipeline.records import Mention


def merge_in_document(mentions: list[Mention], trips: list[Mention] = ()) -> list[Mention]:
    """One mention per meeting occasion and participant set; undated past reports borrow the frame of a
    meeting or of a trip (`trips`: visits whose host meeting is told apart, frames only, never rows)."""
    # In text order, so that a frame passes on: "Trump dineerde zaterdag met Xi in Buenos Aires. In de gangen
    # sprak Trump ook Poetin. Merkel had een onderonsje met Poetin" - the chat is at the summit dinner's time.
    mentions, trips = list(mentions), list(trips)
    for index in sorted(range(len(mentions)), key=lambda i: mentions[i].char_start):
        mentions[index] = _inherit_frame(mentions[index], mentions + trips)
    merged: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: -m.confidence):
        for index, kept in enumerate(merged):
            if same_meeting(kept, mention, same_document=True):
                merged[index] = combine(kept, mention, same_sentence=kept.char_start == mention.char_start)
                break
        else:
            merged.append(mention)
    return sorted(merged, key=lambda m: m.char_start)


def _inherit_frame(mention: Mention, mentions: list[Mention]) -> Mention:
    """'Na de parade spraken Poetin en Kim elkaar': an undated past meeting belongs to the nearest dated
    meeting nearby that it is part of or shares a leader with, and happened on its date and at its place."""
    if mention.status != "occurred" or (mention.date and mention.place is not None):
        return mention
    names = set(mention.participant_key)
    # Only a meeting that happened (never a planned or cancelled one) with one of its leaders: a meeting
    # all its participants attended first (it is part of that one), then the nearest before it in the text
    # (a trip moves on), else the nearest after it.
    frames = [m for m in mentions if m.date and m.status == "occurred" and m is not mention
              and names & set(m.participant_key) and places_compatible(m.place, mention.place)
              and dates_compatible(m.date, mention.date)]
    frames = [m for m in frames if names <= set(m.participant_key)] or frames
    before = [m for m in frames if m.char_start < mention.char_start]
    frame = max(before, key=lambda m: m.char_start) if before else \
        min(frames, key=lambda m: m.char_start, default=None)
    if frame is None:
        return mention
    if mention.date:  # same day, same leader: the same place ("Vandaag sprak Zelensky ook met Kishida")
        same_day = mention.date_precision == "day" and mention.date == frame.date and frame in before
        return replace(mention, place=frame.place) if same_day else mention
    return replace(mention, date=frame.date, date_end=frame.date_end, date_precision=frame.date_precision,
                   date_text=frame.date_text, place=finer_place(mention.place, frame.place))
