"""Cleaning: web leftovers and credits go, quotes and whitespace are folded, offsets point at the raw text."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reading.cleaning import clean, junk_spans, load_junk_rules
from tests.conftest import ARTICLES, REPO

RULES = load_junk_rules(REPO / "models" / "lexicon" / "web_junk.txt")
# Typographic characters and the ASCII the cleaner folds them to, typed by hand from the issue's
# "normalise quotes": anything else must come through unchanged.
FOLDED = {"\u201e": '"', "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'",
          "\u2019": "'", "\u2013": "-", "\u2014": "-"}


def cleaned(text: str) -> str:
    return clean(text, RULES).text


@pytest.mark.parametrize("raw, expected", [
    ("Poetin {{ trans('customs.buttons.signup') }} en Kim.", "Poetin en Kim."),
    ("Poetin{{ title }}{{ subTitle }} en Kim.", "Poetin en Kim."),
    ("Poetin {% if user %} en Kim.", "Poetin en Kim."),
    ("Poetin <div class=\"x\">en</div> Kim.", "Poetin en Kim."),
])
def test_templating_is_removed(raw, expected):
    assert cleaned(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Kim reisde af. Vul een geldig emailadres in. Poetin wachtte.", "Kim reisde af. Poetin wachtte."),
    ("Kim reisde af.\n\nSchrijf je nu in voor onze nieuwsbrief.\n\nPoetin wachtte.", "Kim reisde af.\n\nPoetin wachtte."),
    ("Kim reisde af.\n\nLees ook: Poetin ontvangt Kim in Vladivostok\n\nPoetin wachtte.", "Kim reisde af.\n\nPoetin wachtte."),
    ("Kim reisde af.\nAdvertentie\nPoetin wachtte.", "Kim reisde af.\n\nPoetin wachtte."),
])
def test_newsletter_and_other_widgets_are_removed(raw, expected):
    assert cleaned(raw) == expected


@pytest.mark.parametrize("text", [
    "De krant plaatste een advertentie over de top.",
    "Wie meer wil weten, lees ook het rapport van de VN.",
])
def test_widget_words_inside_a_sentence_stay(text):
    assert cleaned(text) == text


@pytest.mark.parametrize("raw, expected", [
    ("Kim en Xi poseren op woensdag. Foto Reuters via CCTV\n\nXi aanvaardde.", "Kim en Xi poseren op woensdag.\n\nXi aanvaardde."),
    ("Poetin ontmoette Kim.(foto: AFP) Daarna vertrok hij.", "Poetin ontmoette Kim. Daarna vertrok hij."),
    ("Poetin ontmoette Kim. (Foto: ANP) Daarna vertrok hij.", "Poetin ontmoette Kim. Daarna vertrok hij."),
    ("Poetin ontmoette Kim.\nBeeld ANP\nDaarna vertrok hij.", "Poetin ontmoette Kim. Daarna vertrok hij."),
    ("Poetin ontmoette Kim. Beeld ANP\n\nDaarna vertrok hij.", "Poetin ontmoette Kim.\n\nDaarna vertrok hij."),
])
def test_photo_credits_are_removed(raw, expected):
    assert cleaned(raw) == expected


def test_quotes_and_dashes_are_folded_to_ascii():
    assert cleaned("\u201eWe zijn vrienden\u201d, zei Kim \u2013 \u2018echt\u2019.") == '"We zijn vrienden", zei Kim - \'echt\'.'


@pytest.mark.parametrize("raw, expected", [
    ("Poetin  \t ontmoette\u00a0Kim.", "Poetin ontmoette Kim."),
    ("Poetin\nontmoette Kim.", "Poetin ontmoette Kim."),
    ("Poetin.\n\n\n\nKim.", "Poetin.\n\nKim."),
    ("Poetin.\r\n\r\nKim.", "Poetin.\n\nKim."),
    ("Poetin.\n   \nKim.", "Poetin.\n\nKim."),
    ("  \n Poetin. \n ", "Poetin."),
    ("Poe\u00adtin\u200b.", "Poetin."),
])
def test_whitespace_is_squeezed_and_paragraphs_kept(raw, expected):
    assert cleaned(raw) == expected


def test_header_before_body_start_is_dropped():
    assert clean(" date 2019-04 Poetin ontmoette Kim.", RULES, 14).text == "Poetin ontmoette Kim."


def test_fixture_cleans_to_hand_written_text():
    raw = (ARTICLES / "meeting_credit.txt").read_text(encoding="utf-8")
    assert clean(raw, RULES, 14).text == (
        "Premier Mark Rutte heeft maandag in Berlijn bondskanselier Angela Merkel ontmoet.\n\n"
        'De twee spraken over de "Brexit" en over migratie. Volgens Rutte was het een goed gesprek.\n\n'
        "Merkel en Rutte ontmoeten elkaar volgende maand opnieuw in Den Haag.")


def raw_files() -> list[Path]:
    return sorted((REPO / "corpus").glob("*.txt")) + [ARTICLES / "meeting_credit.txt"]


@pytest.mark.parametrize("path", raw_files(), ids=lambda path: path.name)
def test_every_clean_character_comes_from_the_same_raw_character(path):
    raw = path.read_text(encoding="utf-8")
    result = clean(raw, RULES, 14)
    assert len(result.offsets) == len(result.text)
    for char, offset in zip(result.text, result.offsets):
        source = raw[offset]
        if char.isspace():
            assert source.isspace()
        else:
            assert FOLDED.get(source, source) == char


@pytest.mark.parametrize("path", raw_files(), ids=lambda path: path.name)
def test_offsets_never_go_backwards(path):
    offsets = clean(path.read_text(encoding="utf-8"), RULES, 14).offsets
    assert all(later >= earlier for earlier, later in zip(offsets, offsets[1:]))


def test_raw_span_slices_the_sentence_out_of_the_raw_text():
    raw = (ARTICLES / "meeting_credit.txt").read_text(encoding="utf-8")
    result = clean(raw, RULES, 14)
    sentence = "Merkel en Rutte ontmoeten elkaar volgende maand opnieuw in Den Haag."
    start = result.text.index(sentence)
    raw_start, raw_end = result.raw_span(start, start + len(sentence))
    assert raw[raw_start:raw_end] == sentence
    assert raw_start == raw.index(sentence)


def test_raw_span_of_a_folded_quote_covers_the_typographic_quotes():
    raw = "Kim zei \u201eja\u201d."
    result = clean(raw)
    start = result.text.index('"ja"')
    assert result.raw_span(start, start + 4) == (8, 12)


def test_junk_spans_cover_exactly_the_removed_characters():
    text = "Kim (foto: AFP) Xi"
    assert junk_spans(text, RULES) == [(4, 15)]  # "(foto: AFP)" and the space after it


def test_cleaning_five_megabytes_of_widget_lines_is_quick():
    junk = "{{ trans('customs.newsletter_signup.header') }}\n" * 100_000  # 4.8 MB
    assert cleaned(junk + "Poetin ontmoette Kim.") == "Poetin ontmoette Kim."


@pytest.mark.parametrize("line, message", [
    ("widget Lees ook", r"expected 2 tab-separated field\(s\) \(kind, regex\), found 1"),
    ("banner\tLees ook", "expected one of byline, credit, template, widget, got 'banner'"),
    ("widget\t(Lees ook", "not a valid regular expression"),
])
def test_bad_junk_rule_line_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "junk.txt"
    path.write_text(f"# header\n# FORMAT: kind<TAB>regex\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as caught:
        load_junk_rules(path)
    assert str(caught.value).startswith(f"{path}:3:")


def test_junk_rules_file_has_a_header_with_source_and_format():
    lines = (REPO / "models" / "lexicon" / "web_junk.txt").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert any("Source:" in line for line in header) and any(line.startswith("# FORMAT:") for line in header)


@pytest.mark.parametrize("raw, kept", [
    (" date 2017-05-09 Door: redactie\n\nPoetin ontving Xi.", "Poetin ontving Xi."),
    (" date 2018-06 vrijdag 22 juni 2018 , 4:10\n\nPoetin ontving Xi.", "Poetin ontving Xi."),
    (" date 2025-12 donderdag, 04 december 2025 om 21:14\n\nPoetin ontving Xi.", "Poetin ontving Xi."),
    (" date 2017-05 9/05/17 - 06u51 Bron: Belga\n\nPoetin ontving Xi.", "Poetin ontving Xi."),
    (" date 2019-09 Maduro in Moskou\n\n15u41\n\nPoetin ontving Xi.", "Maduro in Moskou\n\nPoetin ontving Xi."),
    (" date 2025-12 ECONOMIE\n\nPoetin ontving Xi.", "Poetin ontving Xi."),
    (" date 2017-05 Merkel en Hollande bij het diner. © imagedesk.\n\nPoetin ontving Xi.",
     "Merkel en Hollande bij het diner.\n\nPoetin ontving Xi."),
])
def test_bylines_time_stamps_and_section_labels_are_no_text(raw, kept):
    assert clean(raw, RULES, raw.index(" ", 6) + 1).text == kept


def test_a_time_in_a_sentence_and_a_capitalised_dateline_stay():
    raw = " date 2025-07 WASHINGTON (ANP) - Trump ontvangt Netanyahu om 15:00 uur.\n\nNAVO en EU reageerden."
    assert clean(raw, RULES, raw.index(" ", 6) + 1).text == raw[raw.index(" ", 6) + 1:]
