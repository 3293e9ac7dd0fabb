"""What the members of one cluster have in common: enough to test a new mention against all of them at once.

A mention joins a cluster only when it is the same meeting as every member, so the members are pairwise the
same meeting: their dates are prefixes of the longest one, and their places name at most one country and one
city. A few fields therefore decide `same_meeting(member, mention, same_document=False)` for every member,
and checking a mention costs the same for a cluster of two or of two thousand.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.events.sameness import dates_compatible, places_compatible
from pipeline.records import Mention, Place


def city_of(mention: Mention) -> str:
    return mention.place.name if mention.place else ""


@dataclass
class Profile:
    longest_date: str  # "" while no member is dated
    place: Place  # the one country and the one city name the members give ("" where none gives one)
    shared_city: str | None  # the city every member names ("" if none does); None once two members differ
    undated_cities: set[str]  # what the undated members name ("" for no city)

    @classmethod
    def of(cls, mention: Mention) -> "Profile":
        place = mention.place or Place("", "")
        undated = set() if mention.date else {city_of(mention)}
        return cls(mention.date, Place(place.name, place.country), city_of(mention), undated)

    def accepts(self, mention: Mention) -> bool:
        """`same_meeting(member, mention, same_document=False)` for every member with its participants."""
        city = city_of(mention)
        # across articles an undated mention and any other need the same city
        if not mention.date and (not city or self.shared_city != city):
            return False
        if mention.date and self.undated_cities and (not city or self.undated_cities != {city}):
            return False
        return dates_compatible(self.longest_date, mention.date) and places_compatible(self.place, mention.place)

    def add(self, mention: Mention) -> None:
        if len(mention.date) > len(self.longest_date):
            self.longest_date = mention.date
        if mention.place and (mention.place.name, mention.place.country) != (self.place.name, self.place.country):
            self.place = Place(self.place.name or mention.place.name, self.place.country or mention.place.country)
        if self.shared_city != city_of(mention):
            self.shared_city = None
        if not mention.date:
            self.undated_cities.add(city_of(mention))
