"""The place gazetteer: countries, Dutch country names and demonyms, cities and summit venues.

All knowledge lives in `models/places/*.tsv` (see models/places/README.md); this module only reads,
validates and indexes it. Lookups go through `textnorm.fold`, so accents, case, hyphens and apostrophes
in the surface form do not matter ('Geneve' finds Geneva, 'noord koreaanse' finds PRK).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.records import Place
from pipeline.knowledge.textnorm import fold, strip_accents

COUNTRY_COLUMNS: tuple[str, ...] = ("iso3", "iso2", "name_en", "name_nl", "aliases_nl", "demonyms_nl", "capital")
PLACE_COLUMNS: tuple[str, ...] = ("name", "country", "latitude", "longitude", "aliases", "kind", "parent")
PLACE_KINDS: tuple[str, ...] = ("city", "venue", "island", "region")
COUNTRIES_FILE = "countries.tsv"
CITIES_FILE = "cities.tsv"
LIST_SEPARATOR = "|"
_FORMAT_PREFIX = "# FORMAT:"
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


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) of a headed TSV, checking its FORMAT line and every row's width."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: cannot read ({error.__class__.__name__}: {error})") from None
    format_seen = False
    for number, line in enumerate(lines, start=1):
        if line.startswith(_FORMAT_PREFIX):
            declared = tuple(line[len(_FORMAT_PREFIX):].strip().split("\t"))
            if declared != columns:
                raise ValueError(f"{path}:{number}: FORMAT declares {declared}, expected {columns}")
            format_seen = True
        if line.startswith("#") or not line.strip():
            continue
        if not format_seen:
            raise ValueError(f"{path}:{number}: data before the '{_FORMAT_PREFIX}' header line")
        fields = line.split("\t")
        if len(fields) != len(columns):
            raise ValueError(f"{path}:{number}: expected {len(columns)} tab-separated fields, found {len(fields)}")
        yield number, [field.strip() for field in fields]


def _coordinate(text: str, limit: float, where: str, column: str) -> float | None:
    """Parse an optional coordinate, refusing text and values outside [-limit, limit]."""
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{where}: {column} is not a number: {text!r}") from None
    if not -limit <= value <= limit:
        raise ValueError(f"{where}: {column} {value} is outside [-{limit}, {limit}]")
    return value


def parse_place(fields: list[str], where: str) -> tuple[PlaceRecord, tuple[str, ...]]:
    """Turn one cities/venues row into a record plus its aliases; `where` is 'file:line' for errors."""
    name, country, latitude, longitude, aliases, kind, parent = fields
    if not name:
        raise ValueError(f"{where}: empty name")
    if not _ISO3.match(country):
        raise ValueError(f"{where}: country must be an ISO alpha-3 code in capitals, got {country!r}")
    if kind not in PLACE_KINDS:
        raise ValueError(f"{where}: kind {kind!r} is not one of {', '.join(PLACE_KINDS)}")
    record = PlaceRecord(
        name, country,
        _coordinate(latitude, 90.0, where, "latitude"), _coordinate(longitude, 180.0, where, "longitude"),
        kind, parent,
    )
    return record, split_list(aliases)


def parse_country(fields: list[str], where: str) -> CountryRecord:
    """Turn one countries.tsv row into a record, checking the codes and that a Dutch name exists."""
    iso3, iso2, name_en, name_nl, aliases, demonyms, capital = fields
    if not _ISO3.match(iso3):
        raise ValueError(f"{where}: iso3 must be three capital letters, got {iso3!r}")
    if not _ISO2.match(iso2):
        raise ValueError(f"{where}: iso2 must be two capital letters or empty, got {iso2!r}")
    if not name_nl or not name_en:
        raise ValueError(f"{where}: name_en and name_nl are required")
    return CountryRecord(iso3, iso2, name_en, name_nl, split_list(aliases), split_list(demonyms), capital)


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
        path = Path(places_dir) / COUNTRIES_FILE
        for number, fields in read_table(path, COUNTRY_COLUMNS):
            gazetteer.add_country(parse_country(fields, f"{path}:{number}"), f"{path}:{number}")
        path = Path(places_dir) / CITIES_FILE
        located = []
        for number, fields in read_table(path, PLACE_COLUMNS):
            record, aliases = parse_place(fields, f"{path}:{number}")
            if record.country not in gazetteer._countries:
                raise ValueError(f"{path}:{number}: country {record.country} is not in {COUNTRIES_FILE}")
            gazetteer.add_place(record, aliases)
            located.append((f"{path}:{number}", record))
        for where, record in located:  # parents may be listed after their venues
            gazetteer._check_parent(record, where)
        return gazetteer

    def add_country(self, country: CountryRecord, where: str = "") -> None:
        """Index a country's names and demonyms; a name claimed by two countries is a data error."""
        if country.iso3 in self._countries:
            raise ValueError(f"{where}: country {country.iso3} is listed twice")
        self._countries[country.iso3] = country
        for name in (country.name_nl, *country.aliases_nl):
            self._claim(self._country_names, name, country.iso3, where, "country name")
        for demonym in country.demonyms_nl:
            self._claim(self._demonyms, demonym, country.iso3, where, "demonym")

    @staticmethod
    def _claim(index: dict[str, str], surface: str, iso3: str, where: str, what: str) -> None:
        """Give a folded surface to one country, refusing silent reassignment to another."""
        key = fold(surface)
        owner = index.setdefault(key, iso3)
        if owner != iso3:
            raise ValueError(f"{where}: {what} {surface!r} of {iso3} already belongs to {owner}")

    def add_place(self, record: PlaceRecord, aliases: tuple[str, ...] = ()) -> None:
        """Index a place under its English name and aliases, keeping earlier records for shared names."""
        self._places.append((record, aliases))
        self._by_key.setdefault((fold(record.name), record.country), record)
        for surface in (record.name, *aliases):
            self._by_surface.setdefault(fold(surface), record)

    def _check_parent(self, record: PlaceRecord, where: str) -> None:
        """A venue's parent must be a listed place of the same country, or city_of could not answer."""
        if record.parent and (fold(record.parent), record.country) not in self._by_key:
            raise ValueError(f"{where}: parent {record.parent!r} is not a place in {record.country}")

    def find_place(self, surface: str) -> PlaceRecord | None:
        """The place a bare name ('Peking', 'Den Haag', 'Kremlin') refers to, or None."""
        return self._by_surface.get(fold(surface))

    def country_by_name(self, surface: str) -> str | None:
        """ISO alpha-3 of a Dutch country name or alias ('Rusland' -> 'RUS', 'VS' -> 'USA')."""
        return self._country_names.get(fold(surface))

    def country_by_demonym(self, word: str) -> str | None:
        """ISO alpha-3 of a Dutch demonym in any inflection ('Noord-Koreaanse' -> 'PRK')."""
        return self._demonyms.get(fold(word))

    def country(self, iso3: str) -> CountryRecord | None:
        """The full country row, e.g. for its English name."""
        return self._countries.get(iso3)

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
