"""Where: linked places and their mentions in a text."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A linked place: English name, ISO alpha-3 country, coordinates when known."""

    name: str  # English city / island / region name; "" for a bare country
    country: str
    latitude: float | None = None
    longitude: float | None = None
    kind: str = "city"  # city | venue | region | island | country
    link_rule: str = ""


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text (token offsets in the Doc)."""

    start: int
    end: int
    text: str
    place: Place
    rule: str
