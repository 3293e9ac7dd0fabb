"""Event ids that last (issue 15): refinements keep the id, look-alike meetings are told apart."""
from __future__ import annotations

from pipeline.merge.identity import base_key, event_ids, time_bucket
from pipeline.merge.roles import meeting_roles
from pipeline.records import Actor, Mention, Place

RUTTE = Actor("Mark Rutte", "Q57792", "NLD")
MACRON = Actor("Emmanuel Macron", "Q3052772", "FRA")
SCHOLZ = Actor("Olaf Scholz", "Q61053", "DEU")
PARIS = Place("Paris", "FRA", 48.85, 2.35)
BRUSSELS = Place("Brussels", "BEL", 50.85, 4.35)


def meeting(date: str, precision: str, place: Place | None = None, participants=(RUTTE, MACRON),
            status: str = "occurred") -> Mention:
    return Mention("doc", tuple(participants), date, "", precision, "", place, status, "", 0, 1, 0.9, "rule")


def one_id(best: Mention) -> str:
    return event_ids([best], [("doc", 0)])[0]


def test_the_bucket_is_the_month_or_the_year():
    assert time_bucket(meeting("2019-04-25", "day")) == "2019-04"
    assert time_bucket(meeting("2019-04", "month")) == "2019-04"
    assert time_bucket(meeting("2019", "year")) == "2019"
    assert time_bucket(meeting("", "")) == ""


def test_a_later_day_place_or_outcome_keeps_the_id():
    first = one_id(meeting("2019-04", "month", status="planned"))
    assert one_id(meeting("2019-04-25", "day", PARIS)) == first
    assert one_id(meeting("2019-04-03", "day", BRUSSELS, participants=(MACRON, RUTTE))) == first


def test_other_participants_or_another_month_give_another_id():
    first = one_id(meeting("2019-04-25", "day"))
    assert one_id(meeting("2019-05-25", "day")) != first
    assert one_id(meeting("2019-04-25", "day", participants=(RUTTE, SCHOLZ))) != first
    assert one_id(meeting("2019", "year")) != first


def test_two_meetings_in_one_month_are_told_apart_by_day_and_place():
    bests = [meeting("2019-04-03", "day", BRUSSELS), meeting("2019-04-25", "day", PARIS)]
    ids = event_ids(bests, [("a", 0), ("b", 0)])
    assert len(set(ids)) == 2 and one_id(bests[0]) not in ids  # neither takes the month's id alone
    assert event_ids(list(reversed(bests)), [("b", 0), ("a", 0)]) == list(reversed(ids))


def test_meetings_alike_in_everything_are_numbered_by_first_mention():
    bests = [meeting("", ""), meeting("", "")]
    ids = event_ids(bests, [("z", 5), ("a", 9)])
    assert ids[1].startswith("ev_") and ids[0] == ids[1] + "-2"


def test_undated_meetings_are_bucketed_by_place():
    assert base_key(meeting("", "", PARIS)) != base_key(meeting("", "", BRUSSELS))


def test_host_and_visitor_come_from_the_place():
    assert meeting_roles(meeting("2019-04-25", "day", PARIS)) == {"Emmanuel Macron": "host", "Mark Rutte": "visitor"}


def test_no_roles_on_neutral_ground_without_a_place_or_among_compatriots():
    assert meeting_roles(meeting("2019-04-25", "day", BRUSSELS)) == {}
    assert meeting_roles(meeting("2019-04-25", "day")) == {}
    king = Actor("Willem-Alexander of the Netherlands", "Q154946", "NLD")
    assert meeting_roles(meeting("2019-04-25", "day", Place("Amsterdam", "NLD"), participants=(RUTTE, king))) == {}


def test_several_hosts_of_one_country():
    king = Actor("Willem-Alexander of the Netherlands", "Q154946", "NLD")
    roles = meeting_roles(meeting("2019-04-25", "day", Place("Amsterdam", "NLD"), participants=(RUTTE, king, MACRON)))
    assert roles == {"Mark Rutte": "host", "Willem-Alexander of the Netherlands": "host", "Emmanuel Macron": "visitor"}
