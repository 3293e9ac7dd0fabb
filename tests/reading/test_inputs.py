"""Inputs at scale (issue 16): glob patterns and list files of paths."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.reading.inputs import InputError, expand_inputs


@pytest.fixture
def archive(tmp_path, monkeypatch):
    for name in ("2024-01/a.jsonl.gz", "2024-02/b.jsonl.gz", "2024-02/c.txt", "2023-12/d.jsonl.gz"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_pattern_gives_its_matches_sorted(archive):
    assert expand_inputs([Path("2024-*/*.jsonl.gz")]) == [Path("2024-01/a.jsonl.gz"), Path("2024-02/b.jsonl.gz")]
    assert len(expand_inputs([Path("**/*.gz")])) == 3


def test_a_pattern_that_matches_nothing_is_a_usage_error(archive):
    with pytest.raises(InputError, match="no file matches 2025-\\*/\\*.gz"):
        expand_inputs([Path("2025-*/*.gz")])


def test_paths_are_kept_as_given_and_a_list_file_adds_its_lines(archive):
    (archive / "list.txt").write_text("# this month\n2024-02/c.txt\n\n  2023-12/d.jsonl.gz \n", encoding="utf-8")
    assert expand_inputs([Path("2024-01")], [Path("list.txt")]) == [
        Path("2024-01"), Path("2024-02/c.txt"), Path("2023-12/d.jsonl.gz")]


def test_a_missing_list_file_is_a_usage_error(archive):
    with pytest.raises(InputError, match="cannot read the list of paths"):
        expand_inputs([], [Path("no-list.txt")])
