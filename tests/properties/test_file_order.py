"""The outputs of a run do not depend on the order of its input files.

The same development articles are written into two folders in different orders and passed to run() as
differently shuffled lists; the CSV files must be the same bytes, and the report the same but for timings,
the folder the files were in, and which file a reused document id is said to belong to first (the one
read first, by design). Files sit in subfolders, and may share a name ("a/nieuws.txt", "b/nieuws.txt": one
doc_id, other texts) or a text (one article twice), so that ties in every sort are tried.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.run import run
from tests.conftest import REPO

ORDERS = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DEV = sorted((REPO / "tests" / "data" / "dev").glob("*.txt"))
CSV_OUTPUTS = ("mentions.csv", "events.csv", "participants.csv", "documents.csv")
REUSED_ID = "document id also used by"
# (relative path, content): the development articles, under their own names or a shared one.
ARTICLE = st.builds(lambda folder, name, path: (f"{folder}/{name or path.name}", path.read_bytes()),
                    st.sampled_from("abc"), st.sampled_from([None, "nieuws.txt", "bericht.txt"]), st.sampled_from(DEV))
ARTICLES = st.lists(ARTICLE, min_size=2, max_size=8, unique_by=lambda article: article[0])


def _report_without_timings(out: Path, folder: Path) -> dict:
    """run_report.json without its timings, file entries by name and paths relative to the input folder."""
    text = (out / "run_report.json").read_text(encoding="utf-8").replace(json.dumps(str(folder))[1:-1] + "/", "")
    report = json.loads(text)
    report.pop("timings")
    for entry in report["files"]:
        entry["notes"] = [note for note in entry.get("notes", []) if REUSED_ID not in note]
    report["files"].sort(key=lambda entry: entry["path"])
    return report


def _run_in_order(config, pipeline, base: Path, articles: list[tuple[str, bytes]], order: list[int]) -> Path:
    """Write the articles into base/in in `order` and run them in that order; the output folder."""
    folder, out = base / "in", base / "out"
    for index in order:
        name, data = articles[index]
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    run(config, [folder / articles[index][0] for index in order], out, use_model=False, show_progress=False,
        choice=pipeline)
    return out


@ORDERS
@given(ARTICLES.flatmap(lambda articles: st.tuples(st.just(articles), st.permutations(range(len(articles))),
                                                   st.permutations(range(len(articles))))))
def test_outputs_do_not_depend_on_the_order_of_the_files(project_settings, rule_pipeline, example):
    articles, first_order, second_order = example
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        first_out = _run_in_order(project_settings, rule_pipeline, Path(first), articles, first_order)
        second_out = _run_in_order(project_settings, rule_pipeline, Path(second), articles, second_order)
        for name in CSV_OUTPUTS:  # the same bytes, but for the input folder's own path in source_path
            assert (first_out / name).read_bytes().replace(first.encode(), b"") == \
                (second_out / name).read_bytes().replace(second.encode(), b""), name
        assert _report_without_timings(first_out, Path(first) / "in") == \
            _report_without_timings(second_out, Path(second) / "in")
