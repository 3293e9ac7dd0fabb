"""Turn the open Dutch training data (UD .conllu, CoNLL-2002 IOB2) into spaCy DocBins.

The treebanks and the NER corpus annotate different texts, so every Doc carries only the layers its
source really has: UD Docs have tags, morphology, lemmas and a parse but their entities are marked
*missing* (not "outside"), CoNLL-2002 Docs have entities and sentence starts only. spaCy's components
then learn each layer from the Docs that hold it and ignore the rest.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs
from spacy.vocab import Vocab

SENTS_PER_DOC = 10  # several sentences per Doc so the parser learns where sentences end
CONLL_DOC_START = "-DOCSTART-"
# The 2017 LassySmall file predates a UD relabelling: names are `flat` in r2.x Alpino and LassySmall.
LEGACY_DEPREL_RENAMES = {"flat:name": "flat"}

# Files inside `training_data_dir` (see /work/shared/data/README.md); layout, not language knowledge.
LASSY_LEGACY_TRAIN = "ud/UD_Dutch-LassySmall/legacy-2017-02-train/nl_lassysmall-ud-train.conllu"
ALPINO_DEV = "ud/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu"
ALPINO_TEST = "ud/UD_Dutch-Alpino/nl_alpino-ud-test.conllu"
CONLL_TRAIN = "ner/conll2002_nl/ned.train"
CONLL_DEV = "ner/conll2002_nl/ned.testa"
CONLL_TEST = "ner/conll2002_nl/ned.testb"
HELDOUT_FRACTION = 0.1  # tail of the legacy LassySmall train kept out of training for model selection


class TrainingDataError(ValueError):
    """A training file is missing or malformed; the message names the file and line."""


@dataclass(frozen=True)
class SplitCounts:
    """How many Docs, sentences and tokens went into one DocBin, for the model card."""

    docs: int
    sentences: int
    tokens: int
    entities: int


def read_conllu(path: Path, sents_per_doc: int = SENTS_PER_DOC) -> list[Doc]:
    """Read a UD file into Docs with tags, morphs, lemmas and parses, entities left missing."""
    text = _read_text(path)
    docs = list(conllu_to_docs(text, n_sents=sents_per_doc, no_print=True))
    for doc in docs:
        for token in doc:
            if token.dep_ in LEGACY_DEPREL_RENAMES:
                token.dep_ = LEGACY_DEPREL_RENAMES[token.dep_]
        # The converter marks every token "O"; UD has no NER layer, so say "unknown" instead.
        doc.set_ents([], default="missing")
    return docs


def read_conll2002(path: Path, sents_per_doc: int = SENTS_PER_DOC) -> list[Doc]:
    """Read CoNLL-2002 `WORD POS IOB2` lines into Docs with entities and sentence starts only."""
    vocab = Vocab()
    docs: list[Doc] = []
    for article in _conll_articles(path):
        for start in range(0, len(article), sents_per_doc):
            docs.append(_sentences_to_doc(vocab, article[start:start + sents_per_doc]))
    return docs


def _read_text(path: Path) -> str:
    """Read a data file or fail with a message that says which file is missing."""
    if not path.is_file():
        raise TrainingDataError(f"{path}: training file not found (check training_data_dir in config.yaml)")
    return path.read_text(encoding="utf-8")


def _conll_articles(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Group (word, IOB tag) pairs into sentences and sentences into articles."""
    articles: list[list[list[tuple[str, str]]]] = [[]]
    sentence: list[tuple[str, str]] = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        fields = line.split()
        if not fields or fields[0] == CONLL_DOC_START:
            if sentence:
                articles[-1].append(sentence)
                sentence = []
            if fields and articles[-1]:
                articles.append([])
            continue
        if len(fields) < 2 or not _is_iob(fields[-1]):
            raise TrainingDataError(f"{path}:{number}: expected `WORD [POS] IOB-TAG`, got {line!r}")
        sentence.append((fields[0], fields[-1]))
    if sentence:
        articles[-1].append(sentence)
    return [article for article in articles if article]


def _is_iob(tag: str) -> bool:
    """Accept `O` and `B-X`/`I-X` tags, the only ones IOB2 files contain."""
    return tag == "O" or (len(tag) > 2 and tag[:2] in ("B-", "I-"))


def _sentences_to_doc(vocab: Vocab, sentences: list[list[tuple[str, str]]]) -> Doc:
    """Build one Doc from tokenised sentences; spaces are unknown, so every token gets one."""
    words = [word for sentence in sentences for word, _ in sentence]
    tags = [_repair_iob(sentence) for sentence in sentences]
    sent_starts = [index == 0 for sentence in sentences for index in range(len(sentence))]
    return Doc(vocab, words=words, ents=[tag for part in tags for tag in part], sent_starts=sent_starts)


def _repair_iob(sentence: list[tuple[str, str]]) -> list[str]:
    """Turn a stray `I-X` after O or another type into `B-X`; spaCy rejects such sequences."""
    tags: list[str] = []
    previous = "O"
    for _, tag in sentence:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        tags.append(tag)
        previous = tag
    return tags


def count_docs(docs: list[Doc]) -> SplitCounts:
    """Count what a split holds; sentences from sentence starts, entities from spans."""
    sentences = sum(1 for doc in docs for token in doc if token.is_sent_start)
    return SplitCounts(
        docs=len(docs),
        sentences=sentences,
        tokens=sum(len(doc) for doc in docs),
        entities=sum(len(doc.ents) for doc in docs),
    )


def _write(docs: list[Doc], path: Path) -> SplitCounts:
    """Store Docs as a DocBin and return their counts."""
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return count_docs(docs)


def convert_data(data_dir: Path | str, work_dir: Path | str, alpino_dev_repeats: int = 1) -> dict[str, Path]:
    """Write train/dev/alpino_test/conll_test DocBins (and counts.json) so evaluation data stays out of training.

    `alpino_dev_repeats` > 1 puts the Alpino dev Docs (newspaper text, like our input) in several times.
    """
    if alpino_dev_repeats < 1:
        raise TrainingDataError(f"alpino_dev_repeats must be 1 or more, got {alpino_dev_repeats}")
    data_dir, work_dir = Path(data_dir), Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    lassy = read_conllu(data_dir / LASSY_LEGACY_TRAIN)
    cut = len(lassy) - max(1, round(len(lassy) * HELDOUT_FRACTION))
    parts = {
        "train_ud": lassy[:cut] + read_conllu(data_dir / ALPINO_DEV) * alpino_dev_repeats,
        "train_ner": read_conll2002(data_dir / CONLL_TRAIN),
        "dev_ud": lassy[cut:],
        "dev_ner": read_conll2002(data_dir / CONLL_DEV),
        "alpino_test": read_conllu(data_dir / ALPINO_TEST),
        "conll_test": read_conll2002(data_dir / CONLL_TEST),
    }
    paths = {
        "train": work_dir / "train.spacy",
        "dev": work_dir / "dev.spacy",
        "alpino_test": work_dir / "alpino_test.spacy",
        "conll_test": work_dir / "conll_test.spacy",
    }
    counts = {name: vars(count_docs(docs)) for name, docs in parts.items()}
    _write(parts["train_ud"] + parts["train_ner"], paths["train"])
    _write(parts["dev_ud"] + parts["dev_ner"], paths["dev"])
    _write(parts["alpino_test"], paths["alpino_test"])
    _write(parts["conll_test"], paths["conll_test"])
    paths["counts"] = work_dir / "counts.json"
    paths["counts"].write_text(json.dumps(counts, indent=2), encoding="utf-8")
    return paths
