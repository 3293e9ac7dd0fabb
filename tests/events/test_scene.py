"""The scene (issue 13): the dateline or the opening paragraphs set the place of the article's news once;
meetings of that time without a place of their own happen there, other meetings do not."""
from __future__ import annotations

from tests.conftest import meetings, only_meeting, where


def test_the_dateline_places_a_meeting_of_the_article_month():
    found = only_meeting("WASHINGTON (ANP/AFP) - President Trump heeft dinsdag nog een ontmoeting met de "
                         "Israëlische premier Netanyahu.", "2025-07")
    assert where(found) == ("Washington", "USA")


def test_the_opening_paragraphs_set_the_scene_after_a_short_title():
    found = only_meeting("Spelen zonder Westerse leiders\n\nIn Peking zijn vrijdag de Olympische Winterspelen "
                         "begonnen, met veel vuurwerk en weinig publiek op de tribunes van het stadion.\n\n"
                         "Vrijdag had Poetin voor de opening een lang gesprek met de Chinese leider Xi Jinping.", "2022-02")
    assert where(found) == ("Beijing", "CHN")


def test_a_background_meeting_of_another_year_stays_without_the_scene():
    found = meetings("MOSKOU (ANP) - President Poetin sprak vrijdag met de Venezolaanse president Maduro. In "
                     "2019 had Poetin Maduro al eens ontvangen.", "2024-10")
    places = {m.date: where(m) for m in found}
    assert places["2024-10"] == ("Moscow", "RUS") and places["2019"] == ("", "")


def test_a_meeting_with_a_place_of_its_own_keeps_it():
    found = only_meeting("NEW DELHI (ANP) - Premier Modi brengt vrijdag een bezoek aan president Zelensky in "
                         "Kyiv.", "2024-08")
    assert where(found) == ("Kyiv", "UKR")
