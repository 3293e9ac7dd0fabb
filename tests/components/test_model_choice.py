"""Model choice and label mapping: the event stage must not depend on one model's label names."""
from __future__ import annotations

import spacy
import pytest

from pipeline.config import load_settings
from pipeline.components.assemble import add_components, load_base_model
from pipeline.records import Article, PartialDate
from pipeline.reading.cleaning import clean

TEXT = "De Keniaanse president Wanjiru Kamau Otieno ontmoette dinsdag in Parijs de Franse president Emmanuel Macron."


def _pipeline_with_ner_label(label: str):
    """A stand-in for a trained model: an entity ruler that tags the unknown name with `label`."""
    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": label, "pattern": "Wanjiru Kamau Otieno"}])
    return add_components(nlp, load_settings().models_dir)


def _meetings(nlp, text: str, published: str):
    doc = nlp.make_doc(text)
    doc._.article = Article("t", PartialDate.parse(published), text, "test")
    doc._.clean = clean(text)
    return nlp(doc)._.mentions


def _unknown_leader(label: str):
    mentions = _meetings(_pipeline_with_ner_label(label), TEXT, "2024-05-16")
    assert len(mentions) == 1
    names = {actor.name: actor for actor in mentions[0].participants}
    assert set(names) == {"Wanjiru Kamau Otieno", "Emmanuel Macron"}
    return names["Wanjiru Kamau Otieno"]


@pytest.mark.parametrize("label", ["PERSON", "PER"])  # nl_core_news_sm's label, and CoNLL's / ours
def test_person_entity_of_either_label_set_names_an_unknown_leader(label):
    # "Wanjiru Kamau Otieno" is an invented name, not in models/actors: the model's entity names it.
    leader = _unknown_leader(label)
    assert (leader.country, leader.qid, leader.link_rule) == ("KEN", "", "unknown_ner")


def test_a_label_outside_the_table_is_not_taken_for_a_person():
    # PRODUCT maps to OTHER: the name is still read from its capitals, but not as a person entity.
    assert _unknown_leader("PRODUCT").link_rule == "unknown"


def test_missing_configured_model_falls_back_and_says_why(tmp_path):
    choice = load_base_model("nl_model_that_is_not_installed", tmp_path / "no_model_here")
    assert choice.name == "blank:nl"
    assert "nl_model_that_is_not_installed is not installed" in choice.note


def test_bundled_model_is_used_when_the_configured_one_is_missing():
    bundled = load_settings().fallback_model
    if not (bundled / "config.cfg").is_file():
        pytest.skip("the bundled model models/nl_summit_sm is not present in this checkout")
    choice = load_base_model("nl_model_that_is_not_installed", bundled)
    assert choice.name == bundled.name and "project's own model" in choice.note
    assert choice.nlp.has_pipe("ner") and choice.nlp.has_pipe("morphologizer")
    # no rule reads a dependency: the parser is not loaded (a third of the model's time)
    assert not choice.nlp.has_pipe("parser")
    shipped = load_base_model("nl_model_that_is_not_installed", bundled, exclude=())
    assert shipped.nlp.has_pipe("parser")


def test_run_with_the_bundled_model_writes_rows(tmp_path):
    """The trained parser has no error-handler hook in spaCy 3.8: the run must still go through."""
    from pipeline.run import run

    settings = load_settings()
    if not (settings.fallback_model / "config.cfg").is_file():
        pytest.skip("the bundled model models/nl_summit_sm is not present in this checkout")
    article = tmp_path / "a.txt"
    article.write_text(" date 2019-04-25 De Russische president Vladimir Poetin en de Noord-Koreaanse leider "
                       "Kim Jong-un hebben elkaar donderdag in Vladivostok ontmoet.\n", encoding="utf-8")
    result = run(settings, [article], tmp_path / "out", show_progress=False, use_model=True)
    assert result.report["model"] != "blank:nl"
    assert [sorted(a.name for a in m.participants) for m in result.mentions] == [["Kim Jong-un", "Vladimir Putin"]]
