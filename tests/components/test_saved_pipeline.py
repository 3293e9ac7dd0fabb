"""A saved pipeline is a real spaCy pipeline: `spacy.load` in a fresh process, with no models/ folder and no
config.yaml in reach, gives the same mentions as the pipeline that was saved."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.run import run
from tests.conftest import REPO

# Run in a folder without config.yaml or models/: everything must come from the saved pipeline.
LOAD_AND_RUN = """
import sys
from pathlib import Path
import spacy
from pipeline.components.assemble import ModelChoice
from pipeline.config import load_settings
from pipeline.run import run
nlp = spacy.load(sys.argv[1])
settings = load_settings(sys.argv[4])
run(settings, [Path(sys.argv[2])], Path(sys.argv[3]), show_progress=False, choice=ModelChoice(nlp, "saved", "saved"))
"""


@pytest.mark.parametrize("corpus", ["corpus", "tests/data/dev"])
def test_saved_pipeline_loads_with_spacy_load_and_gives_the_same_mentions(rule_pipeline, project_settings,
                                                                          tmp_path, corpus):
    saved = tmp_path / "pipeline"
    rule_pipeline.nlp.to_disk(saved)
    here = run(project_settings, [REPO / corpus], tmp_path / "here", show_progress=False, choice=rule_pipeline)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The settings only give reading options (date words, junk rules); the pipeline's data comes from `saved`.
    # The code is this checkout's: an editable install in a shared virtualenv may point at another worktree.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    subprocess.run([sys.executable, "-c", LOAD_AND_RUN, str(saved), str(REPO / corpus), str(tmp_path / "there"),
                    str(REPO / "config.yaml")], cwd=elsewhere, check=True, capture_output=True, env=env)
    assert here.report["counts"]["mentions"] > 10
    for name in ("mentions.csv", "events.csv"):
        assert (tmp_path / "there" / name).read_bytes() == (tmp_path / "here" / name).read_bytes()


def test_saved_pipeline_carries_its_data(rule_pipeline, tmp_path):
    saved = tmp_path / "pipeline"
    rule_pipeline.nlp.to_disk(saved)
    assert (saved / "summit_knowledge_ruler" / "patterns.jsonl").stat().st_size > 100_000
    assert (saved / "summit_events" / "patterns" / "triggers.jsonl").is_file()
    assert (saved / "summit_linker" / "actors" / "world.tsv").is_file()
    assert (saved / "summit_dates" / "lexicon" / "dates" / "rules.txt").is_file()


def test_component_without_data_says_how_to_give_it(tmp_path):
    import spacy

    import pipeline.components.linker  # noqa: F401
    nlp = spacy.blank("nl")
    nlp.add_pipe("summit_linker")
    with pytest.raises(ValueError, match="summit_linker.*initialize"):
        nlp("Rutte sprak met Macron.")
