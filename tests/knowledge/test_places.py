"""The gazetteer: Dutch place names, country names and demonyms resolve to the right English record."""
from pathlib import Path

import pytest

from pipeline.config import load_settings
from pipeline.knowledge.gazetteer import COUNTRY_COLUMNS, PLACE_COLUMNS, PLACE_OPTIONAL, Gazetteer
from pipeline.knowledge.tables import read_table
from scripts.check_city_names import namesake_note

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def places_dir() -> Path:
    return load_settings(PROJECT / "config.yaml").models_dir / "places"


@pytest.fixture(scope="module")
def gazetteer(places_dir) -> Gazetteer:
    return Gazetteer.load(places_dir)


@pytest.mark.parametrize(
    ("surface", "name", "country"),
    [
        ("Peking", "Beijing", "CHN"),
        ("Moskou", "Moscow", "RUS"),
        ("Pjongjang", "Pyongyang", "PRK"),
        ("Seoel", "Seoul", "KOR"),
        ("Den Haag", "The Hague", "NLD"),
        ("'s-Gravenhage", "The Hague", "NLD"),
        ("Genève", "Geneva", "CHE"),
        ("geneve", "Geneva", "CHE"),
        ("Sotsji", "Sochi", "RUS"),
        ("Keulen", "Cologne", "DEU"),
        ("Kiev", "Kyiv", "UKR"),
        ("Vladivostok", "Vladivostok", "RUS"),
        ("Russkieiland", "Russky Island", "RUS"),
        ("Witte Huis", "White House", "USA"),
    ],
)
def test_find_place_resolves_dutch_names(gazetteer, surface, name, country):
    place = gazetteer.find_place(surface)
    assert place is not None
    assert (place.name, place.country) == (name, country)


def test_find_place_unknown_name_is_none(gazetteer):
    assert gazetteer.find_place("Nergenshuizen") is None


def test_ambiguous_city_name_is_left_out(gazetteer):
    # 'Van' (Turkey) and 'Jos' (Nigeria) are a Dutch preposition and a Dutch first name.
    assert gazetteer.find_place("Van") is None
    assert gazetteer.find_place("Jos") is None


def test_city_of_a_hundred_thousand_is_listed(gazetteer):
    # Tilburg (about 200,000 inhabitants, in no hand-written file) was below the earlier 500,000 threshold.
    tilburg = gazetteer.find_place("Tilburg")
    assert (tilburg.name, tilburg.country) == ("Tilburg", "NLD")


@pytest.mark.parametrize("word", ["Welkom", "Hollywood", "Ajax", "Engels", "Tours"])
def test_new_city_name_that_means_something_else_is_left_out(gazetteer, word):
    assert gazetteer.find_place(word) is None


def test_abbreviated_saint_petersburg_is_the_russian_city(gazetteer):
    # GeoNames names St. Petersburg, Florida, that way; Dutch news means the Russian city.
    assert gazetteer.find_place("St. Petersburg").country == "RUS"


@pytest.mark.parametrize(("namesake_population", "flagged"), [(100_000, True), (50_000, False)])
def test_namesake_elsewhere_flags_a_city_unless_far_smaller(namesake_population, flagged):
    city = {"name": "Brest", "countrycode": "BY", "population": 300_000}
    other = {"name": "Brest", "countrycode": "FR", "population": namesake_population}
    assert bool(namesake_note(city, {"brest": [city, other]})) is flagged


def test_shared_city_name_goes_to_the_hand_listed_city(gazetteer):
    # GeoNames ranks Valencia (Venezuela) above Valencia (Spain) by population.
    assert gazetteer.find_place("Valencia").country == "ESP"


def test_venue_city_is_its_parent(gazetteer):
    hall = gazetteer.find_place("Grote Hal van het Volk")
    assert hall.kind == "venue"
    assert gazetteer.city_of(hall).name == "Beijing"


@pytest.mark.parametrize(
    ("surface", "city"),
    [
        ("Downing Street", "London"),
        ("Buckinghampaleis", "London"),
        ("Wetstraat 16", "Brussels"),
        ("Hertoginnedal", "Brussels"),
        ("Torentje", "The Hague"),
        ("Bondskanselarij", "Berlin"),
        ("slot Meseberg", "Meseberg"),
        ("Mar-a-Lago", "Palm Beach"),
        ("Novo-Ogarjovo", "Moscow"),
        ("Blauwe Huis", "Seoul"),
    ],
)
def test_seat_of_government_gives_its_city(gazetteer, surface, city):
    venue = gazetteer.find_place(surface)
    assert venue.kind == "venue"
    assert gazetteer.city_of(venue).name == city


@pytest.mark.parametrize(("surface", "region"), [("Camp David", "Maryland"), ("Chequers", "Buckinghamshire")])
def test_country_house_outside_cities_gives_its_region(gazetteer, surface, region):
    place = gazetteer.city_of(gazetteer.find_place(surface))
    assert (place.name, place.kind) == (region, "region")


def test_city_of_a_city_is_itself(gazetteer):
    beijing = gazetteer.find_place("Peking")
    assert gazetteer.city_of(beijing) is beijing


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Noord-Koreaanse", "PRK"),
        ("Noord-Koreaans", "PRK"),
        ("Zuid-Koreaanse", "KOR"),
        ("Russische", "RUS"),
        ("Belgische", "BEL"),
        ("Keniaanse", "KEN"),
        ("Chinese", "CHN"),
        ("Amerikaanse", "USA"),
        ("Britse", "GBR"),
        ("Oekraiense", "UKR"),
    ],
)
def test_country_by_demonym(gazetteer, word, iso3):
    assert gazetteer.country_by_demonym(word) == iso3


@pytest.mark.parametrize(
    ("surface", "iso3"),
    [
        ("Rusland", "RUS"),
        ("Noord-Korea", "PRK"),
        ("Verenigde Staten", "USA"),
        ("VS", "USA"),
        ("Amerika", "USA"),
        ("Verenigd Koninkrijk", "GBR"),
        ("China", "CHN"),
        ("Oekraïne", "UKR"),
        ("Europese Unie", "EUU"),
    ],
)
def test_country_by_name(gazetteer, surface, iso3):
    assert gazetteer.country_by_name(surface) == iso3


def test_england_is_not_the_united_kingdom(gazetteer):
    assert gazetteer.country_by_name("Engeland") is None


def test_england_is_a_region_of_the_united_kingdom(gazetteer):
    england = gazetteer.find_place("Engeland")
    assert (england.kind, england.country) == ("region", "GBR")


def test_capital_of_china_is_beijing(gazetteer):
    assert gazetteer.capital_of("CHN").name == "Beijing"


def test_vladivostok_coordinates(gazetteer):
    place = gazetteer.find_place("Vladivostok")
    assert abs(place.latitude - 43.1) < 0.1
    assert abs(place.longitude - 131.9) < 0.1


def test_ruler_forms_include_accent_free_spelling(gazetteer):
    assert ("Oekraiense", "UKR") in set(gazetteer.demonyms())
    assert ("Oekraïne", "UKR") in set(gazetteer.country_names())


def test_every_venue_is_in_the_generated_cities_file(gazetteer, places_dir):
    # cities.tsv is generated from venues.tsv; a stale build would lose hand-written venues.
    for row in read_table(places_dir / "venues.tsv", PLACE_COLUMNS, PLACE_OPTIONAL):
        place = gazetteer.find_place(row["name"])
        assert place is not None and place.country == row["country"], row["name"]


def write_places(folder: Path, country_rows: list[str], place_rows: list[str]) -> Path:
    """A miniature places folder in the real format."""
    (folder / "countries.tsv").write_text(
        "# test countries\n# FORMAT: " + "<TAB>".join(COUNTRY_COLUMNS) + "\n" + "".join(r + "\n" for r in country_rows),
        encoding="utf-8")
    (folder / "cities.tsv").write_text(
        "# test places\n# FORMAT: " + "<TAB>".join(PLACE_COLUMNS) + "\n" + "".join(r + "\n" for r in place_rows),
        encoding="utf-8")
    return folder


RUSSIA = "RUS\tRU\tRussia\tRusland\t\tRussisch|Russische\tMoscow"
MOSCOW = "Moscow\tRUS\t55.75\t37.62\tMoskou\tcity\t"


def test_minimal_folder_loads(tmp_path):
    gazetteer = Gazetteer.load(write_places(tmp_path, [RUSSIA], [MOSCOW]))
    assert gazetteer.capital_of("RUS").name == "Moscow"


def test_row_with_missing_field_names_file_and_line(tmp_path):
    write_places(tmp_path, [RUSSIA], [MOSCOW, "Sochi\tRUS\t43.6\t39.7\tcity\t"])
    with pytest.raises(ValueError, match=r"cities\.tsv:4: expected 7 tab-separated field\(s\) \(name, .*\), found 6"):
        Gazetteer.load(tmp_path)


def test_unknown_kind_is_refused(tmp_path):
    write_places(tmp_path, [RUSSIA], ["Kremlin\tRUS\t55.75\t37.62\t\tpalace\tMoscow"])
    with pytest.raises(ValueError, match=r"cities\.tsv:3: expected one of city, venue, landmark, island, region, got 'palace'"):
        Gazetteer.load(tmp_path)


def test_latitude_out_of_range_is_refused(tmp_path):
    write_places(tmp_path, [RUSSIA], ["Moscow\tRUS\t155.75\t37.62\t\tcity\t"])
    with pytest.raises(ValueError, match=r"cities\.tsv:3: latitude 155\.75 is outside"):
        Gazetteer.load(tmp_path)


def test_unknown_parent_is_refused(tmp_path):
    write_places(tmp_path, [RUSSIA], [MOSCOW, "Kremlin\tRUS\t55.75\t37.62\t\tvenue\tSt Petersburg"])
    with pytest.raises(ValueError, match=r"cities\.tsv:4: parent 'St Petersburg'"):
        Gazetteer.load(tmp_path)


def test_demonym_of_two_countries_is_refused(tmp_path):
    belarus = "BLR\tBY\tBelarus\tBelarus\t\tRussische\tMinsk"
    write_places(tmp_path, [RUSSIA, belarus], [MOSCOW])
    with pytest.raises(ValueError, match=r"countries\.tsv:4: demonym 'Russische' of BLR already belongs to RUS"):
        Gazetteer.load(tmp_path)


def test_wrong_format_line_is_refused(tmp_path):
    write_places(tmp_path, [RUSSIA], [MOSCOW])
    path = tmp_path / "cities.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("<TAB>parent", "<TAB>city_parent"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"cities\.tsv:2: '# FORMAT:' declares the columns .*city_parent"):
        Gazetteer.load(tmp_path)
