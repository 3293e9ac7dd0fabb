"""`kill -9` in the middle of a run leaves the previous complete set of outputs, and the next run takes over
the dead run's lock and clears its half-written folder (issue 14)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipeline.export.output_set import LOCK_NAME, TEMP_PREFIX
from pipeline.run import run
from tests.conftest import REPO

# Every file a run writes (README "Outputs"), typed by hand.
OUTPUTS = tuple(f"{table}.{kind}" for table in ("mentions", "events", "participants", "documents")
                for kind in ("csv", "parquet")) + ("summits.duckdb", "run_report.json")


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_kill_9_during_a_run_keeps_the_previous_outputs(tmp_path, project_settings, rule_pipeline):
    out, small, big = tmp_path / "out", tmp_path / "small", tmp_path / "big"
    small.mkdir()
    big.mkdir()
    articles = sorted(project_settings.corpus_dir.glob("*.txt"))
    shutil.copy(articles[0], small)
    for copy in range(200):  # long enough to be killed while it processes
        for article in articles:
            shutil.copy(article, big / f"{article.stem}_{copy}.txt")
    run(project_settings, [small], out, choice=rule_pipeline, show_progress=False)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}

    command = [sys.executable, "-c", "from pipeline.cli import main; main()", "run", str(big), "--out", str(out),
               "--no-model"]
    messages = tmp_path / "stderr.txt"
    with messages.open("w") as stderr:
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        # the pipeline is loaded (its note is printed) and the output folder taken: documents are processing
        loaded = _wait_for(lambda: "rules only" in messages.read_text() and list(out.glob(f"{TEMP_PREFIX}*")), 60)
        assert loaded, messages.read_text()
        time.sleep(0.5)
        assert process.poll() is None, "the run ended before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert (out / LOCK_NAME).exists() and list(out.glob(f"{TEMP_PREFIX}*"))  # what the dead run left

    result = run(project_settings, [small], out, choice=rule_pipeline, show_progress=False)
    assert result.report["counts"]["documents"] == 1
    assert not (out / LOCK_NAME).exists() and not list(out.glob(f"{TEMP_PREFIX}*"))
    assert (out / "mentions.csv").read_bytes() == before["mentions.csv"]
    assert sorted(os.listdir(out)) == sorted(OUTPUTS)
