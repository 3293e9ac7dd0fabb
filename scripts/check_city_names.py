"""List the GeoNames city names a lower population threshold would add that are also something else in Dutch text.

Run from the project folder:  python3 -m scripts.check_city_names [--min-population 100000] [--out FILE]
(then review each flagged name; a name judged ambiguous goes to ambiguous_names.txt with its reason).
Lowering MIN_POPULATION in scripts/build_places.py adds thousands of cities; the few whose name is also a Dutch
word, a person's name, a country or region, or a bigger namesake elsewhere would put false places into the
output. This script finds those candidates for ambiguous_names.txt; a person reviews each one by hand.
Checks, one reason each:
  lexicon   the name is a word or phrase in a Dutch word list under models/lexicon/
  actor     the name is a leader's name, alias, short name or one word of a name in models/actors/*.tsv
  country   the name is a country name, alias or demonym in countries.tsv, or a region/island in venues.tsv
  namesake  another country has a city of that name that is not far smaller (GeoNames, >= 15,000 inhabitants)
  word      the name occurs lowercased in the UD Dutch treebanks or in CoNLL-2002 (so it is an ordinary word)
  person    CoNLL-2002 Dutch news tags the name as (part of) a person more often than as a place
Output: the flagged names not yet in ambiguous_names.txt, tab-separated name, country, population, reasons,
most populous first; on stderr how many names are new, left out and flagged.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from pipeline.config import ConfigError, load_settings
from pipeline.knowledge.gazetteer import COUNTRY_COLUMNS, COUNTRY_OPTIONAL, PLACE_COLUMNS, PLACE_OPTIONAL, split_list
from pipeline.knowledge.actors import COLUMNS as ACTOR_COLUMNS, OPTIONAL_COLUMNS as ACTOR_OPTIONAL
from pipeline.knowledge.tables import read_table
from pipeline.knowledge.textnorm import fold
from scripts.build_places import CITY_NL_COLUMNS, GeoNames, read_ambiguous

FAR_BIGGER = 5  # a city keeps a shared name only when it has this many times the namesake's inhabitants
SKIPPED_LEXICON_FILES = ("web_junk.txt", "entity_labels.tsv", "README.md")  # regexes and labels, not words
UD_SUBDIR, NER_SUBDIR = "ud", "ner/conll2002_nl"  # inside config.yaml's training_data_dir


def lexicon_words(lexicon_dir: Path) -> set[str]:
    """Folded words and phrases of every cell of the Dutch word lists (tab- and '|'-separated)."""
    words = set()
    for path in sorted(lexicon_dir.rglob("*")):
        if not path.is_file() or path.name in SKIPPED_LEXICON_FILES:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            words.update(fold(cell) for field in line.split("\t") for cell in split_list(field))
    words.discard("")
    return words


def actor_names(actors_dir: Path) -> dict[str, str]:
    """Folded name, alias, short name and each capitalised word of them -> the actor it belongs to."""
    names: dict[str, str] = {}
    for path in sorted(actors_dir.glob("*.tsv")):
        for row in read_table(path, ACTOR_COLUMNS, ACTOR_OPTIONAL):
            forms = [row["name"], *split_list(row["aliases"]), *split_list(row["short_names"])]
            for form in forms:
                for part in [form, *(word for word in form.split() if word[:1].isupper() and len(word) > 2)]:
                    names.setdefault(fold(part), row["name"])
    names.pop("", None)
    return names


def country_and_region_names(places_dir: Path) -> set[str]:
    """Folded country names, aliases and demonyms, and region and island names from venues.tsv."""
    names = set()
    for row in read_table(places_dir / "countries.tsv", COUNTRY_COLUMNS, COUNTRY_OPTIONAL):
        names.update(fold(name) for name in (row["name_en"], row["name_nl"]))
        names.update(fold(name) for name in split_list(row["aliases_nl"]) + split_list(row["demonyms_nl"]))
    for row in read_table(places_dir / "venues.tsv", PLACE_COLUMNS, PLACE_OPTIONAL):
        if row["kind"] in ("region", "island"):
            names.update(fold(name) for name in (row["name"], *split_list(row["aliases"])))
    return names


def lowercase_forms(ud_dir: Path) -> set[str]:
    """Word forms written in lower case anywhere in the UD Dutch treebanks."""
    forms = set()
    for path in sorted(ud_dir.rglob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) > 1 and fields[1][:1].islower():
                forms.add(fields[1])
    return forms


def read_conll2002(ner_dir: Path) -> tuple[Counter, Counter, set[str]]:
    """From CoNLL-2002 Dutch news: how often each folded token is part of a person and of a place, and
    the tokens written in lower case (more Dutch words than the treebanks hold: 'welkom', 'tours')."""
    persons, places, lowercase = Counter(), Counter(), set()
    for path in sorted(ner_dir.glob("ned.*")):
        for line in path.read_text(encoding="latin-1").splitlines():
            fields = line.split()
            if len(fields) < 2:
                continue
            if fields[0][:1].islower():
                lowercase.add(fields[0])
            if fields[-1].endswith("-PER"):
                persons[fold(fields[0])] += 1
            elif fields[-1].endswith("-LOC"):
                places[fold(fields[0])] += 1
    return persons, places, lowercase


def cities_by_name(geonames: GeoNames) -> dict[str, list[dict]]:
    """Folded name -> every GeoNames city of that name, most populous first (geonames.cities is sorted)."""
    index: dict[str, list[dict]] = {}
    for city in geonames.cities:
        index.setdefault(fold(city["name"]), []).append(city)
    return index


def namesake_note(city: dict, by_name: dict[str, list[dict]]) -> str:
    """'namesake in XX (population)' when a city of that name elsewhere is not far smaller."""
    others = [other for other in by_name.get(fold(city["name"]), []) if other["countrycode"] != city["countrycode"]]
    if not others or city["population"] >= FAR_BIGGER * others[0]["population"]:
        return ""
    return f"namesake in {others[0]['countrycode']} ({others[0]['population']:,})"


def hand_listed_names(places_dir: Path) -> set[str]:
    """Folded names and aliases of venues.tsv and cities_nl.tsv: listed on purpose, so not up for review."""
    names = set()
    for row in read_table(places_dir / "venues.tsv", PLACE_COLUMNS, PLACE_OPTIONAL):
        names.update(fold(name) for name in (row["name"], *split_list(row["aliases"])))
    for row in read_table(places_dir / "cities_nl.tsv", CITY_NL_COLUMNS, CITY_NL_COLUMNS[1:]):
        names.update(fold(name) for name in (row["geonames_name"], row["name_en"], *split_list(row["aliases_nl"])) if name)
    return names


def new_cities(geonames: GeoNames, band: tuple[int, int], known: set[str]) -> list[dict]:
    """Cities in the population band [low, high) that are no capital, no bigger city's name, not hand-listed."""
    low, high = band
    known = known | {fold(country["capital"]) for country in geonames.countries.values()}
    known |= {fold(city["name"]) for city in geonames.cities if city["population"] >= high}
    return [city for city in geonames.cities if low <= city["population"] < high and fold(city["name"]) not in known]


def reasons_for(city: dict, checks: dict) -> list[str]:
    """Every check the city's name fails, each with what it collided with."""
    key, name = fold(city["name"]), city["name"]
    reasons = []
    if key in checks["lexicon"]:
        reasons.append("lexicon")
    if key in checks["actors"]:
        reasons.append(f"actor ({checks['actors'][key]})")
    if key in checks["countries"]:
        reasons.append("country")
    note = namesake_note(city, checks["namesakes"])
    if note:
        reasons.append(note)
    if " " not in name and name.lower() in checks["lowercase"]:
        reasons.append("word")
    persons, places, _ = checks["ner"]
    if persons[key] > places[key]:
        reasons.append(f"person ({persons[key]} PER / {places[key]} LOC)")
    return reasons


@click.command()
@click.option("--min-population", type=int, default=100_000, show_default=True, help="The threshold to try.")
@click.option("--old-population", type=int, default=500_000, show_default=True,
              help="The threshold before: cities at or above it are not new.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="config.yaml giving models_dir and training_data_dir (the UD and CoNLL-2002 files).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write here, not stdout.")
def main(min_population: int, old_population: int, config_file: Path | None, out: Path | None) -> None:
    """Print the new city names that collide and are not yet in ambiguous_names.txt, with their reasons."""
    try:
        settings = load_settings(config_file)
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    models_dir = settings.models_dir
    ud_dir, ner_dir = settings.training_data_dir / UD_SUBDIR, settings.training_data_dir / NER_SUBDIR
    places_dir = models_dir / "places"
    for folder in (places_dir, models_dir / "lexicon", models_dir / "actors", ud_dir, ner_dir):
        if not folder.is_dir():
            raise click.ClickException(f"{folder}: folder not found")
    geonames = GeoNames()
    cities = new_cities(geonames, (min_population, old_population), hand_listed_names(places_dir))
    ambiguous = read_ambiguous(places_dir / "ambiguous_names.txt")
    checks = {
        "lexicon": lexicon_words(models_dir / "lexicon"), "actors": actor_names(models_dir / "actors"),
        "countries": country_and_region_names(places_dir), "namesakes": cities_by_name(geonames),
        "ner": read_conll2002(ner_dir),
    }
    checks["lowercase"] = lowercase_forms(ud_dir) | checks["ner"][2]
    lines = []
    for city in cities:
        reasons = [] if fold(city["name"]) in ambiguous else reasons_for(city, checks)
        if reasons:
            lines.append(f"{city['name']}\t{city['countrycode']}\t{city['population']}\t{'; '.join(reasons)}")
    text = "\n".join(lines) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    names = {fold(city["name"]) for city in cities}
    click.echo(f"{len(names)} new names ({len(cities)} cities) in [{min_population:,}, {old_population:,}); "
               f"{len(names & ambiguous)} left out by ambiguous_names.txt; {len(lines)} more flagged", err=True)


if __name__ == "__main__":
    main()
