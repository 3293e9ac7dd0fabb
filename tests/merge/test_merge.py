"""Merging meeting mentions within and across documents (issue 7), on hand-built Mention records.

The leaders, ids and places are real (Wikidata ids as in models/actors, coordinates as in
models/places/cities.tsv); the meetings are the Kim-Putin summit in Vladivostok (2019-04-25) and
the Trump-Kim summits in Singapore (2018-06-12) and Hanoi (2019-02-27/28).
"""
from __future__ import annotations

import pytest

from pipeline.export.tables import rows_for
from pipeline.events.coreference import merge_in_document
from pipeline.events.sameness import dates_compatible, places_compatible
from pipeline.merge.clusters import cluster_mentions
from pipeline.records import Actor, Mention, Place

PUTIN = Actor("Vladimir Putin", "Q7747", "RUS")
KIM = Actor("Kim Jong-un", "Q56226", "PRK")
TRUMP = Actor("Donald Trump", "Q22686", "USA")
XI = Actor("Xi Jinping", "Q15031", "CHN")
VLADIVOSTOK = Place("Vladivostok", "RUS", 43.1056, 131.8735)
MOSCOW = Place("Moscow", "RUS", 55.7520, 37.6178)
SINGAPORE = Place("Singapore", "SGP", 1.2897, 103.8501)
RUSSIA = Place("", "RUS", kind="country")
_PRECISION = {4: "year", 7: "month", 10: "day"}


def mention(doc_id: str, people: tuple[Actor, ...], date: str = "", status: str = "occurred",
            place: Place | None = None, confidence: float = 0.9, char_start: int = 0) -> Mention:
    """A mention as the event stage would make it; the precision follows the date's length."""
    return Mention(doc_id, people, date, "", _PRECISION.get(len(date), ""), date, place, status,
                   f"evidence of {doc_id} at {char_start}", char_start, char_start + 50, confidence, "test_rule")


def cluster_shapes(mentions: list[Mention]) -> list[tuple[str, ...]]:
    """Each cluster as the sorted doc ids of its mentions, for order-free comparison."""
    return sorted(tuple(sorted(m.doc_id for m in c.mentions)) for c in cluster_mentions(mentions))


# --- across documents ---------------------------------------------------------------------------------
def test_same_participants_and_compatible_dates_merge_into_one_event():
    shapes = cluster_shapes([mention("a", (KIM, PUTIN), "2019-04-25", place=VLADIVOSTOK),
                             mention("b", (PUTIN, KIM), "2019-04", place=VLADIVOSTOK)])
    assert shapes == [("a", "b")]


def test_merged_event_takes_the_most_precise_date_and_place():
    clusters = cluster_mentions([mention("a", (KIM, PUTIN), "2019-04", place=RUSSIA, confidence=0.95),
                                 mention("b", (KIM, PUTIN), "2019-04-25", place=VLADIVOSTOK, confidence=0.7)])
    best = clusters[0].best
    assert (len(clusters), best.date, best.date_precision, best.place.name) == (1, "2019-04-25", "day", "Vladivostok")


def test_planned_and_later_occurred_mention_merge_as_occurred():
    clusters = cluster_mentions([mention("a", (KIM, PUTIN), "2019-04", status="planned", place=VLADIVOSTOK),
                                 mention("b", (KIM, PUTIN), "2019-04-25", status="occurred", place=VLADIVOSTOK)])
    assert [c.best.status for c in clusters] == ["occurred"]


def test_different_years_do_not_merge():
    shapes = cluster_shapes([mention("a", (KIM, TRUMP), "2018", place=SINGAPORE),
                             mention("b", (KIM, TRUMP), "2019", place=SINGAPORE)])
    assert shapes == [("a",), ("b",)]


def test_different_days_of_one_month_do_not_merge():
    shapes = cluster_shapes([mention("a", (KIM, PUTIN), "2019-04-05"), mention("b", (KIM, PUTIN), "2019-04-25")])
    assert shapes == [("a",), ("b",)]


def test_different_participant_sets_do_not_merge():
    shapes = cluster_shapes([mention("a", (KIM, PUTIN), "2019-04-25"), mention("b", (KIM, XI), "2019-04-25")])
    assert shapes == [("a",), ("b",)]


def test_different_cities_on_compatible_dates_do_not_merge():
    shapes = cluster_shapes([mention("a", (KIM, PUTIN), "2019-04", place=VLADIVOSTOK),
                             mention("b", (KIM, PUTIN), "2019-04", place=MOSCOW)])
    assert shapes == [("a",), ("b",)]


def test_undated_mentions_without_a_shared_city_stay_apart_across_documents():
    shapes = cluster_shapes([mention("a", (KIM, TRUMP)), mention("b", (KIM, TRUMP))])
    assert shapes == [("a",), ("b",)]


def test_trilateral_does_not_merge_with_a_bilateral_of_two_of_its_members():
    shapes = cluster_shapes([mention("a", (KIM, PUTIN, XI), "2025-09-03"), mention("b", (KIM, PUTIN), "2025-09-03")])
    assert shapes == [("a",), ("b",)]


# --- event ids ----------------------------------------------------------------------------------------
MENTIONS = [
    mention("a", (KIM, PUTIN), "2019-04-25", place=VLADIVOSTOK, char_start=10),
    mention("b", (PUTIN, KIM), "2019-04", place=RUSSIA, char_start=20),
    mention("c", (KIM, TRUMP), "2018-06-12", place=SINGAPORE, char_start=30),
    mention("d", (TRUMP, KIM), "2018", status="planned", char_start=40),
    mention("e", (KIM, TRUMP), "2019-02-27", char_start=50),
]


def ids_by_mention(mentions: list[Mention]) -> dict[tuple[str, int], str]:
    return {(row["doc_id"], row["char_start"]): row["event_id"] for row in rows_for(cluster_mentions(mentions)).mentions}


def test_event_id_does_not_depend_on_input_order():
    assert ids_by_mention(MENTIONS) == ids_by_mention(list(reversed(MENTIONS)))


def test_event_id_is_the_same_in_a_second_run():
    assert ids_by_mention(MENTIONS) == ids_by_mention([mention(m.doc_id, m.participants, m.date, m.status, m.place,
                                                               char_start=m.char_start) for m in MENTIONS])


def test_distinct_meetings_get_distinct_event_ids():
    ids = ids_by_mention(MENTIONS)
    assert ids[("a", 10)] == ids[("b", 20)]
    assert len({ids[("a", 10)], ids[("c", 30)], ids[("e", 50)]}) == 3


# --- within one document ------------------------------------------------------------------------------
def test_two_sentences_about_one_meeting_are_one_mention_in_a_document():
    merged = merge_in_document([mention("a", (KIM, PUTIN), "2019-04-25", place=VLADIVOSTOK, confidence=0.95),
                                mention("a", (PUTIN, KIM), "", place=VLADIVOSTOK, confidence=0.8, char_start=300)])
    assert [(m.date, m.place.name, m.char_start) for m in merged] == [("2019-04-25", "Vladivostok", 0)]


def test_stronger_mention_keeps_its_evidence_and_gains_the_finer_date():
    merged = merge_in_document([mention("a", (KIM, PUTIN), "2019-04", place=VLADIVOSTOK, confidence=0.95),
                                mention("a", (KIM, PUTIN), "2019-04-25", confidence=0.6, char_start=300)])
    assert [(m.evidence, m.date, m.confidence) for m in merged] == [("evidence of a at 0", "2019-04-25", 0.95)]


def test_two_meetings_in_different_years_stay_two_mentions_in_a_document():
    merged = merge_in_document([mention("a", (KIM, TRUMP), "2018-06-12", place=SINGAPORE),
                                mention("a", (KIM, TRUMP), "2019-02-27", char_start=300)])
    assert [m.date for m in merged] == ["2018-06-12", "2019-02-27"]


# --- compatibility rules and the events.csv row -------------------------------------------------------
@pytest.mark.parametrize("first, second, compatible", [
    ("2019", "2019-04-25", True),
    ("2019-04", "2019-04-25", True),
    ("2019-04-25", "2019-04-25", True),
    ("", "2019-04-25", True),
    ("2019-04", "2019-05-01", False),
    ("2018", "2019-04", False),
])
def test_dates_are_compatible_when_equal_at_the_coarser_precision(first, second, compatible):
    assert dates_compatible(first, second) is compatible


@pytest.mark.parametrize("first, second, compatible", [
    (VLADIVOSTOK, RUSSIA, True),
    (VLADIVOSTOK, None, True),
    (VLADIVOSTOK, MOSCOW, False),
    (SINGAPORE, RUSSIA, False),
])
def test_places_are_compatible_when_one_contains_or_omits_the_other(first, second, compatible):
    assert places_compatible(first, second) is compatible


def test_event_row_counts_mentions_and_documents():
    clusters = cluster_mentions([mention("a", (KIM, PUTIN), "2019-04-25", place=VLADIVOSTOK),
                                 mention("a", (KIM, PUTIN), "2019-04-25", place=VLADIVOSTOK, char_start=400),
                                 mention("b", (KIM, PUTIN), "2019-04", place=RUSSIA)])
    events = rows_for(clusters).events
    row = events[0]
    assert (len(events), row["n_mentions"], row["n_docs"], row["doc_ids"]) == (1, 3, 2, "a; b")
    assert (row["participants"], row["participant_ids"], row["participant_countries"]) == (
        "Kim Jong-un; Vladimir Putin", "Q56226; Q7747", "PRK; RUS")
    assert (row["location"], row["latitude"], row["longitude"]) == ("Vladivostok", "43.1056", "131.8735")


def test_event_type_follows_the_number_of_participants():
    assert (mention("a", (KIM, PUTIN)).event_type, mention("a", (KIM, PUTIN, XI)).event_type) == (
        "bilateral", "multilateral")
