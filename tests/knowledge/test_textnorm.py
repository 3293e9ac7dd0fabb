"""fold() must make spelling variants of one name meet, and nothing more."""
import pytest

from pipeline.knowledge.textnorm import fold, strip_accents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Genève", "geneve"),
        ("Oekraïense", "oekraiense"),
        ("PEKING", "peking"),
        ("Noord-Koreaanse", "noord koreaanse"),
        ("'s-Gravenhage", "s gravenhage"),
        ("Xi’an", "xi an"),
        ("  Den \t  Haag ", "den haag"),
        ("Łódź", "lodz"),
        ("İzmir", "izmir"),
        ("Zürich–Genève", "zurich geneve"),
    ],
)
def test_fold_makes_spelling_variants_equal(text, expected):
    assert fold(text) == expected


def test_fold_keeps_distinct_names_distinct():
    assert fold("Noord-Korea") != fold("Zuid-Korea")


def test_strip_accents_keeps_case_and_hyphens():
    assert strip_accents("Oekraïense Élysée-paleis") == "Oekraiense Elysee-paleis"
