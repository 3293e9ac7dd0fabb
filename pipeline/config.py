"""Load and validate config.yaml into a frozen settings object.

Every data path the pipeline reads comes from here, resolved relative to the config file, so the
package never guesses where the repository is.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

CONFIG_ENV = "SUMMITS_CONFIG"
_PATH_KEYS = ("fallback_model", "models_dir", "corpus_dir", "output_dir", "gold_file", "training_data_dir")
_DEFAULTS = {
    "spacy_model": "nl_core_news_sm",
    "fallback_model": "models/nl_summit_sm",
    "models_dir": "models",
    "corpus_dir": "corpus",
    "output_dir": "outputs",
    "gold_file": "corpus/gold/events.csv",
    "training_data_dir": "../shared/data",
    "batch_size": 32,
    "n_process": 1,
    "max_file_bytes": 2_000_000,
    "max_batch_chars": 2_000_000,
    "use_model": False,
    "min_confidence": 0.0,
    "spreadsheet_csv": True,
}


class ConfigError(ValueError):
    """A user-facing configuration problem; the CLI prints it as one line."""


@dataclass(frozen=True)
class Settings:
    config_path: Path
    spacy_model: str
    fallback_model: Path
    models_dir: Path
    corpus_dir: Path
    output_dir: Path
    gold_file: Path
    training_data_dir: Path
    batch_size: int
    n_process: int
    max_file_bytes: int
    max_batch_chars: int
    use_model: bool
    min_confidence: float
    spreadsheet_csv: bool


def find_config(explicit: str | os.PathLike | None = None) -> Path:
    """--config, else $SUMMITS_CONFIG, else ./config.yaml: the project folder is where you run it."""
    candidate = explicit or os.environ.get(CONFIG_ENV) or "config.yaml"
    path = Path(candidate)
    if not path.is_file():
        raise ConfigError(
            f"config file not found: {path} (run from the project folder, pass --config, or set {CONFIG_ENV})"
        )
    return path.resolve()


def load_settings(explicit: str | os.PathLike | None = None) -> Settings:
    """Read, check and resolve the configuration; raise ConfigError naming the bad key."""
    path = find_config(explicit)
    raw = _read_yaml(path)
    unknown = sorted(set(raw) - set(_DEFAULTS))
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; allowed: {', '.join(_DEFAULTS)}")
    values = {**_DEFAULTS, **raw}
    _check_values(path, values)
    for key in _PATH_KEYS:
        values[key] = (path.parent / values[key]).resolve()
    return Settings(config_path=path, **values)


def _read_yaml(path: Path) -> dict:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}{where}: not valid YAML ({getattr(error, 'problem', None) or 'syntax error'})") \
            from None
    except (UnicodeDecodeError, OSError) as error:
        raise ConfigError(f"{path}: cannot read the file ({error.__class__.__name__})") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of settings, got {type(raw).__name__}")
    return raw


def _check_values(path: Path, values: dict) -> None:
    """Types and ranges; YAML's `true` is an int to Python, so booleans are refused explicitly."""
    for key in ("batch_size", "n_process", "max_file_bytes", "max_batch_chars"):
        value = values[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{path}: {key} must be a positive whole number, got {value!r}")
    for key in ("use_model", "spreadsheet_csv"):
        if not isinstance(values[key], bool):
            raise ConfigError(f"{path}: {key} must be true or false, got {values[key]!r}")
    value = values["min_confidence"]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ConfigError(f"{path}: min_confidence must be a number in [0, 1], got {value!r}")
    for key in ("spacy_model", *_PATH_KEYS):
        if not isinstance(values[key], str) or not values[key].strip():
            raise ConfigError(f"{path}: {key} must be a non-empty text, got {values[key]!r}")
