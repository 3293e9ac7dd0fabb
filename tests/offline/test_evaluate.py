"""`summits evaluate` on hand-made gold and prediction files (issue 3, "Done when")."""
from __future__ import annotations

import csv
import json

import pytest

from pipeline.offline.evaluate import EvaluationError, evaluate_files, read_rows, score, GOLD_COLUMNS, PRED_COLUMNS

GOLD_HEADER = ["doc_id", "participants", "date", "location", "location_country", "status", "optional",
               "event_key", "evidence"]
PRED_HEADER = ["doc_id", "event_id", "participants", "participant_ids", "participant_countries", "date",
               "date_end", "date_precision", "date_text", "location", "location_country", "status",
               "event_type", "evidence", "char_start", "char_end", "confidence", "rule_id"]

KIM_PUTIN = dict(doc_id="a", participants="Kim Jong-un; Vladimir Putin", date="2019-04-25",
                 location="Vladivostok", location_country="RUS", status="occurred",
                 evidence="Poetin en Kim ontmoetten elkaar donderdag in Vladivostok.")
KIM_XI = dict(doc_id="b", participants="Kim Jong-un; Xi Jinping", date="2018-03", location="Beijing",
              location_country="CHN", status="occurred", evidence="Kim bezocht Xi in Peking.")
KIM_TRUMP = dict(doc_id="a", participants="Donald Trump; Kim Jong-un", date="", location="",
                 location_country="", status="planned", evidence="Kim wil Trump opnieuw ontmoeten.")


def gold(row: dict, optional: int = 0, event_key: str = "") -> dict:
    return {**row, "optional": optional, "event_key": event_key or row["participants"] + row["date"]}


def pred(row: dict, event_id: str = "", **changes) -> dict:
    return {**row, "event_id": event_id or "ev_" + row["doc_id"] + row["participants"], **changes}


def write(path, header: list[str], rows: list[dict]):
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=header, restval="", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def evaluate(tmp_path, gold_rows: list[dict], pred_rows: list[dict]) -> dict:
    gold_path = write(tmp_path / "gold.csv", GOLD_HEADER, gold_rows)
    pred_path = write(tmp_path / "mentions.csv", PRED_HEADER, pred_rows)
    return score(read_rows(gold_path, GOLD_COLUMNS, "event_key"), read_rows(pred_path, PRED_COLUMNS, "event_id"))


def test_perfect_match_scores_one_everywhere(tmp_path):
    result = evaluate(tmp_path, [gold(KIM_PUTIN), gold(KIM_XI)], [pred(KIM_PUTIN), pred(KIM_XI)])
    assert result["events"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert result["strict"]["f1"] == 1.0
    assert result["field_accuracy"] == {"date": 1.0, "location": 1.0, "location_country": 1.0, "status": 1.0}
    assert result["misses"] == [] and result["extras"] == []


def test_a_miss_lowers_recall_and_is_listed_with_evidence(tmp_path):
    result = evaluate(tmp_path, [gold(KIM_PUTIN), gold(KIM_XI)], [pred(KIM_PUTIN)])
    assert result["events"] == {"precision": 1.0, "recall": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1}
    assert result["misses"] == [{"doc_id": "b", "participants": "Kim Jong-un; Xi Jinping",
                                 "evidence": "Kim bezocht Xi in Peking."}]


def test_an_extra_lowers_precision_and_is_listed(tmp_path):
    result = evaluate(tmp_path, [gold(KIM_PUTIN), gold(KIM_XI)], [pred(KIM_PUTIN), pred(KIM_XI), pred(KIM_TRUMP)])
    assert result["events"] == {"precision": 0.667, "recall": 1.0, "f1": 0.8, "tp": 2, "fp": 1, "fn": 0}
    assert [(r["doc_id"], r["evidence"]) for r in result["extras"]] == [("a", "Kim wil Trump opnieuw ontmoeten.")]


def test_a_prediction_in_another_document_is_both_a_miss_and_an_extra(tmp_path):
    result = evaluate(tmp_path, [gold(KIM_XI)], [pred({**KIM_XI, "doc_id": "c"})])
    assert (result["events"]["tp"], result["events"]["fp"], result["events"]["fn"]) == (0, 1, 1)


def test_predicted_optional_row_is_neither_rewarded_nor_penalised(tmp_path):
    result = evaluate(tmp_path, [gold(KIM_PUTIN), gold(KIM_TRUMP, optional=1)], [pred(KIM_PUTIN), pred(KIM_TRUMP)])
    assert result["events"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert result["optional_matched"] == 1


def test_missed_optional_row_is_not_a_miss(tmp_path):
    result = evaluate(tmp_path, [gold(KIM_PUTIN), gold(KIM_TRUMP, optional=1)], [pred(KIM_PUTIN)])
    assert result["events"]["recall"] == 1.0 and result["misses"] == []
    assert result["optional_matched"] == 0


def test_date_at_the_wrong_precision_is_a_date_error_and_breaks_strict(tmp_path):
    result = evaluate(tmp_path, [gold(KIM_PUTIN)], [pred(KIM_PUTIN, date="2019-04")])
    assert result["events"]["f1"] == 1.0  # still the same meeting
    assert result["field_accuracy"]["date"] == 0.0
    assert result["field_accuracy"]["location"] == 1.0
    assert result["strict"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert [(e["field"], e["gold"], e["predicted"]) for e in result["field_errors"]] == [("date", "2019-04-25", "2019-04")]


def test_wrong_status_counts_against_status_accuracy(tmp_path):
    result = evaluate(tmp_path, [gold(KIM_PUTIN), gold(KIM_XI)], [pred(KIM_PUTIN, status="planned"), pred(KIM_XI)])
    assert result["field_accuracy"]["status"] == 0.5
    assert result["strict"]["tp"] == 1


def test_names_are_matched_after_normalisation(tmp_path):
    result = evaluate(tmp_path, [gold(KIM_PUTIN)], [pred(KIM_PUTIN, participants="vladimir putin;  Kim Jong Un")])
    assert result["events"]["tp"] == 1


def test_location_is_compared_without_case_and_accents(tmp_path):
    result = evaluate(tmp_path, [gold({**KIM_XI, "location": "Pyongyang"})], [pred({**KIM_XI, "location": "pyóngyang"})])
    assert result["field_accuracy"]["location"] == 1.0


def test_equal_participant_sets_pair_on_most_agreeing_fields(tmp_path):
    later = {**KIM_PUTIN, "date": "2023-09", "location": "Vostochny", "status": "planned", "evidence": "Later."}
    result = evaluate(tmp_path, [gold(KIM_PUTIN), gold(later)], [pred(later), pred(KIM_PUTIN)])
    assert result["field_accuracy"] == {"date": 1.0, "location": 1.0, "location_country": 1.0, "status": 1.0}


def two_documents_of_one_pair(gold_keys: tuple[str, str], pred_ids: tuple[str, str], tmp_path) -> dict:
    first, second = KIM_PUTIN, {**KIM_PUTIN, "doc_id": "c"}
    gold_rows = [gold(first, event_key=gold_keys[0]), gold(second, event_key=gold_keys[1])]
    return evaluate(tmp_path, gold_rows, [pred(first, pred_ids[0]), pred(second, pred_ids[1])])["merging"]


def test_mentions_wrongly_merged_give_merge_precision_below_one(tmp_path):
    merging = two_documents_of_one_pair(("kp-2019", "kp-2023"), ("ev_1", "ev_1"), tmp_path)
    assert merging == {"pairs_predicted_same": 1, "pairs_gold_same": 0, "pairs_both": 0,
                       "precision": 0.0, "recall": None}


def test_mentions_rightly_merged_give_merge_precision_and_recall_one(tmp_path):
    merging = two_documents_of_one_pair(("kp-2019", "kp-2019"), ("ev_1", "ev_1"), tmp_path)
    assert (merging["precision"], merging["recall"]) == (1.0, 1.0)


def test_mentions_not_merged_give_merge_recall_zero(tmp_path):
    merging = two_documents_of_one_pair(("kp-2019", "kp-2019"), ("ev_1", "ev_2"), tmp_path)
    assert (merging["precision"], merging["recall"]) == (None, 0.0)


def test_evaluate_files_writes_markdown_and_json(tmp_path):
    gold_path = write(tmp_path / "gold.csv", GOLD_HEADER, [gold(KIM_PUTIN), gold(KIM_XI)])
    pred_path = write(tmp_path / "mentions.csv", PRED_HEADER, [pred(KIM_PUTIN)])
    markdown = evaluate_files(gold_path, pred_path, tmp_path / "out")
    assert (tmp_path / "out" / "evaluation.md").read_text(encoding="utf-8") == markdown
    assert "| events | 1.000 | 0.500 | 0.667 | 1 | 0 | 1 |" in markdown
    assert "- `b` Kim Jong-un; Xi Jinping: Kim bezocht Xi in Peking." in markdown
    report = json.loads((tmp_path / "out" / "evaluation.json").read_text(encoding="utf-8"))
    assert report["events"]["recall"] == 0.5


def test_gold_saved_by_a_spreadsheet_with_byte_order_mark_is_read(tmp_path):
    gold_path = write(tmp_path / "gold.csv", GOLD_HEADER, [gold(KIM_PUTIN)])
    gold_path.write_bytes(b"\xef\xbb\xbf" + gold_path.read_bytes())
    assert [row.doc_id for row in read_rows(gold_path, GOLD_COLUMNS, "event_key")] == ["a"]


def test_missing_file_raises_evaluation_error_naming_it(tmp_path):
    gold_path = write(tmp_path / "gold.csv", GOLD_HEADER, [gold(KIM_PUTIN)])
    with pytest.raises(EvaluationError, match=f"file not found: {tmp_path / 'nope.csv'}"):
        evaluate_files(gold_path, tmp_path / "nope.csv", tmp_path)


def test_missing_column_raises_evaluation_error_naming_file_and_column(tmp_path):
    gold_path = write(tmp_path / "gold.csv", [c for c in GOLD_HEADER if c != "event_key"], [gold(KIM_PUTIN)])
    pred_path = write(tmp_path / "mentions.csv", PRED_HEADER, [pred(KIM_PUTIN)])
    with pytest.raises(EvaluationError, match=f"{gold_path}: missing column\\(s\\) event_key"):
        evaluate_files(gold_path, pred_path, tmp_path)


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", b"doc_id\x00,participants\n"])
def test_empty_binary_or_nul_file_raises_evaluation_error_naming_it(tmp_path, content):
    gold_path = write(tmp_path / "gold.csv", GOLD_HEADER, [gold(KIM_PUTIN)])
    (tmp_path / "mentions.csv").write_bytes(content)
    with pytest.raises(EvaluationError, match=str(tmp_path / "mentions.csv")):
        evaluate_files(gold_path, tmp_path / "mentions.csv", tmp_path)
