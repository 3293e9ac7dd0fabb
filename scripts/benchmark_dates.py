"""Benchmark the Dutch date normaliser against dateparser on the hand-checked expression table.

Run from the project folder:  python3 scripts/benchmark_dates.py [--table tests/data/date_expressions.tsv]
Both sides get the same anchor. dateparser gets one DateDataParser per (anchor, tense) with
RELATIVE_BASE = the anchor (the 15th for a month anchor, 1 July for a year anchor) and PREFER_DATES_FROM
by tense; parsers are built and warmed before timing. Scoring: ours must give exactly (value,
value_end, precision). dateparser is scored leniently: its date counts as correct when, cut to the
expected precision, it equals the expected start value (it has no precision cap and no ranges);
for a not-a-date row, it must return nothing. Timing is the CPU time of this process
(time.process_time) over all rows, one thread, best of --repeat interleaved runs, so other jobs on a
shared machine do not distort it.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import time
from pathlib import Path

import dateparser

from pipeline.config import load_settings
from pipeline.timex.api import load_lexicon, normalize_range
from pipeline.timex.lexicon import DATES_DIR
from pipeline.records import PartialDate

PREFER = {"past": "past", "present": "future", "future": "future", "": "current_period"}
CUT = {"year": 4, "month": 7, "day": 10}


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of the expression table (comment lines start with '#')."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _base(anchor: str) -> dt.datetime:
    """The anchor as a datetime; a month or year anchor becomes its middle day, the fairest guess."""
    date = PartialDate.parse(anchor)
    if date.month is None:
        return dt.datetime(date.year, 7, 1, 12, 0)
    return dt.datetime(date.year, date.month, date.day or 15, 12, 0)


def build_parsers(rows: list[dict[str, str]]) -> dict[tuple[str, str], dateparser.date.DateDataParser]:
    """One warmed-up dateparser per anchor and tense, so its set-up is not timed."""
    parsers = {}
    for row in rows:
        key = (row["anchor"], row["tense"])
        if key not in parsers:
            settings = {"RELATIVE_BASE": _base(row["anchor"]), "PREFER_DATES_FROM": PREFER[row["tense"]]}
            parsers[key] = dateparser.date.DateDataParser(languages=["nl"], settings=settings)
            parsers[key].get_date_data("gisteren")
    return parsers


def run_ours(rows: list[dict[str, str]]) -> tuple[list[bool], float]:
    """Correctness per row and seconds taken for all rows."""
    lexicon = load_lexicon(load_settings().models_dir / DATES_DIR)  # loaded once, as in a pipeline run
    began = time.process_time()
    results = [normalize_range(row["expression"], row["anchor"], row["tense"] or None, lexicon=lexicon) for row in rows]
    seconds = time.process_time() - began
    expected = [(row["value"], row["value_end"], row["precision"]) if row["value"] else None for row in rows]
    return [got == want for got, want in zip(results, expected)], seconds


def run_dateparser(rows: list[dict[str, str]]) -> tuple[list[bool], float]:
    """Correctness per row (lenient, see module docstring) and seconds taken for all rows."""
    parsers = build_parsers(rows)
    began = time.process_time()
    results = [parsers[(row["anchor"], row["tense"])].get_date_data(row["expression"]).date_obj for row in rows]
    seconds = time.process_time() - began
    correct = []
    for row, got in zip(rows, results):
        if not row["value"]:
            correct.append(got is None)
        else:
            correct.append(got is not None and got.date().isoformat()[: CUT[row["precision"]]] == row["value"])
    return correct, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=Path("tests/data/date_expressions.tsv"))
    parser.add_argument("--repeat", type=int, default=7, help="time the best of this many runs")
    parser.add_argument("--show-misses", action="store_true", help="list the rows each side gets wrong")
    args = parser.parse_args()
    rows = read_table(args.table)
    ours, theirs = [], []
    for _ in range(args.repeat):  # interleaved, so a busy machine slows both sides alike
        ours.append(run_ours(rows))
        theirs.append(run_dateparser(rows))
    ours_correct, ours_seconds = ours[0][0], min(seconds for _, seconds in ours)
    theirs_correct, theirs_seconds = theirs[0][0], min(seconds for _, seconds in theirs)
    n = len(rows)
    print(f"{n} expressions from {args.table}")
    print(f"{'':16}{'ours':>14}{'dateparser':>14}")
    print(f"{'correct':16}{sum(ours_correct):>10}/{n:<3}{sum(theirs_correct):>10}/{n:<3}")
    print(f"{'accuracy':16}{sum(ours_correct) / n:>14.1%}{sum(theirs_correct) / n:>14.1%}")
    print(f"{'ms/expression':16}{1000 * ours_seconds / n:>14.3f}{1000 * theirs_seconds / n:>14.3f}")
    print(f"speed-up: {theirs_seconds / ours_seconds:.0f}x (best of {args.repeat} runs)")
    if args.show_misses:
        for name, correct in (("ours", ours_correct), ("dateparser", theirs_correct)):
            misses = [
                f"{row['expression']} @ {row['anchor']} {row['tense']}" for row, ok in zip(rows, correct) if not ok
            ]
            print(f"\n{name} misses ({len(misses)}):", *misses, sep="\n  ")


if __name__ == "__main__":
    main()
