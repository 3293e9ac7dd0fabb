"""`summits evaluate`: score predicted mentions against hand-labelled gold, field by field.

Matching is per document on equal participant sets (names folded); among equal sets the pairing
that agrees on most fields wins. Optional gold rows neither reward nor penalise. Merging across
documents is scored pairwise: do two matched mentions share an event_id exactly when their gold
rows share an event_key?
"""
from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pipeline.export.spreadsheet import unmarked
from pipeline.export.tables import write_json
from pipeline.knowledge.textnorm import fold

GOLD_COLUMNS = ("doc_id", "participants", "date", "location", "location_country", "status", "optional",
                "event_key", "evidence")
PRED_COLUMNS = ("doc_id", "event_id", "participants", "date", "location", "location_country", "status", "evidence")
FIELDS = ("date", "location", "location_country", "status")
_BRUTE_FORCE_LIMIT = 6


class EvaluationError(ValueError):
    """A missing or malformed input file; the message names it."""


@dataclass(frozen=True)
class Row:
    doc_id: str
    key: frozenset[str]
    values: dict
    optional: bool = False
    event: str = ""  # event_key (gold) or event_id (prediction)
    evidence: str = ""
    names: str = ""  # participants as written in the file, for the listings


def read_rows(path: Path, required: tuple[str, ...], event_column: str) -> list[Row]:
    if not path.is_file():
        raise EvaluationError(f"file not found: {path}")
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:  # spreadsheets save with a BOM
            reader = csv.DictReader(stream)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise EvaluationError(f"{path}: missing column(s) {', '.join(missing)}")
            return [_row(record, event_column) for record in reader]
    except (UnicodeDecodeError, csv.Error) as error:
        raise EvaluationError(f"{path}: not a readable UTF-8 CSV ({error})") from None


def _row(record: dict, event_column: str) -> Row:
    names = [n for n in (record["participants"] or "").split(";") if n.strip()]
    values = {field: (record.get(field) or "").strip() for field in FIELDS}
    return Row(record["doc_id"] or "", frozenset(fold(n) for n in names), values,
               (record.get("optional") or "0").strip() == "1", record.get(event_column) or "",
               unmarked(record["evidence"] or ""), "; ".join(n.strip() for n in names))


def agreement(gold: Row, pred: Row) -> int:
    """How many of the four fields agree (locations compared folded)."""
    return sum(fold(gold.values[f]) == fold(pred.values[f]) if f == "location" else gold.values[f] == pred.values[f]
               for f in FIELDS)


def pair_group(golds: list[Row], preds: list[Row]) -> list[tuple[Row, Row]]:
    """The pairing with the most agreeing fields (non-optional gold preferred on ties)."""
    def score(pairs):
        return sum(2 * agreement(g, p) + (not g.optional) for g, p in pairs)

    if min(len(golds), len(preds)) == 0:
        return []
    if max(len(golds), len(preds)) <= _BRUTE_FORCE_LIMIT:
        size = min(len(golds), len(preds))
        options = ([list(zip(g, preds)) for g in itertools.permutations(golds, size)] if len(golds) >= len(preds)
                   else [list(zip(golds, p)) for p in itertools.permutations(preds, size)])
        return max(options, key=score)
    pairs, free_preds = [], list(preds)
    for gold in sorted(golds, key=lambda g: g.optional):
        if free_preds:
            best = max(free_preds, key=lambda p: agreement(gold, p))
            pairs.append((gold, best))
            free_preds.remove(best)
    return pairs


def match(gold: list[Row], pred: list[Row]) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """(pairs, unmatched gold, unmatched predictions)."""
    groups: dict[tuple, tuple[list, list]] = defaultdict(lambda: ([], []))
    for row in gold:
        groups[(row.doc_id, row.key)][0].append(row)
    for row in pred:
        groups[(row.doc_id, row.key)][1].append(row)
    pairs, misses, extras = [], [], []
    for golds, preds in groups.values():
        matched = pair_group(golds, preds)
        pairs += matched
        misses += [g for g in golds if all(g is not m[0] for m in matched)]
        extras += [p for p in preds if all(p is not m[1] for m in matched)]
    return pairs, misses, extras


def _f1(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn}


def merge_scores(pairs: list[tuple[Row, Row]]) -> dict:
    """Pairwise precision/recall over matched mentions in different documents."""
    predicted_same = gold_same = both = 0
    for (g1, p1), (g2, p2) in itertools.combinations(pairs, 2):
        if g1.doc_id == g2.doc_id:
            continue
        same_pred = bool(p1.event) and p1.event == p2.event
        same_gold = bool(g1.event) and g1.event == g2.event
        predicted_same += same_pred
        gold_same += same_gold
        both += same_pred and same_gold
    return {"pairs_predicted_same": predicted_same, "pairs_gold_same": gold_same, "pairs_both": both,
            "precision": round(both / predicted_same, 3) if predicted_same else None,
            "recall": round(both / gold_same, 3) if gold_same else None}


def score(gold: list[Row], pred: list[Row]) -> dict:
    pairs, misses, extras = match(gold, pred)
    counted = [(g, p) for g, p in pairs if not g.optional]
    misses = [g for g in misses if not g.optional]
    fields = {f: round(sum(_field_ok(g, p, f) for g, p in counted) / len(counted), 3) if counted else None
              for f in FIELDS}
    strict_tp = sum(agreement(g, p) == len(FIELDS) for g, p in counted)
    return {
        "events": _f1(len(counted), len(extras), len(misses)),
        "field_accuracy": fields,
        "strict": _f1(strict_tp, len(extras) + len(counted) - strict_tp, len(misses) + len(counted) - strict_tp),
        "merging": merge_scores(pairs),
        "optional_matched": len(pairs) - len(counted),
        "misses": [_listing(g) for g in misses],
        "extras": [_listing(p) for p in extras],
        "field_errors": [{**_listing(g), "field": f, "gold": g.values[f], "predicted": p.values[f]}
                         for g, p in counted for f in FIELDS if not _field_ok(g, p, f)],
    }


def _field_ok(gold: Row, pred: Row, field: str) -> bool:
    if field == "location":
        return fold(gold.values[field]) == fold(pred.values[field])
    return gold.values[field] == pred.values[field]


def _listing(row: Row) -> dict:
    return {"doc_id": row.doc_id, "participants": row.names, "evidence": row.evidence}


def render_markdown(result: dict, gold_path: Path, pred_path: Path) -> str:
    events, strict, merging = result["events"], result["strict"], result["merging"]
    lines = [f"# Evaluation\n\ngold: `{gold_path}`  \npredictions: `{pred_path}`\n",
             "| measure | precision | recall | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
    for name, block in (("events", events), ("strict (all four fields right)", strict)):
        lines.append(f"| {name} | {block['precision']:.3f} | {block['recall']:.3f} | {block['f1']:.3f} | "
                     f"{block['tp']} | {block['fp']} | {block['fn']} |")
    lines += ["", "| field (on matched events) | accuracy |", "|---|---|"]
    lines += [f"| {f} | {'' if v is None else f'{v:.3f}'} |" for f, v in result["field_accuracy"].items()]
    lines += ["", f"Merging across documents (pairwise): precision {merging['precision']}, recall "
                  f"{merging['recall']} ({merging['pairs_both']} of {merging['pairs_predicted_same']} predicted "
                  f"same-meeting pairs right; {merging['pairs_gold_same']} in gold).",
              f"Optional gold rows matched (not scored): {result['optional_matched']}.", ""]
    for title, key in (("Misses (in gold, not predicted)", "misses"), ("Extras (predicted, not in gold)", "extras")):
        lines += [f"## {title}: {len(result[key])}", ""]
        lines += [f"- `{r['doc_id']}` {r['participants']}: {r['evidence']}" for r in result[key]] + [""]
    lines += [f"## Field errors: {len(result['field_errors'])}", ""]
    lines += [f"- `{e['doc_id']}` {e['participants']} {e['field']}: gold `{e['gold']}`, predicted `{e['predicted']}`"
              for e in result["field_errors"]]
    return "\n".join(lines) + "\n"


def evaluate_files(gold_path: Path, pred_path: Path, out_dir: Path) -> str:
    """Score, write evaluation.md and evaluation.json, and return the markdown for the terminal."""
    gold = read_rows(gold_path, GOLD_COLUMNS, "event_key")
    pred = read_rows(pred_path, PRED_COLUMNS, "event_id")
    result = score(gold, pred)
    markdown = render_markdown(result, gold_path, pred_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "evaluation.md").write_text(markdown, encoding="utf-8")
    write_json(out_dir / "evaluation.json", result)
    return markdown
