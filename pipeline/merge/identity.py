"""Event ids that last across runs and batches.

An id is made from what a later article rarely changes: the participants and a coarse time bucket (the
calendar month of the meeting; the year when only the year is known; no bucket when undated, then the
place). A later article that gives the day, a better place or the meeting's outcome keeps the id, so
batches can be joined on it. The price is collisions: two meetings of the same leaders in one month (or two
undated ones) share the bucket. Then the colliding meetings take ids made from their full date and place
as well, and meetings still alike are numbered in order of their first mention. Refining the month of a
year-only meeting, or a new meeting in a bucket that had one, changes ids: stated in the README.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from pipeline.records import LIST_SEPARATOR, Mention

ID_PREFIX = "ev_"


def time_bucket(best: Mention) -> str:
    """YYYY-MM for a day or month date, YYYY for a year; empty when undated."""
    return best.date[:7] if best.date_precision in ("day", "month") else best.date[:4]


def _place(best: Mention) -> str:
    return (best.place.name or best.place.country) if best.place else ""


def _digest(*parts: str) -> str:
    return ID_PREFIX + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]


def base_key(best: Mention) -> tuple[str, str]:
    """(participants, bucket); an undated meeting is bucketed by its place instead."""
    bucket = time_bucket(best)
    return LIST_SEPARATOR.join(best.participant_key), bucket if bucket else "undated@" + _place(best)


def event_ids(bests: list[Mention], first_seen: list[tuple]) -> list[str]:
    """An id per meeting, in the order given. `bests` are the meetings' combined mentions, `first_seen` a
    sortable key per meeting (its first mention's document and offset) that orders look-alikes."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, best in enumerate(bests):
        groups[base_key(best)].append(number)
    ids = [""] * len(bests)
    for key, members in groups.items():
        if len(members) == 1:
            ids[members[0]] = _digest(*key)
            continue
        alike: dict[str, list[int]] = defaultdict(list)
        for number in members:
            alike[_digest(*key, bests[number].date, _place(bests[number]))].append(number)
        for finer, numbers in alike.items():
            for rank, number in enumerate(sorted(numbers, key=lambda n: first_seen[n])):
                ids[number] = finer if rank == 0 else f"{finer}-{rank + 1}"
    return ids
