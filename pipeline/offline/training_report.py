"""Write the measured figures of nl_summit_sm into its model card (models/nl_summit_sm.md).

Only the block between the two markers is generated, so the hand-written account of data and
licences around it survives every re-run of the evaluation.
"""
from __future__ import annotations

from pathlib import Path

START_MARKER = "<!-- scores:start (written by scripts/evaluate_model.py) -->"
END_MARKER = "<!-- scores:end -->"
# nl_core_news_sm 3.2 as published in its meta (its own test data: LassySmall/NER annotations by NLP Town).
REFERENCE = {"ents_f": 72.4, "pos_acc": 95.8, "dep_las": 80.6}
GOLD_TOKENS = "ud_alpino_test_gold_tokens"
ROWS = (
    ("NER precision", "ner_conll2002_testb", "ents_p", "CoNLL-2002 ned.testb"),
    ("NER recall", "ner_conll2002_testb", "ents_r", "CoNLL-2002 ned.testb"),
    ("NER F1", "ner_conll2002_testb", "ents_f", "CoNLL-2002 ned.testb"),
    ("UPOS accuracy", "ud_alpino_test", "pos_acc", "UD Alpino r2.16 test"),
    ("Morphological features (all of a token right)", "ud_alpino_test", "morph_acc", "UD Alpino r2.16 test"),
    ("Lemma accuracy", "ud_alpino_test", "lemma_acc", "UD Alpino r2.16 test"),
    ("UAS", "ud_alpino_test", "dep_uas", "UD Alpino r2.16 test"),
    ("LAS", "ud_alpino_test", "dep_las", "UD Alpino r2.16 test"),
    ("Sentence boundaries F1", "ud_alpino_test", "sents_f", "UD Alpino r2.16 test"),
    ("UPOS accuracy, gold tokens", GOLD_TOKENS, "pos_acc", "UD Alpino r2.16 test"),
    ("UAS, gold tokens", GOLD_TOKENS, "uas", "UD Alpino r2.16 test"),
    ("LAS, gold tokens", GOLD_TOKENS, "las", "UD Alpino r2.16 test"),
    ("LAS, gold tokens, universal relations (subtypes cut)", GOLD_TOKENS, "las_universal", "UD Alpino r2.16 test"),
)


class CardError(ValueError):
    """The model card lacks the markers that delimit the generated block."""


def render_scores(results: dict) -> str:
    """Markdown tables of the scores, per-type NER figures and speed, from `evaluate_model`'s dict."""
    lines = ["| measure | test data | nl_summit_sm | nl_core_news_sm 3.2 (own test data) |",
             "| --- | --- | ---: | ---: |"]
    for label, group, key, data in ROWS:
        value = results.get(group, {}).get(key)
        reference = REFERENCE.get(key) if group != GOLD_TOKENS else None
        lines.append(f"| {label} | {data} | {_fmt(value)} | {_fmt(reference)} |")
    lines += ["", "| NER type (CoNLL-2002 ned.testb) | P | R | F1 |", "| --- | ---: | ---: | ---: |"]
    for label, values in results["ner_conll2002_testb"]["per_type"].items():
        lines.append(f"| {label} | {values['p']:.1f} | {values['r']:.1f} | {values['f']:.1f} |")
    speed = results["words_per_second"]
    lines += [
        "",
        "| speed (`nlp.pipe`, CPU, one thread per process) | words per second |",
        "| --- | ---: |",
        f"| 1 process | {speed['1_process']:,} |",
        f"| 2 processes | {speed['2_processes']:,} |",
        "",
        f"Speed sample: the first Docs of ned.testb, {results['speed_sample_words']:,} words, worker start-up "
        f"included; pipeline folder size {results['model_bytes'] / 1e6:.1f} MB.",
    ]
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    """One decimal, or a dash where no figure exists."""
    return "-" if value is None else f"{value:.1f}"


def update_card(card_path: Path | str, results: dict) -> None:
    """Replace the generated block of the model card with fresh figures."""
    card_path = Path(card_path)
    text = card_path.read_text(encoding="utf-8")
    start, end = text.find(START_MARKER), text.find(END_MARKER)
    if start < 0 or end < start:
        raise CardError(f"{card_path}: needs the lines {START_MARKER!r} and {END_MARKER!r} (in that order)")
    block = f"{START_MARKER}\n{render_scores(results)}\n"
    card_path.write_text(text[:start] + block + text[end:], encoding="utf-8")
