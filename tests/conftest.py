"""Shared fixtures: the project's settings, one rule-only pipeline per session, a config writer.

Building the pipeline loads every gazetteer and pattern file (about a second), so the tests of the
run and CLI stages share one instance instead of building it per test.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import spacy
import yaml

from pipeline.config import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"


def write_config(folder: Path, **settings: object) -> Path:
    """A config.yaml in `folder` that uses the project's models/ (absolute) plus the given settings."""
    values = {"models_dir": str(REPO / "models"), "fallback_model": str(folder / "no_model_here"), **settings}
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(values), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def project_settings() -> Settings:
    """The repository's own config.yaml."""
    return load_settings(REPO / "config.yaml")


@pytest.fixture(scope="session")
def rule_pipeline(project_settings: Settings):
    """The full pipeline on spacy.blank("nl") (use_model=False), built once per test session."""
    from pipeline.components.assemble import build_pipeline

    return build_pipeline(project_settings, use_model=False)


@pytest.fixture(scope="session")
def date_lexicon(project_settings: Settings):
    """The project's Dutch date word lists, compiled (the date library needs them passed in)."""
    from pipeline.timex import load_lexicon

    return load_lexicon(project_settings.models_dir / "lexicon" / "dates")


@lru_cache(maxsize=1)
def linking_pipeline():
    """Blank Dutch plus the project's components, built once: the tests must run without nl_core_news_sm."""
    from pipeline.components.assemble import add_components
    from pipeline.knowledge.bundle import load_knowledge

    models_dir = load_settings(REPO / "config.yaml").models_dir
    return add_components(spacy.blank("nl"), models_dir), load_knowledge(models_dir)


def process(text: str, published: str, doc_id: str = "test"):
    """Run one article text, dated `published` (YYYY[-MM[-DD]]), through the rule pipeline."""
    from pipeline.reading.cleaning import clean
    from pipeline.records import Article, PartialDate

    nlp, _ = linking_pipeline()
    cleaned = clean(text)
    doc = nlp.make_doc(cleaned.text)
    doc._.article = Article(doc_id, PartialDate.parse(published), text, "test")
    doc._.clean = cleaned
    return nlp(doc)


def defect(reason: str, *values):
    """A table row the pipeline gets wrong today: a strict xfail, so the fix is noticed and the mark removed."""
    return pytest.param(*values, marks=pytest.mark.xfail(reason=reason, strict=True))


THURSDAY = "2019-09-05"


def meetings(text: str, published: str = THURSDAY) -> list:
    return process(text, published)._.mentions


def names(mention) -> set[str]:
    return {actor.name for actor in mention.participants}


def only_meeting(text: str, published: str = THURSDAY):
    found = meetings(text, published)
    assert len(found) == 1, f"expected one meeting in {text!r}, got {[sorted(names(m)) for m in found]}"
    return found[0]


def where(mention) -> tuple[str, str]:
    """(English city or '', ISO alpha-3 or '') as written to the CSV."""
    return (mention.place.name, mention.place.country) if mention.place else ("", "")
