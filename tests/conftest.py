"""Shared fixtures: the project's settings, one rule-only pipeline per session, a config writer.

Building the pipeline loads every gazetteer and pattern file (about a second), so the tests of the
run and CLI stages share one instance instead of building it per test.
"""
from __future__ import annotations

from pathlib import Path

import pytest
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
