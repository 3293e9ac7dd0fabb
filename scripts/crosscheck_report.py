"""Outputs of the actor cross-check: the per-row source table, the Markdown report, the QID fill."""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from pipeline.knowledge.tables import read_table
from scripts.crosscheck_match import RowCheck
from scripts.crosscheck_sources import Fact

ROW_SOURCES_HEADER = """\
# Per row of models/actors/*.tsv: which source confirmed the row's QID and which of its days. Written by
# scripts/crosscheck_actors.py (do not edit by hand; run it again after changing the actor tables). A row is
# found by file, name, country, office and start. Sources are the Wikidata-derived tables named in
# models/actors/crosscheck/wikidata_extract.tsv and extra_facts.tsv (owner/repo:table@commit).
# FORMAT: file<TAB>name<TAB>country<TAB>office<TAB>start<TAB>qid_source<TAB>dates_confirmed<TAB>dates_source
#   qid_source empty = no source confirms the QID; "(as <position>)" = confirmed by the person's entry in
#   another position; dates_confirmed = start|end, the days the source agrees with.
"""
REVIEWED_COLUMNS = ("name", "country", "office", "start", "kind", "reason")


def _cite(fact: Fact) -> str:
    return f"{fact.source}@{fact.commit[:7]}" if fact.commit else fact.source


def qid_source(check: RowCheck) -> str:
    if not check.qid_confirmed:
        return ""
    fact = check.qid_fact
    return _cite(fact) if fact is check.office_fact else f"{_cite(fact)} (as {fact.position})"


def write_row_sources(path: Path, checks: list[RowCheck]) -> None:
    lines = []
    for check in checks:
        row = check.row
        dates_source = _cite(check.office_fact) if check.dates else ""
        lines.append("\t".join((row.file, row.name, row.country, row.office, row.start, qid_source(check),
                                "|".join(check.dates), dates_source)))
    path.write_text(ROW_SOURCES_HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def read_reviewed(path: Path) -> dict[tuple[str, str, str, str, str], str]:
    """Conflicts a person has looked at: (name, country, office, start, kind) -> why ours stands."""
    if not path.is_file():
        return {}
    return {tuple(row[c] for c in REVIEWED_COLUMNS[:5]): row["reason"] for row in read_table(path, REVIEWED_COLUMNS)}


def _conflict_lines(checks: list[RowCheck], reviewed: dict) -> tuple[list[str], list[str]]:
    open_lines, reviewed_lines = [], []
    for check in checks:
        row = check.row
        for kind, detail in check.conflicts:
            reason = reviewed.get((row.name, row.country, row.office, row.start, kind))
            text = f"- `{row.where}` {row.name} ({row.country} {row.office} from {row.start}): {kind}: {detail}"
            if reason:
                reviewed_lines.append(f"{text}. Kept: {reason}")
            else:
                open_lines.append(text)
    return open_lines, reviewed_lines


def _counts(checks: list[RowCheck]) -> list[str]:
    lines = ["| file | rows | with QID | QID confirmed | start confirmed | end confirmed |", "|---|---|---|---|---|---|"]
    per_file: dict[str, Counter] = defaultdict(Counter)
    for check in checks:
        for key in ("all", check.row.file) + (("target",) if check.row.is_target() else ()):
            counter = per_file[key]
            counter["rows"] += 1
            counter["qid"] += bool(check.row.qid)
            counter["confirmed"] += bool(check.row.qid) and check.qid_confirmed
            counter["start"] += "start" in check.dates
            counter["end"] += "end" in check.dates
    for key, c in per_file.items():
        label = {"all": "all files", "target": "EU/NATO/G20 heads since 2000"}.get(key, key)
        lines.append(f"| {label} | {c['rows']} | {c['qid']} | {c['confirmed']} | {c['start']} | {c['end']} |")
    return lines


def write_report(path: Path, checks: list[RowCheck], unmatched: list[Fact], origin: str) -> None:
    reviewed = read_reviewed(path.parent / "crosscheck" / "reviewed.tsv")
    open_lines, reviewed_lines = _conflict_lines(checks, reviewed)
    targets = [c for c in checks if c.row.is_target()]
    confirmed = [c for c in targets if c.row.qid and c.qid_confirmed]
    missing = [f"- `{c.row.where}` {c.row.name} ({c.row.country} {c.row.office} {c.row.start}..{c.row.end})"
               + (f": {c.row.note}" if c.row.note else "") for c in targets if c not in confirmed]
    gaps = sorted(f"- {f.country} {f.office}: {f.label} ({f.qid}) {f.start}..{f.end or 'open'} ({f.source})"
                  for f in unmatched)
    share = 100 * len(confirmed) / max(len(targets), 1)
    text = [
        "# Cross-check of models/actors/*.tsv against Wikidata-derived office-holder tables", "",
        f"Made by `python3 -m scripts.crosscheck_actors` from the {origin}; per-row sources are in",
        "`crosscheck/row_sources.tsv`. Sources: the every-politician-scrapers tables (snapshots of 2022-07 to",
        "2023-03, see `crosscheck/wikidata_extract.tsv`) and `crosscheck/extra_facts.tsv`; facts are Wikidata's (CC0).",
        "", "## Counts", "", *_counts(checks), "",
        f"Heads of state and of government of the EU, NATO and G20 states since 2000 with a QID a named source "
        f"confirms: {len(confirmed)} of {len(targets)} rows ({share:.1f} %).", "",
        f"Open conflicts: {len(open_lines)}; conflicts reviewed and kept as we have them: {len(reviewed_lines)}.",
        "", "## Open conflicts", "", *(open_lines or ["None."]), "",
        "## Reviewed conflicts (ours kept, with the reason)", "", *(reviewed_lines or ["None."]), "",
        "## EU/NATO/G20 heads since 2000 without a confirmed QID", "", *(missing or ["None."]), "",
        "## Source terms with no row for that person in that office", "", *(gaps or ["None."]), "",
    ]
    path.write_text("\n".join(text), encoding="utf-8")


def fill_qids(actors_dir: Path, checks: list[RowCheck]) -> int:
    """Write each name's confirmed QID into its empty qid cells; names with two candidate QIDs are left."""
    found: dict[str, set[str]] = defaultdict(set)
    for check in checks:
        if check.qid_confirmed:
            found[check.row.name].add(check.qid_fact.qid)
    by_file: dict[str, dict[int, str]] = defaultdict(dict)
    for check in checks:
        qids = found.get(check.row.name, set())
        if not check.row.qid and len(qids) == 1:
            by_file[check.row.file][check.row.line] = next(iter(qids))
    for name, lines in by_file.items():
        path = actors_dir / name
        text = path.read_text(encoding="utf-8").split("\n")
        for number, qid in lines.items():
            cells = text[number - 1].split("\t")
            cells[1] = qid
            text[number - 1] = "\t".join(cells)
        path.write_text("\n".join(text), encoding="utf-8")
    return sum(len(lines) for lines in by_file.values())
