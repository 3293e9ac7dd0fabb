"""config.yaml: paths relative to the file, every bad key or value named in a ConfigError."""
from __future__ import annotations

import pytest

from pipeline.config import CONFIG_ENV, ConfigError, load_settings
from tests.conftest import REPO


def config_file(tmp_path, text: str):
    folder = tmp_path / "project"
    folder.mkdir(exist_ok=True)
    path = folder / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_paths_are_resolved_relative_to_the_config_file(tmp_path, monkeypatch):
    path = config_file(tmp_path, "corpus_dir: data/in\ntraining_data_dir: ../shared\n")
    monkeypatch.chdir(REPO)  # the working folder must not matter
    settings = load_settings(path)
    assert settings.corpus_dir == tmp_path / "project" / "data" / "in"
    assert settings.training_data_dir == tmp_path / "shared"


def test_absolute_path_is_kept(tmp_path):
    settings = load_settings(config_file(tmp_path, f"models_dir: {REPO / 'models'}\n"))
    assert settings.models_dir == REPO / "models"


def test_missing_keys_take_defaults_next_to_the_config(tmp_path):
    settings = load_settings(config_file(tmp_path, "# nothing set\n"))
    assert (settings.batch_size, settings.n_process, settings.max_file_bytes) == (32, 1, 2_000_000)
    assert settings.spacy_model == "nl_core_news_sm"
    assert settings.output_dir == tmp_path / "project" / "outputs"
    assert settings.gold_file == tmp_path / "project" / "corpus" / "gold" / "events.csv"


def test_project_config_is_valid():
    settings = load_settings(REPO / "config.yaml")
    assert settings.models_dir == REPO / "models" and settings.corpus_dir == REPO / "corpus"


def test_unknown_key_is_named(tmp_path):
    path = config_file(tmp_path, "corpus_folder: corpus\n")
    with pytest.raises(ConfigError, match=r"unknown setting\(s\) corpus_folder; allowed: spacy_model"):
        load_settings(path)


@pytest.mark.parametrize("line, key", [
    ("batch_size: veel", "batch_size"),
    ("batch_size: 0", "batch_size"),
    ("batch_size: true", "batch_size"),
    ("n_process: 1.5", "n_process"),
    ("max_file_bytes: -1", "max_file_bytes"),
    ("min_confidence: 2", "min_confidence"),
    ("min_confidence: hoog", "min_confidence"),
    ("min_confidence: yes", "min_confidence"),
    ("spacy_model:", "spacy_model"),
    ("spacy_model: 3", "spacy_model"),
    ("corpus_dir: [a, b]", "corpus_dir"),
    ("models_dir: ''", "models_dir"),
    ("output_dir:", "output_dir"),
])
def test_bad_value_is_named(tmp_path, line, key):
    path = config_file(tmp_path, line + "\n")
    with pytest.raises(ConfigError, match=f"^{path}: {key} must be"):
        load_settings(path)


def test_invalid_yaml_names_file_and_line(tmp_path):
    path = config_file(tmp_path, "batch_size: 32\nn_process: [1, 2\nmodels_dir: models\n")
    with pytest.raises(ConfigError, match=f"^{path}:\\d+: not valid YAML") as caught:
        load_settings(path)
    assert "\n" not in str(caught.value)


def test_top_level_list_is_refused(tmp_path):
    path = config_file(tmp_path, "- batch_size\n- 32\n")
    with pytest.raises(ConfigError, match="expected a mapping of settings, got list"):
        load_settings(path)


def test_missing_config_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=f"config file not found: {tmp_path / 'nope.yaml'}"):
        load_settings(tmp_path / "nope.yaml")


def test_environment_variable_names_the_config(tmp_path, monkeypatch):
    path = config_file(tmp_path, "batch_size: 4\n")
    monkeypatch.setenv(CONFIG_ENV, str(path))
    assert load_settings().batch_size == 4


def test_explicit_config_wins_over_environment(tmp_path, monkeypatch):
    path = config_file(tmp_path, "batch_size: 4\n")
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "elsewhere.yaml"))
    assert load_settings(path).batch_size == 4
