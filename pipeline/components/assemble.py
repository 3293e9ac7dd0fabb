"""Build the spaCy pipeline: choose the Dutch model, then add the project's components in order and give
them their data.

Model choice lives here and only here: `nl_core_news_sm` (or whatever config.yaml names) when it is
installed, else the project's own `models/nl_summit_sm`, else a blank Dutch pipeline with a rule-based
sentencizer. Which one ran is reported on stderr and in run_report.json.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

import pipeline.components.dates  # noqa: F401  (registers the component factories)
import pipeline.components.events  # noqa: F401
import pipeline.components.linker  # noqa: F401
import pipeline.components.ruler  # noqa: F401
import pipeline.components.sentences  # noqa: F401
from pipeline.components.word_periods import split_word_periods
from pipeline.config import Settings

# The project's components in pipeline order; those with data get it from the models folder.
OUR_COMPONENTS = ("summit_fold_norm", "summit_knowledge_ruler", "summit_linker", "summit_dates", "summit_events")
DATA_COMPONENTS = ("summit_knowledge_ruler", "summit_linker", "summit_dates", "summit_events")
# Components of a trained model whose annotations no rule reads; not loading them saves time. The parser is one:
# sentences come from our rules and no rule reads a dependency (outputs byte-identical on every gold set without
# it, a third less time with the model). Morphologizer (part of speech) and NER stay.
UNUSED_MODEL_COMPONENTS = ("lemmatizer", "attribute_ruler", "trainable_lemmatizer", "parser")


@dataclass(frozen=True)
class ModelChoice:
    nlp: Language
    name: str  # what was loaded: a package name, a folder, or "blank:nl"
    note: str  # why, in one line for stderr and the run report


def load_base_model(spacy_model: str, fallback: Path | None,
                    exclude: tuple[str, ...] = UNUSED_MODEL_COMPONENTS) -> ModelChoice:
    """The configured model if installed, else our bundled model, else blank Dutch; without the components in
    `exclude` (those no rule reads, unless a benchmark wants the model as shipped)."""
    try:
        nlp = spacy.load(spacy_model, exclude=list(exclude))
        return ModelChoice(nlp, spacy_model, f"using spaCy model {spacy_model}")
    except OSError:
        missing = f"{spacy_model} is not installed"
    if fallback is not None and (fallback / "config.cfg").is_file():
        nlp = spacy.load(fallback, exclude=list(exclude))
        return ModelChoice(nlp, str(fallback.name), f"{missing}; using the project's own model {fallback.name}")
    nlp = spacy.blank("nl")
    return ModelChoice(nlp, "blank:nl", f"{missing} and no bundled model found; using a blank Dutch pipeline")


def add_components(nlp: Language, models_dir: Path) -> Language:
    """Sentence boundaries, then ruler, linker, dates and events, each initialised from `models_dir`
    (every data file is read and checked here, before any document)."""
    # Sentences come from rules for every model: paragraph breaks, then punctuation. A parser keeps these
    # boundaries, so the same text gives the same evidence sentences whichever model is installed.
    split_word_periods(nlp, models_dir)  # "de top." ends a sentence
    nlp.add_pipe("paragraph_sentences", first=True)
    if not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", after="paragraph_sentences")
    for name in OUR_COMPONENTS:
        nlp.add_pipe(name)
    for name in DATA_COMPONENTS:
        nlp.get_pipe(name).initialize(models_dir=models_dir)
    return nlp


def build_pipeline(settings: Settings, use_model: bool | None = None) -> ModelChoice:
    """The full pipeline for `summits run`: the statistical model when `use_model` (default: config.yaml's
    `use_model`), else the rules on a blank Dutch pipeline."""
    if settings.use_model if use_model is None else use_model:
        choice = load_base_model(settings.spacy_model, settings.fallback_model)
    else:
        why = "use_model: false in config.yaml" if use_model is None else "--no-model"
        choice = ModelChoice(spacy.blank("nl"), "blank:nl", f"rules only ({why}); blank Dutch pipeline")
    choice.nlp.max_length = max(choice.nlp.max_length, settings.max_file_bytes * 2)
    add_components(choice.nlp, settings.models_dir)
    choice.nlp.add_pipe("summit_drop_intermediate", last=True)
    return choice
