"""Converters of the training data and the committed nl_summit_sm pipeline (issue 4)."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.config import load_settings
from pipeline.offline.training import ModelSizeError, install_model
from pipeline.offline.training_data import TrainingDataError, convert_data, count_docs, read_conll2002, read_conllu
from pipeline.offline.training_report import END_MARKER, START_MARKER, CardError, render_scores, update_card

# Three sentences in UD format; the legacy label flat:name must come out as flat.
CONLLU = """# sent_id = 1
1\tRutte\tRutte\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tsprak\tspreken\tVERB\t_\tTense=Past|VerbForm=Fin\t0\troot\t_\t_
3\tMacron\tMacron\tPROPN\t_\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# sent_id = 2
1\tJoe\tJoe\tPROPN\t_\t_\t3\tnsubj\t_\t_
2\tBiden\tBiden\tPROPN\t_\t_\t1\tflat:name\t_\t_
3\tkwam\tkomen\tVERB\t_\tTense=Past|VerbForm=Fin\t0\troot\t_\t_

# sent_id = 3
1\tZe\tze\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tpraten\tpraten\tVERB\t_\tTense=Pres|VerbForm=Fin\t0\troot\t_\t_

"""

CONLL2002 = """-DOCSTART- -DOCSTART- O
Guy N B-PER
Verhofstadt N I-PER
bezocht V O
Parijs N B-LOC
. Punc O

De Art O
Standaard N I-ORG
schreef V O

-DOCSTART- -DOCSTART- O
Belgische Adj B-MISC
boeren N O
"""


@pytest.fixture()
def conllu_docs(tmp_path: Path) -> list:
    path = tmp_path / "tiny.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    return read_conllu(path, sents_per_doc=10)


@pytest.fixture()
def conll_docs(tmp_path: Path) -> list:
    path = tmp_path / "ned.tiny"
    path.write_text(CONLL2002, encoding="utf-8")
    return read_conll2002(path, sents_per_doc=10)


def test_conllu_keeps_heads_and_labels(conllu_docs):
    doc = conllu_docs[0]
    assert [token.head.i for token in doc[:4]] == [1, 1, 1, 1]
    assert [token.dep_ for token in doc[:4]] == ["nsubj", "ROOT", "obj", "punct"]


def test_conllu_keeps_pos_morph_and_lemma(conllu_docs):
    verb = conllu_docs[0][1]
    assert (verb.pos_, verb.lemma_) == ("VERB", "spreken")
    assert verb.morph.get("Tense") == ["Past"]


def test_conllu_renames_legacy_flat_name(conllu_docs):
    assert conllu_docs[0][5].dep_ == "flat"


def test_conllu_marks_entities_missing_not_outside(conllu_docs):
    assert not conllu_docs[0].has_annotation("ENT_IOB")


def test_conllu_sentences_become_sentence_starts(conllu_docs):
    assert len(conllu_docs) == 1
    assert [sent.text for sent in conllu_docs[0].sents] == ["Rutte sprak Macron.", "Joe Biden kwam", "Ze praten"]


def test_conll2002_drops_docstart_and_splits_articles(conll_docs):
    assert len(conll_docs) == 2
    assert "-DOCSTART-" not in conll_docs[0].text


def test_conll2002_reads_entities(conll_docs):
    spans = [(ent.text, ent.label_) for doc in conll_docs for ent in doc.ents]
    assert spans == [("Guy Verhofstadt", "PER"), ("Parijs", "LOC"), ("Standaard", "ORG"), ("Belgische", "MISC")]


def test_conll2002_marks_sentence_starts(conll_docs):
    assert [token.i for token in conll_docs[0] if token.is_sent_start] == [0, 5]


def test_conll2002_has_no_parse(conll_docs):
    assert not conll_docs[0].has_annotation("DEP")


def test_conll2002_bad_line_names_file_and_line(tmp_path: Path):
    path = tmp_path / "bad.conll"
    path.write_text("Parijs N B-LOC\nkapot\n", encoding="utf-8")
    with pytest.raises(TrainingDataError, match=r"bad\.conll:2"):
        read_conll2002(path)


def test_missing_training_file_is_reported(tmp_path: Path):
    with pytest.raises(TrainingDataError, match="not found"):
        read_conllu(tmp_path / "absent.conllu")


def test_convert_data_refuses_zero_alpino_repeats(tmp_path: Path):
    with pytest.raises(TrainingDataError, match="alpino_dev_repeats"):
        convert_data(tmp_path, tmp_path / "work", alpino_dev_repeats=0)


def test_count_docs_counts_sentences_and_entities(conll_docs):
    counts = count_docs(conll_docs)
    assert (counts.docs, counts.sentences, counts.tokens, counts.entities) == (2, 3, 10, 4)


def test_install_model_sets_meta(tmp_path: Path):
    spacy.blank("nl").to_disk(tmp_path / "trained")
    target = install_model(tmp_path / "trained", tmp_path / "nl_summit_sm")
    meta = spacy.load(target).meta
    assert (meta["name"], meta["lang"], meta["version"]) == ("nl_summit_sm", "nl", "0.1.0")


def test_install_model_refuses_oversized_pipeline(tmp_path: Path, monkeypatch):
    spacy.blank("nl").to_disk(tmp_path / "trained")
    monkeypatch.setattr("pipeline.offline.training.MAX_MODEL_BYTES", 10)
    with pytest.raises(ModelSizeError):
        install_model(tmp_path / "trained", tmp_path / "nl_summit_sm")
    assert not (tmp_path / "nl_summit_sm").exists()


RESULTS = {
    "ner_conll2002_testb": {"ents_p": 81.0, "ents_r": 79.0, "ents_f": 80.0,
                            "per_type": {"PER": {"p": 90.0, "r": 80.0, "f": 84.7}}},
    "ud_alpino_test": {"pos_acc": 93.5, "dep_las": 70.25},
    "words_per_second": {"1_process": 12000, "2_processes": 20000},
    "speed_sample_words": 3000,
    "model_bytes": 15_000_000,
}


def test_render_scores_puts_reference_beside_own_figure():
    table = render_scores(RESULTS)
    assert "| NER F1 | CoNLL-2002 ned.testb | 80.0 | 72.4 |" in table
    assert "| UAS | UD Alpino r2.16 test | - | - |" in table
    assert "| 2 processes | 20,000 |" in table


def test_update_card_keeps_text_outside_markers(tmp_path: Path):
    card = tmp_path / "card.md"
    card.write_text(f"# Card\n{START_MARKER}\nold figures\n{END_MARKER}\nLicence text\n", encoding="utf-8")
    update_card(card, RESULTS)
    text = card.read_text(encoding="utf-8")
    assert text.startswith("# Card\n") and text.endswith(f"{END_MARKER}\nLicence text\n")
    assert "old figures" not in text and "| PER | 90.0 | 80.0 | 84.7 |" in text


def test_update_card_without_markers_is_refused(tmp_path: Path):
    card = tmp_path / "card.md"
    card.write_text("# Card\n", encoding="utf-8")
    with pytest.raises(CardError, match="card.md"):
        update_card(card, RESULTS)


def _committed_model() -> Path:
    return load_settings(Path(__file__).resolve().parents[2] / "config.yaml").fallback_model


@pytest.mark.skipif(not (_committed_model() / "meta.json").is_file(), reason="models/nl_summit_sm not trained yet")
def test_committed_model_tags_conll_entities_and_sentences():
    nlp = spacy.load(_committed_model())
    doc = nlp("Premier Mark Rutte ontmoette gisteren in Brussel de Franse president Emmanuel Macron. "
              "Ze spraken over de oorlog in Oekraïne.")
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC", "MISC"}
    assert doc.ents and {ent.label_ for ent in doc.ents} <= {"PER", "ORG", "LOC", "MISC"}
    assert len(list(doc.sents)) == 2
