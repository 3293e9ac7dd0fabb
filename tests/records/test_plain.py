"""Mentions cross process boundaries as plain data (msgpack in spaCy's workers, saved pipelines): the plain
form holds only dicts, lists and scalars, and reading it back gives the same record."""
from __future__ import annotations

import json

import pytest

from pipeline.records import Actor, Mention, Place, mention_from_plain, to_plain

RUTTE, MERKEL = Actor("Mark Rutte", "Q57792", "NLD", "alias"), Actor("Angela Merkel", "Q567", "DEU", "alias")


@pytest.mark.parametrize("place", [Place("Berlin", "DEU", 52.5244, 13.4105), Place("", "DEU", kind="country"), None])
def test_a_mention_goes_to_plain_data_and_back(place):
    mention = Mention("doc", (RUTTE, MERKEL), "2019-04", "", "month", "in april", place, "occurred",
                      "Rutte sprak in april met Merkel.", 10, 41, 0.9, "meet_verb_spreken", "ev_1")
    plain = to_plain(mention)
    assert json.loads(json.dumps(plain)) == plain  # nothing but plain values
    assert plain["participants"][1]["qid"] == "Q567"
    assert mention_from_plain(plain) == mention
    assert mention_from_plain(json.loads(json.dumps(plain))) == mention
