"""The indexed merge (`ClusterIndex`) must give exactly the clusters of the plain greedy scan it replaced: each
mention, in merge order, joins the first-opened cluster whose every member is the same meeting. Generated
mentions mix dates of every precision (and prefixes that are no calendar dates), cities, countries and none."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from pipeline.events.sameness import same_meeting
from pipeline.merge.clusters import cluster_mentions, merge_order
from pipeline.records import Actor, Mention, Place

LEADERS = [Actor("Mark Rutte", "Q57792", "NLD"), Actor("Angela Merkel", "Q567", "DEU"),
           Actor("Emmanuel Macron", "Q3052772", "FRA")]
PLACES = [None, Place("", "NLD", kind="country"), Place("", "DEU", kind="country"), Place("The Hague", "NLD"),
          Place("Rotterdam", "NLD"), Place("Berlin", "DEU"), Place("The Hague", "")]
DATES = ["", "2019", "2019-04", "2019-04-05", "2019-04-25", "2019-05", "2018", "2018-11-30"]
_PRECISION = {0: "", 4: "year", 7: "month", 10: "day"}

MENTION = st.builds(
    lambda doc, people, date, place, status, start: Mention(
        doc, tuple(people), date, "", _PRECISION[len(date)], date, place, status, "evidence", start, start + 40,
        0.9, "test_rule"),
    st.sampled_from("abcd"), st.lists(st.sampled_from(LEADERS), min_size=2, max_size=3, unique=True),
    st.sampled_from(DATES), st.sampled_from(PLACES), st.sampled_from(["occurred", "planned"]),
    st.sampled_from([0, 100, 200]))


def greedy_scan(mentions: list[Mention]) -> list[list[Mention]]:
    clusters: list[list[Mention]] = []
    for mention in sorted(mentions, key=merge_order):
        home = next((c for c in clusters if all(same_meeting(m, mention, same_document=False) for m in c)), None)
        if home is None:
            clusters.append([mention])
        else:
            home.append(mention)
    return clusters


@settings(max_examples=300, deadline=None)
@given(st.lists(MENTION, max_size=40))
def test_indexed_merge_gives_the_clusters_of_a_full_scan(mentions):
    expected = [[id(m) for m in cluster] for cluster in greedy_scan(mentions)]
    assert [[id(m) for m in cluster.mentions] for cluster in cluster_mentions(mentions)] == expected
