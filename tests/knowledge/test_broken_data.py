"""Every kind of data file under models/ is checked before any document is read: one broken line stops
`summits run` with exit status 3 and names the file and the line (issue 12)."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import ARTICLES, REPO, write_config

# (file under models/, a line appended to it that is wrong for that kind of file, what the message says)
BROKEN_LINES = [
    ("actors/world.tsv", "Nobody\tQ1\tNLD\tking\tmonarch\t2001-01-01\t\t\t\t", "expected one of"),
    ("actors/europe.tsv", "Nobody\tQ1\tNLD\thead_of_state\tmonarch\t2001-13-01\t\t\t\t", "not a date"),
    ("actors/family_relations.txt", "Kim Jong-un\tfather", "expected 3 tab-separated"),
    ("places/countries.tsv", "nld\tNL\tX\tY\t\t\t", "iso3 must be three capital letters"),
    ("places/cities.tsv", "Nergens\tNLD\tnoord\t5.0\t\tcity\t", "latitude is not a number"),
    ("lexicon/roles.tsv", "president", "expected 2 tab-separated"),
    ("lexicon/grammar.tsv", "of_preposition\tvan\textra", "expected 2 tab-separated"),
    ("lexicon/name_particles.txt", "van\tder", "expected 1 tab-separated"),
    ("lexicon/entity_labels.tsv", "PERSON\t", "column 'project_type' is empty"),
    ("lexicon/event_cues.tsv", "rumour\tgerucht", "cue kind 'rumour' is not declared"),
    ("lexicon/event_cue_kinds.tsv", "rumour\t2\ta kind without cues", "has no cue"),
    ("lexicon/event_cue_kinds.tsv", "negation\tthree\tnegation again", "expected a whole number"),
    ("lexicon/web_junk.txt", "widget\t(Lees ook", "not a valid regular expression"),
    ("lexicon/word_not_abbreviation.txt", "top\t.", "expected 1 tab-separated"),
    ("lexicon/dutch_function_words.txt", "de\thet", "expected 1 tab-separated"),
    ("lexicon/dates/months.txt", "brumaire\t13", "expected a whole number from 1 to 12"),
    ("lexicon/dates/rules.txt", "broken\t%MONTHZ", "unknown placeholder %MONTHZ"),
    ("lexicon/dates/tense_past.txt", "(?:had", "not a valid regular expression"),
    ("lexicon/dates/modals.tsv", "maybe\tmag", "expected one of modal, perfect"),
    ("patterns/triggers.jsonl", '{"id": "x", "kind": "meet", "form": "verb", "weight": 1, "patern": []}',
     "missing key(s) pattern"),
    ("patterns/triggers.jsonl", "{not json", "not JSON"),
]


@pytest.fixture(scope="module")
def models_copy(tmp_path_factory):
    """The project's data files without the statistical model (the rule pipeline does not need it)."""
    folder = tmp_path_factory.mktemp("pristine") / "models"
    shutil.copytree(REPO / "models", folder, ignore=shutil.ignore_patterns("nl_summit_sm*"))
    return folder


@pytest.mark.parametrize("relative, line, message", BROKEN_LINES, ids=[f"{r}:{m}" for r, _, m in BROKEN_LINES])
def test_broken_line_stops_the_run_with_exit_3_naming_file_and_line(models_copy, tmp_path, relative, line, message):
    models = tmp_path / "models"
    shutil.copytree(models_copy, models)
    path = models / relative
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    number = text.count("\n") + 1
    config = write_config(tmp_path, models_dir=str(models), output_dir=str(tmp_path / "out"))
    result = CliRunner().invoke(main, ["run", str(ARTICLES / "no_header.txt"), "--config", str(config), "--no-model"])
    assert result.exit_code == 3, result.output
    expected_where = f"{path}:{number}" if "no cue" not in message else str(models / "lexicon" / "event_cues.tsv")
    assert expected_where in result.stderr and message in result.stderr, result.stderr
    assert not (tmp_path / "out" / "mentions.csv").exists()  # nothing was read, nothing written
