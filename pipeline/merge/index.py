"""Where to look for the cluster a mention may join, so merging costs a few look-ups per mention rather than
a comparison with every cluster so far.

Clusters are numbered in the order they were opened and filed under their participant set, then by date
and city. A look-up returns every cluster that could accept the mention (and sometimes one that no longer
can); `Profile.accepts` decides, and the lowest number wins, as the first match did in a scan of all clusters.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from pipeline.merge.profile import Profile, city_of
from pipeline.records import Mention


def _numbers() -> defaultdict[str, list[int]]:
    """A date or city -> the numbers of the clusters filed under it."""
    return defaultdict(list)


@dataclass
class _Shelf:
    """The clusters of one participant set."""

    by_date_prefix: defaultdict[str, list[int]] = field(default_factory=_numbers)  # every prefix of the longest date
    by_longest_date: defaultdict[str, list[int]] = field(default_factory=_numbers)
    by_shared_city: defaultdict[str, list[int]] = field(default_factory=_numbers)  # a city every member names
    undated_by_city: defaultdict[str, list[int]] = field(default_factory=_numbers)  # clusters opened undated

    def candidates(self, mention: Mention) -> Iterable[int]:
        """Undated: the clusters whose members all name its city. Dated: those whose longest date it extends
        or starts, and the undated clusters of its city."""
        date, city = mention.date, city_of(mention)
        if not date:
            return self.by_shared_city.get(city, ()) if city else ()
        found = list(self.by_date_prefix.get(date, ()))
        for size in range(1, len(date)):
            found.extend(self.by_longest_date.get(date[:size], ()))
        if city:
            found.extend(self.undated_by_city.get(city, ()))
        return found

    def file_date(self, number: int, old_longest: str, new_longest: str) -> None:
        for size in range(len(old_longest) + 1, len(new_longest) + 1):
            self.by_date_prefix[new_longest[:size]].append(number)
        self.by_longest_date[new_longest].append(number)


class ClusterIndex:
    """Cluster numbers by participant set, date and city, with each cluster's `Profile`."""

    def __init__(self) -> None:
        self._profiles: list[Profile] = []
        self._shelves: dict[tuple[str, ...], _Shelf] = defaultdict(_Shelf)

    def home(self, mention: Mention, key: tuple[str, ...]) -> int | None:
        """The first-opened cluster of participant set `key` that accepts the mention, if any."""
        shelf = self._shelves.get(key)
        if shelf is None:
            return None
        return min((n for n in shelf.candidates(mention) if self._profiles[n].accepts(mention)), default=None)

    def open(self, mention: Mention, key: tuple[str, ...]) -> int:
        """File a new cluster holding only `mention`; returns its number."""
        number = len(self._profiles)
        profile = Profile.of(mention)
        self._profiles.append(profile)
        shelf = self._shelves[key]
        if mention.date:
            shelf.file_date(number, "", mention.date)
        elif profile.shared_city:
            shelf.undated_by_city[profile.shared_city].append(number)
        if profile.shared_city:
            shelf.by_shared_city[profile.shared_city].append(number)
        return number

    def join(self, number: int, mention: Mention, key: tuple[str, ...]) -> None:
        """Add `mention` to cluster `number`. Entries it no longer fits stay; `accepts` filters them out."""
        profile = self._profiles[number]
        old_longest = profile.longest_date
        profile.add(mention)
        if profile.longest_date != old_longest:
            self._shelves[key].file_date(number, old_longest, profile.longest_date)
