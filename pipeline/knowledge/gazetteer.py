"""The place gazetteer: countries, Dutch country names and demonyms, cities and summit venues.

All knowledge lives in `models/places/*.tsv` (see models/places/README.md); this module only reads,
validates and indexes it. Lookups go through `textnorm.fold`, so accents, case, hyphens and apostrophes
in the surface form do not matter ('Geneve' finds Geneva, 'noord koreaanse' finds PRK).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pipeline.errors import DataError, Errors
from pipeline.knowledge.tables import TableRow, read_table
from pipeline.records import Place
from pipeline.knowledge.textnorm import fold, strip_accents

COUNTRY_COLUMNS: tuple[str, ...] = ("iso3", "iso2", "name_en", "name_nl", "aliases_nl", "demonyms_nl", "capital")
PLACE_COLUMNS: tuple[str, ...] = ("name", "country", "latitude", "longitude", "aliases", "kind", "parent")
COUNTRY_OPTIONAL = ("iso2", "aliases_nl", "demonyms_nl", "capital")
PLACE_OPTIONAL = ("latitude", "longitude", "aliases", "parent")
PLACE_KINDS: tuple[str, ...] = ("city", "venue", "landmark", "island", "region")
COUNTRIES_FILE = "countries.tsv"
CITIES_FILE = "cities.tsv"
LIST_SEPARATOR = "|"
_ISO3 = re.compile(r"^[A-Z]{3}$")
_ISO2 = re.compile(r"^([A-Z]{2})?$")


@dataclass(frozen=True)
class PlaceRecord:
    """A city, venue, island or region: English name, ISO alpha-3 country, coordinates when known."""

    name: str
    country: str
    latitude: float | None
    longitude: float | None
    kind: str = "city"
    parent: str = ""  # English name of the city a venue/island lies in; "" for cities and regions

    def to_place(self, link_rule: str = "") -> Place:
        """The shared `records.Place` that later stages carry, so they need not know this module."""
        return Place(self.name, self.country, self.latitude, self.longitude, self.kind, link_rule)


@dataclass(frozen=True)
class CountryRecord:
    """One row of countries.tsv with its list cells split."""

    iso3: str
    iso2: str
    name_en: str
    name_nl: str
    aliases_nl: tuple[str, ...]
    demonyms_nl: tuple[str, ...]
    capital: str


def split_list(cell: str) -> tuple[str, ...]:
    """Split a `|`-separated cell, dropping blanks, so an empty cell is an empty tuple."""
    return tuple(part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip())


def _coordinate(row: TableRow, column: str, limit: float) -> float | None:
    """Parse an optional coordinate, refusing text and values outside [-limit, limit]."""
    text = row[column]
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise row.error(Errors.E014.format(column=column, value=text)) from None
    if not -limit <= value <= limit:
        raise row.error(Errors.E015.format(column=column, value=value, limit=limit))
    return value


def parse_place(row: TableRow) -> tuple[PlaceRecord, tuple[str, ...]]:
    """Turn one cities/venues row into a record plus its aliases."""
    if not _ISO3.match(row["country"]):
        raise row.error(Errors.E018.format(column="country", what="an ISO alpha-3 code in capitals",
                                           value=row["country"]))
    if row["kind"] not in PLACE_KINDS:
        raise row.error(Errors.E011.format(allowed=", ".join(PLACE_KINDS), value=row["kind"]))
    record = PlaceRecord(row["name"], row["country"], _coordinate(row, "latitude", 90.0),
                         _coordinate(row, "longitude", 180.0), row["kind"], row["parent"])
    return record, split_list(row["aliases"])


def parse_country(row: TableRow) -> CountryRecord:
    """Turn one countries.tsv row into a record, checking the codes."""
    if not _ISO3.match(row["iso3"]):
        raise row.error(Errors.E018.format(column="iso3", what="three capital letters", value=row["iso3"]))
    if not _ISO2.match(row["iso2"]):
        raise row.error(Errors.E018.format(column="iso2", what="two capital letters or empty", value=row["iso2"]))
    return CountryRecord(row["iso3"], row["iso2"], row["name_en"], row["name_nl"], split_list(row["aliases_nl"]),
                         split_list(row["demonyms_nl"]), row["capital"])


def surface_variants(form: str) -> list[str]:
    """The form as written plus its accent-free spelling, which news also uses ('Oekraiense')."""
    plain = strip_accents(form)
    return [form] if plain == form else [form, plain]


class Gazetteer:
    """Indexes of countries and places by folded name; first listed record wins a shared name."""

    def __init__(self) -> None:
        self._countries: dict[str, CountryRecord] = {}
        self._country_names: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._places: list[tuple[PlaceRecord, tuple[str, ...]]] = []
        self._by_surface: dict[str, PlaceRecord] = {}
        self._by_key: dict[tuple[str, str], PlaceRecord] = {}

    @classmethod
    def load(cls, places_dir: Path) -> "Gazetteer":
        """Read countries.tsv and cities.tsv (which already holds the venues) and cross-check them."""
        gazetteer = cls()
        for row in read_table(Path(places_dir) / COUNTRIES_FILE, COUNTRY_COLUMNS, optional=COUNTRY_OPTIONAL):
            gazetteer.add_country(parse_country(row), row)
        rows = read_table(Path(places_dir) / CITIES_FILE, PLACE_COLUMNS, optional=PLACE_OPTIONAL)
        for row in rows:
            record, aliases = parse_place(row)
            if record.country not in gazetteer._countries:
                raise row.error(Errors.E020.format(value=record.country))
            gazetteer.add_place(record, aliases)
        for row in rows:  # parents may be listed after their venues
            if row["parent"] and (fold(row["parent"]), row["country"]) not in gazetteer._by_key:
                raise row.error(Errors.E022.format(value=row["parent"], country=row["country"]))
        return gazetteer

    def add_country(self, country: CountryRecord, row: TableRow | None = None) -> None:
        """Index a country's names and demonyms; a name claimed by two countries is a data error."""
        if country.iso3 in self._countries:
            raise _error(row, Errors.E007.format(value=country.iso3))
        self._countries[country.iso3] = country
        for name in (country.name_nl, *country.aliases_nl):
            self._claim(self._country_names, name, country.iso3, row, "country name")
        for demonym in country.demonyms_nl:
            self._claim(self._demonyms, demonym, country.iso3, row, "demonym")

    @staticmethod
    def _claim(index: dict[str, str], surface: str, iso3: str, row: TableRow | None, what: str) -> None:
        """Give a folded surface to one country, refusing silent reassignment to another."""
        owner = index.setdefault(fold(surface), iso3)
        if owner != iso3:
            raise _error(row, Errors.E021.format(what=what, value=surface, owner=iso3, other=owner))

    def add_place(self, record: PlaceRecord, aliases: tuple[str, ...] = ()) -> None:
        """Index a place under its English name and aliases, keeping earlier records for shared names."""
        self._places.append((record, aliases))
        self._by_key.setdefault((fold(record.name), record.country), record)
        for surface in (record.name, *aliases):
            self._by_surface.setdefault(fold(surface), record)

    def find_place(self, surface: str) -> PlaceRecord | None:
        """The place a bare name ('Peking', 'Den Haag', 'Kremlin') refers to, or None."""
        return self._by_surface.get(fold(surface))

    def country_by_name(self, surface: str) -> str | None:
        """ISO alpha-3 of a Dutch country name or alias ('Rusland' -> 'RUS', 'VS' -> 'USA')."""
        return self._country_names.get(fold(surface))

    def country_by_demonym(self, word: str) -> str | None:
        """ISO alpha-3 of a Dutch demonym in any inflection ('Noord-Koreaanse' -> 'PRK')."""
        return self._demonyms.get(fold(word))

    def capital_of(self, iso3: str) -> PlaceRecord | None:
        """The capital's place record, or None when unknown or left out as an ambiguous name."""
        country = self._countries.get(iso3)
        if country is None or not country.capital:
            return None
        return self._by_key.get((fold(country.capital), iso3))

    def city_of(self, place: PlaceRecord) -> PlaceRecord:
        """The city a venue or island lies in; cities and parentless regions answer themselves."""
        if place.kind == "city" or not place.parent:
            return place
        return self._by_key.get((fold(place.parent), place.country), place)

    def place_names(self) -> Iterable[tuple[str, PlaceRecord]]:
        """(surface form, record) for every name and alias, for building an entity ruler."""
        for record, aliases in self._places:
            for surface in (record.name, *aliases):
                for variant in surface_variants(surface):
                    yield variant, record

    def country_names(self) -> Iterable[tuple[str, str]]:
        """(Dutch surface form, iso3) for every country name and alias."""
        for country in self._countries.values():
            for surface in (country.name_nl, *country.aliases_nl):
                for variant in surface_variants(surface):
                    yield variant, country.iso3

    def demonyms(self) -> Iterable[tuple[str, str]]:
        """(Dutch demonym as written, iso3) for every inflection listed."""
        for country in self._countries.values():
            for surface in country.demonyms_nl:
                for variant in surface_variants(surface):
                    yield variant, country.iso3


def _error(row: TableRow | None, message: str) -> DataError:
    return row.error(message) if row is not None else DataError("gazetteer", message)
