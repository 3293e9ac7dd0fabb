"""One row per real-world meeting across documents (ids: pipeline.merge.identity).

Mentions with the same participants, dates equal at the coarser precision and compatible places are one
meeting; across documents an undated mention needs the same city, and a planned and an occurred mention
of one meeting merge as occurred.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from pipeline.events.sameness import PRECISION_RANK, combine
from pipeline.merge.collection import without_cycle_collection
from pipeline.merge.index import ClusterIndex
from pipeline.records import Mention


@dataclass
class Cluster:
    mentions: list[Mention]

    @property
    def best(self) -> Mention:
        result = self.mentions[0]
        for other in self.mentions[1:]:
            result = combine(result, other) if other.confidence <= result.confidence else combine(other, result)
        return result


@without_cycle_collection
def cluster_mentions(mentions: Iterable[Mention]) -> list[Cluster]:
    """Greedy clustering across documents, in a fixed order so ids do not depend on input order: each mention
    joins the first-opened cluster whose every member is the same meeting, else opens its own.
    `ClusterIndex` finds that cluster without comparing the mention with every cluster."""
    clusters: list[Cluster] = []
    index = ClusterIndex()
    for mention in sorted(mentions, key=merge_order):
        key = mention.participant_key
        number = index.home(mention, key)
        if number is None:
            index.open(mention, key)
            clusters.append(Cluster([mention]))
        else:
            index.join(number, mention, key)
            clusters[number].mentions.append(mention)
    return clusters


def merge_order(mention: Mention) -> tuple:
    """Participant set, most precise date first, then date and position: first come, first to open a cluster."""
    return (mention.participant_key, -PRECISION_RANK[mention.date_precision], mention.date, mention.doc_id,
            mention.char_start)
