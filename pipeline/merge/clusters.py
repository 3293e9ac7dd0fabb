"""One row per real-world meeting across documents, with ids derived from content.

Mentions with the same participants, dates equal at the coarser precision and compatible places are one
meeting; across documents an undated mention needs the same city, and a planned and an occurred mention
of one meeting merge as occurred.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable

from pipeline.events.sameness import PRECISION_RANK, combine, same_meeting
from pipeline.records import LIST_SEPARATOR, Mention


@dataclass
class Cluster:
    mentions: list[Mention]

    @property
    def best(self) -> Mention:
        result = self.mentions[0]
        for other in self.mentions[1:]:
            result = combine(result, other) if other.confidence <= result.confidence else combine(other, result)
        return result


def cluster_mentions(mentions: Iterable[Mention]) -> list[Cluster]:
    """Greedy clustering across documents, in a fixed order so ids do not depend on input order."""
    clusters: list[Cluster] = []
    ordered = sorted(mentions, key=lambda m: (m.participant_key, -PRECISION_RANK[m.date_precision],
                                               m.date, m.doc_id, m.char_start))
    for mention in ordered:
        home = next((c for c in clusters if c.mentions[0].participant_key == mention.participant_key
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
    key = LIST_SEPARATOR.join(best.participant_key) + "|" + best.date + "|" + place
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
