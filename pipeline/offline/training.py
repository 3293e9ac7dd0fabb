"""Train, install and measure nl_summit_sm, the project's own small Dutch spaCy pipeline (issue 4).

`nl_core_news_sm` cannot be installed everywhere, so the project trains its own pipeline from open
data (see models/nl_summit_sm.md for what went in and the licences that follow).
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from pipeline.offline.training_data import convert_data

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "models" / "nl_summit_sm.cfg"
MAX_MODEL_BYTES = 25 * 1024 * 1024
SPEED_SAMPLE_DOCS = 300  # CoNLL testb Docs (about 36k words) timed for words per second
MODEL_META = {
    "name": "nl_summit_sm",  # as the project names it (spacy package would prefix "nl_" once more)
    "version": "0.1.0",
    "description": (
        "Small Dutch pipeline of the summits project: tok2vec (CNN), morphologizer (UPOS + features), "
        "trainable lemmatizer, dependency parser (also sentence boundaries) and NER (PER, ORG, LOC, MISC). "
        "Trained without nl_core_news_sm; see models/nl_summit_sm.md."
    ),
    "license": (
        "Research use only (NER learnt from CoNLL-2002 Dutch, 'research applications only, no commercial "
        "use'); tagger, lemmatizer and parser learnt from UD Dutch LassySmall + Alpino (CC BY-SA 4.0)"
    ),
    "sources": [
        {"name": "UD Dutch LassySmall, legacy train file of 2017-02-01 (commit ccd0244)",
         "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall", "license": "CC BY-SA 4.0"},
        {"name": "UD Dutch Alpino r2.16 dev file (commit 95e374a)",
         "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino", "license": "CC BY-SA 4.0"},
        {"name": "CoNLL-2002 Dutch NER (ned.train; De Morgen 2000), NLTK data copy",
         "url": "https://www.clips.uantwerpen.be/conll2002/ner/",
         "license": "research use in the context of the CoNLL-2002 shared task only; no commercial use"},
    ],
}


class ModelSizeError(RuntimeError):
    """The trained pipeline is too large to commit (limit: 25 MB)."""


def limit_threads(threads: int) -> None:
    """Keep numerical libraries to `threads` threads: the machine's cores are shared."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(threads)
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(threads)


def train_model(
    data_dir: Path | str,
    output_dir: Path | str,
    threads: int = 1,
    config_path: Path | str = DEFAULT_CONFIG,
    overrides: dict | None = None,
    alpino_dev_repeats: int = 1,
) -> Path:
    """Convert the data, run spaCy's trainer on one CPU and return the `model-best` folder."""
    limit_threads(threads)
    output_dir = Path(output_dir)
    paths = convert_data(data_dir, output_dir / "corpus", alpino_dev_repeats)
    settings = {"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"]), **(overrides or {})}
    spacy_train(Path(config_path), output_dir / "training", use_gpu=-1, overrides=settings)
    return output_dir / "training" / "model-best"


def folder_bytes(folder: Path) -> int:
    """Total size of the files below `folder`."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def install_model(trained_dir: Path | str, target_dir: Path | str) -> Path:
    """Copy a trained pipeline to `target_dir` with the project's meta; refuse folders over 25 MB."""
    nlp = spacy.load(trained_dir)
    nlp.meta.update(MODEL_META)
    nlp.meta.pop("performance", None)  # dev scores of the held-out split; the model card has the test scores
    target_dir = Path(target_dir)
    staging = target_dir.with_name(target_dir.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    nlp.to_disk(staging)
    size = folder_bytes(staging)
    if size > MAX_MODEL_BYTES:
        shutil.rmtree(staging)
        raise ModelSizeError(f"{trained_dir}: pipeline is {size / 1e6:.1f} MB, over the 25 MB limit")
    shutil.rmtree(target_dir, ignore_errors=True)
    staging.rename(target_dir)
    return target_dir


def _examples(nlp: spacy.Language, path: Path) -> list[Example]:
    """Pair raw-text predictions with gold Docs, as `spacy evaluate` does (the model tokenises)."""
    gold_docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [Example(nlp.make_doc(doc.text), doc) for doc in gold_docs]


def _pick(scores: dict, keys: tuple[str, ...]) -> dict:
    """Keep the named scores, as percentages with one decimal."""
    return {key: round(100 * scores[key], 1) for key in keys if scores.get(key) is not None}


def gold_token_scores(nlp: spacy.Language, path: Path) -> dict:
    """UPOS/UAS/LAS on the gold tokens, and LAS on universal relations (subtypes cut) as UD's scorer counts."""
    counts = {"tokens": 0, "pos": 0, "attached": 0, "uas": 0, "las": 0, "las_universal": 0}
    for gold in DocBin().from_disk(path).get_docs(nlp.vocab):
        predicted = Doc(nlp.vocab, words=[token.text for token in gold], spaces=[bool(t.whitespace_) for t in gold])
        for _, component in nlp.pipeline:
            predicted = component(predicted)
        for guess, truth in zip(predicted, gold):
            counts["tokens"] += 1
            counts["pos"] += guess.pos == truth.pos
            if truth.dep_ == "punct":  # spaCy's scorer leaves punctuation out of UAS/LAS as well
                continue
            same_head = guess.head.i == truth.head.i
            counts["attached"] += 1
            counts["uas"] += same_head
            counts["las"] += same_head and guess.dep_.lower() == truth.dep_.lower()
            counts["las_universal"] += same_head and _universal(guess.dep_) == _universal(truth.dep_)
    scores = {"pos_acc": counts["pos"] / max(counts["tokens"], 1)}
    scores.update({key: counts[key] / max(counts["attached"], 1) for key in ("uas", "las", "las_universal")})
    return {key: round(100 * value, 1) for key, value in scores.items()}


def _universal(label: str) -> str:
    """`nsubj:pass` -> `nsubj`; spaCy writes the root relation as `ROOT`."""
    return label.lower().split(":")[0]


def words_per_second(nlp: spacy.Language, texts: list[str], n_process: int) -> float:
    """Time `nlp.pipe` over `texts` on `n_process` processes (start-up of the workers included)."""
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, n_process=n_process, batch_size=64))
    return round(words / (time.perf_counter() - start))


def evaluate_model(model_dir: Path | str, data_dir: Path | str, work_dir: Path | str | None = None) -> dict:
    """Score NER on CoNLL-2002 testb, UPOS/morph/lemma/UAS/LAS on UD Alpino test, and speed."""
    limit_threads(1)
    work_dir = Path(work_dir) if work_dir else Path(model_dir).parent / "eval_corpus"
    paths = convert_data(data_dir, work_dir)
    nlp = spacy.load(model_dir)
    ner_scores = nlp.evaluate(_examples(nlp, paths["conll_test"]))
    ud_scores = nlp.evaluate(_examples(nlp, paths["alpino_test"]))
    texts = [doc.text for doc in DocBin().from_disk(paths["conll_test"]).get_docs(nlp.vocab)]
    texts = texts[:SPEED_SAMPLE_DOCS]
    return {
        "ner_conll2002_testb": {
            **_pick(ner_scores, ("ents_p", "ents_r", "ents_f")),
            "per_type": {label: {key: round(100 * value, 1) for key, value in values.items()}
                         for label, values in sorted(ner_scores["ents_per_type"].items())},
        },
        "ud_alpino_test": _pick(ud_scores, ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las",
                                            "sents_f")),
        "ud_alpino_test_gold_tokens": gold_token_scores(nlp, paths["alpino_test"]),
        "words_per_second": {"1_process": words_per_second(nlp, texts, 1),
                             "2_processes": words_per_second(nlp, texts, 2)},
        "speed_sample_words": sum(len(text.split()) for text in texts),
        "counts": json.loads(paths["counts"].read_text(encoding="utf-8")),
        "model_bytes": folder_bytes(Path(model_dir)),
    }
