"""The `summits` command: one-line errors with non-zero exits, config-driven defaults, --date, evaluate exits."""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.components.assemble
from pipeline.cli import main
from tests.conftest import ARTICLES, write_config

GOLD_HEADER = "doc_id,participants,date,location,location_country,status,optional,event_key,evidence\n"
PRED_HEADER = ("doc_id,event_id,participants,participant_ids,participant_countries,date,date_end,date_precision,"
               "date_text,location,location_country,status,event_type,evidence,char_start,char_end,confidence,"
               "rule_id\n")


@pytest.fixture
def summits(monkeypatch, rule_pipeline):
    """Invoke the CLI in-process; `summits run` reuses the session's pipeline instead of building one."""
    monkeypatch.setattr(pipeline.components.assemble, "build_pipeline", lambda settings, use_model=True: rule_pipeline)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args))


def assert_one_line_error(result, exit_code: int, *fragments: str) -> None:
    assert result.exit_code == exit_code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


def read_rows(path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_unknown_option_is_one_line_and_exit_2(summits):
    assert_one_line_error(summits("run", "--bogus"), 2, "No such option", "--bogus")


def test_unknown_command_is_one_line_and_exit_2(summits):
    assert_one_line_error(summits("runn"), 2, "No such command")


@pytest.mark.parametrize("value", ["2019-4x", "2019-13", "april"])
def test_malformed_date_is_one_line_and_exit_2(summits, value):
    assert_one_line_error(summits("run", "--date", value), 2, "--date", value)


def test_bad_config_is_one_line_naming_the_key(summits, tmp_path):
    config = write_config(tmp_path, batch_size="veel")
    assert_one_line_error(summits("run", "--config", str(config)), 2, str(config), "batch_size")


def test_missing_config_is_one_line(summits, tmp_path):
    assert_one_line_error(summits("run", "--config", str(tmp_path / "nope.yaml")), 2, "config file not found")


def test_broken_data_file_is_one_line_naming_file_and_line(summits, tmp_path):
    lexicon = tmp_path / "models" / "lexicon"
    lexicon.mkdir(parents=True)
    (lexicon / "dutch_function_words.txt").write_text("# words\n# FORMAT: word\nde\n", encoding="utf-8")
    (lexicon / "web_junk.txt").write_text("# junk\n# FORMAT: kind<TAB>regex\nwidget\t(Lees ook\n", encoding="utf-8")
    config = write_config(tmp_path, models_dir="models", output_dir="out")
    result = summits("run", str(ARTICLES / "no_header.txt"), "--config", str(config))
    assert_one_line_error(result, 3, "bad data file", f"{lexicon / 'web_junk.txt'}:3:")


def test_help_exits_0(summits):
    result = summits("--help")
    assert result.exit_code == 0 and "evaluate" in result.output


def project(tmp_path, *names: str):
    """A config whose corpus_dir holds copies of the named fixtures and whose output_dir is empty."""
    (tmp_path / "corpus").mkdir()
    for name in names:
        shutil.copy(ARTICLES / name, tmp_path / "corpus")
    return write_config(tmp_path, corpus_dir="corpus", output_dir="out")


def test_run_without_paths_reads_corpus_dir_and_writes_output_dir(summits, tmp_path):
    config = project(tmp_path, "meeting_credit.txt")
    result = summits("run", "--config", str(config))
    assert result.exit_code == 0, result.output
    assert {row["doc_id"] for row in read_rows(tmp_path / "out" / "mentions.csv")} == {"meeting_credit"}
    assert (tmp_path / "out" / "events.csv").is_file() and (tmp_path / "out" / "run_report.json").is_file()


def test_run_is_quiet_when_stderr_is_not_a_terminal(summits, tmp_path):
    result = summits("run", "--config", str(project(tmp_path, "meeting_credit.txt")))
    assert "doc/s" not in result.stderr and "articles:" not in result.stderr


def test_date_option_applies_only_to_files_without_header(summits, tmp_path):
    config = project(tmp_path, "no_header.txt", "meeting_credit.txt")
    result = summits("run", "--config", str(config), "--date", "2019-04-12")
    assert result.exit_code == 0, result.output
    rows = read_rows(tmp_path / "out" / "mentions.csv")
    no_header = next(row for row in rows if row["doc_id"] == "no_header")
    assert no_header["date"] == "2019-04-11"  # "donderdag" before Friday 12 April 2019
    with_header = next(row for row in rows if row["doc_id"] == "meeting_credit" and row["char_start"] == "14")
    assert with_header["date"] == "2019-04"  # its own header (month) wins over --date


def test_explicit_path_and_out_override_the_config(summits, tmp_path):
    config = project(tmp_path)
    result = summits("run", str(ARTICLES / "cp1252.txt"), "--config", str(config), "--out", str(tmp_path / "elders"))
    assert result.exit_code == 0, result.output
    assert {row["doc_id"] for row in read_rows(tmp_path / "elders" / "mentions.csv")} == {"cp1252"}


def test_unwritable_output_is_one_line(summits, tmp_path):
    config = project(tmp_path, "meeting_credit.txt")
    (tmp_path / "bestand").write_text("not a folder", encoding="utf-8")
    result = summits("run", "--config", str(config), "--out", str(tmp_path / "bestand" / "out"))
    assert_one_line_error(result, 3, "cannot write the output", str(tmp_path / "bestand" / "out"))


def evaluation_files(tmp_path, pred_line: str):
    gold = tmp_path / "gold.csv"
    gold.write_text(GOLD_HEADER + "a,Kim Jong-un; Vladimir Putin,2019-04-25,Vladivostok,RUS,occurred,0,kp,Zin.\n",
                    encoding="utf-8")
    pred = tmp_path / "mentions.csv"
    pred.write_text(PRED_HEADER + pred_line, encoding="utf-8")
    return write_config(tmp_path), gold, pred


def test_evaluate_exits_0_even_when_every_score_is_zero(summits, tmp_path):
    config, gold, pred = evaluation_files(tmp_path, "b,ev_1,Kim Jong-un; Xi Jinping,,,,,,,,,occurred,,Zin.,0,4,0.5,r\n")
    result = summits("evaluate", "--config", str(config), "--gold", str(gold), "--pred", str(pred),
                     "--out", str(tmp_path / "eval"))
    assert result.exit_code == 0, result.output
    assert "| events | 0.000 | 0.000 | 0.000 | 0 | 1 | 1 |" in result.stdout
    assert (tmp_path / "eval" / "evaluation.md").is_file() and (tmp_path / "eval" / "evaluation.json").is_file()


def test_evaluate_missing_prediction_file_is_one_line_and_exit_3(summits, tmp_path):
    config, gold, _ = evaluation_files(tmp_path, "")
    result = summits("evaluate", "--config", str(config), "--gold", str(gold), "--pred", str(tmp_path / "nope.csv"))
    assert_one_line_error(result, 3, "file not found", str(tmp_path / "nope.csv"))


def test_evaluate_malformed_gold_file_is_one_line_and_exit_3(summits, tmp_path):
    config, gold, pred = evaluation_files(tmp_path, "")
    gold.write_text("doc_id,participants\na,Kim\n", encoding="utf-8")
    result = summits("evaluate", "--config", str(config), "--gold", str(gold), "--pred", str(pred))
    assert_one_line_error(result, 3, str(gold), "missing column(s)", "event_key")


def test_evaluate_unwritable_out_is_one_line(summits, tmp_path):
    config, gold, pred = evaluation_files(tmp_path, "")
    (tmp_path / "bestand").write_text("not a folder", encoding="utf-8")
    result = summits("evaluate", "--config", str(config), "--gold", str(gold), "--pred", str(pred),
                     "--out", str(tmp_path / "bestand" / "eval"))
    assert_one_line_error(result, 3, "cannot write the evaluation")


def test_train_model_without_training_data_is_one_line(summits, tmp_path):
    config = write_config(tmp_path, training_data_dir=str(tmp_path / "no_data_here"))
    assert_one_line_error(summits("train-model", "--config", str(config)), 2, "training data folder not found")


def test_dates_command_prints_value_and_precision(summits):
    result = summits("dates", "vorig jaar", "--anchor", "2019-04")
    assert result.exit_code == 0 and result.output.split() == ["2018", "year"]


def test_dates_command_without_a_date_exits_1(summits):
    assert_one_line_error(summits("dates", "zo", "--anchor", "2019-04"), 1, "no date found")


# --- exit codes a script can trust (issue 14) -----------------------------------------------------------

def test_a_missing_path_is_a_usage_error_and_touches_nothing(summits, tmp_path):
    config = project(tmp_path, "meeting_credit.txt")
    result = summits("run", str(tmp_path / "corpsu"), "--config", str(config))
    assert_one_line_error(result, 2, "no such file or folder", "corpsu")
    assert not (tmp_path / "out" / "mentions.csv").exists()


def test_a_folder_without_input_files_is_a_usage_error(summits, tmp_path):
    config = project(tmp_path)
    (tmp_path / "leeg").mkdir()
    assert_one_line_error(summits("run", str(tmp_path / "leeg"), "--config", str(config)), 2, "no .txt or .jsonl")


def test_a_run_that_reads_nothing_exits_1_and_keeps_the_previous_outputs(summits, tmp_path):
    config = project(tmp_path, "meeting_credit.txt")
    assert summits("run", "--config", str(config)).exit_code == 0
    before = {name: (tmp_path / "out" / name).read_bytes() for name in ("mentions.csv", "events.csv",
                                                                         "run_report.json")}
    english = tmp_path / "english"
    english.mkdir()
    shutil.copy(ARTICLES / "english.txt", english)
    result = summits("run", str(english), "--config", str(config))
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "no document was processed" in last and "previous outputs are kept" in last
    assert {name: (tmp_path / "out" / name).read_bytes() for name in before} == before
    failed = (tmp_path / "out" / "last_failed_run.json").read_text(encoding="utf-8")
    assert "not Dutch" in failed


def test_a_busy_output_folder_is_a_usage_error(summits, tmp_path):
    import os

    config = project(tmp_path, "meeting_credit.txt")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".summits.lock").write_text(f"{os.getpid()}\n", encoding="utf-8")  # a live process
    assert_one_line_error(summits("run", "--config", str(config)), 2, "another run", str(os.getpid()))


def test_a_stale_lock_is_taken_over(summits, tmp_path):
    config = project(tmp_path, "meeting_credit.txt")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".summits.lock").write_text("999999999\n", encoding="utf-8")  # no such process
    assert summits("run", "--config", str(config)).exit_code == 0
    assert not (tmp_path / "out" / ".summits.lock").exists()


def test_version_names_the_package(summits):
    result = summits("--version")
    assert result.exit_code == 0 and result.output.startswith("summits ")


def test_help_lists_the_exit_codes(summits):
    result = summits("run", "--help")
    codes = [line.split()[0] for line in result.output.split("Exit codes:")[1].split("Options:")[0].splitlines()
             if line.strip()]
    assert codes == ["0", "1", "2", "3"]


def test_a_file_of_one_six_megabyte_paragraph_is_processed_and_its_folder_too(summits, tmp_path):
    """A feed's worst file: 5.7 MB without a single paragraph break. It is cut at sentence ends into parts
    small enough for any model (the limits are in the run report), and the run goes on to the next file."""
    config = project(tmp_path, "meeting_credit.txt")
    subjects = ["De burgemeester", "Een woordvoerder", "Het kabinet", "De minister", "De commissie"]
    verbs = ["zei", "meldde", "liet weten"]
    objects = ["de begroting wordt aangepast", "het overleg goed verliep", "de plannen nog niet klaar zijn"]
    sentences = [f"{s} {v} dat {o}." for s in subjects for v in verbs for o in objects]
    paragraph = " ".join(sentences[i % len(sentences)] for i in range(120_000))[:5_700_000]
    (tmp_path / "corpus" / "een_alinea.txt").write_text(f" date 2023-10-12 {paragraph}\n", encoding="utf-8")
    result = summits("run", "--config", str(config), "--processes", "2")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "run_report.json").read_text(encoding="utf-8"))
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert files["een_alinea.txt"]["status"] == "processed" and report["failed_documents"] == []
    note = files["een_alinea.txt"]["notes"][0]
    parts, most = re.match(r"een_alinea: large text cut into (\d+) parts of at most ([\d,]+) characters", note).groups()
    assert int(most.replace(",", "")) == report["limits"]["part_chars"] <= 100_000
    assert int(parts) * report["limits"]["part_chars"] >= 5_700_000
    assert {row["doc_id"] for row in read_rows(tmp_path / "out" / "mentions.csv")} == {"meeting_credit"}


def test_a_glob_pattern_and_a_list_file_name_the_inputs(summits, tmp_path):
    config = project(tmp_path)
    (tmp_path / "lijst.txt").write_text(f"{ARTICLES / 'no_header.txt'}\n", encoding="utf-8")
    result = summits("run", str(ARTICLES / "cp1*.txt"), "--list", str(tmp_path / "lijst.txt"), "--config", str(config),
                     "--out", str(tmp_path / "uit"))
    assert result.exit_code == 0, result.output
    assert {row["doc_id"] for row in read_rows(tmp_path / "uit" / "mentions.csv")} == {"cp1252", "no_header"}


def test_a_pattern_that_matches_nothing_is_one_line_and_exit_2(summits, tmp_path):
    result = summits("run", str(tmp_path / "geen-*.txt"), "--config", str(project(tmp_path)))
    assert_one_line_error(result, 2, "no file matches", "geen-*.txt")
