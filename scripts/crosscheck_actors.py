"""Cross-check every row of models/actors/*.tsv against Wikidata-derived office-holder tables.

Run from the project folder:
  python3 -m scripts.crosscheck_actors --sources /work/.mirror [--write-extract] [--fill-qids]
  python3 -m scripts.crosscheck_actors            (no --sources: the committed extract stands in for them)
Sources: the every-politician-scrapers repositories (fetched whole into the --sources folder, see
scripts/crosscheck_sources.py), models/actors/crosscheck/extra_facts.tsv (facts of other Wikidata-derived
tables, each naming its table) and, without --sources, models/actors/crosscheck/wikidata_extract.tsv;
crosscheck/name_links.tsv ties a name to the earlier label a source knows the person by.
For each row: an office fact of the same country, office and title for the same name confirms the QID and
the start and end days; failing that, a fact of any position with the row's name as its English Wikipedia
title (or unique label) confirms the QID only. Writes models/actors/crosscheck/row_sources.tsv (per row:
which source confirmed the QID and which dates) and models/actors/crosscheck.md (counts and conflicts).
--fill-qids writes each confirmed QID into the empty qid cells of that name; dates are corrected by hand.
"""
from __future__ import annotations

from pathlib import Path

import click

from pipeline.config import load_settings
from pipeline.knowledge.tables import read_table
from scripts.crosscheck_match import RowCheck, check_rows, read_actor_rows, unmatched_facts
from scripts.crosscheck_report import fill_qids, write_report, write_row_sources
from scripts.crosscheck_sources import (Fact, read_fact_file, read_positions, read_source_folder, with_offices,
                                        write_fact_file)


def _kept_for_extract(facts: list[Fact], checks: list[RowCheck]) -> list[Fact]:
    """Office facts, and the facts that name a row's person: what the cross-check needs without the sources."""
    used = {check.qid_fact for check in checks if check.qid_fact} | {f for check in checks for f in check.people}
    first_per_person: dict[tuple[str, str], Fact] = {}
    for fact in sorted(used, key=lambda f: (f.source, f.position, f.start, f.qid)):
        first_per_person.setdefault((fact.source, fact.qid), fact)   # one line per person and table is enough
    kept = set(first_per_person.values()) | {check.qid_fact for check in checks if check.qid_fact}
    return [fact for fact in facts if fact.office or fact in kept]


@click.command()
@click.option("--sources", "sources_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder with the fetched every-politician-scrapers repositories.")
@click.option("--write-extract", is_flag=True, help="Rewrite the committed extract from --sources.")
@click.option("--fill-qids", "fill", is_flag=True, help="Write confirmed QIDs into empty qid cells.")
def main(sources_dir: Path | None, write_extract: bool, fill: bool) -> None:
    actors_dir = load_settings().models_dir / "actors"
    folder = actors_dir / "crosscheck"
    positions = read_positions(folder / "positions.tsv")
    if sources_dir is not None:
        fetched = read_source_folder(sources_dir)
    else:
        fetched = read_fact_file(folder / "wikidata_extract.tsv")
    facts = with_offices(fetched + read_fact_file(folder / "extra_facts.tsv"), positions)
    rows = read_actor_rows(actors_dir)
    links = {row["name"]: row["source_label"]
             for row in read_table(folder / "name_links.tsv", ("name", "source_label", "why"))}
    checks = check_rows(rows, facts, links)
    if write_extract and sources_dir is not None:
        write_fact_file(folder / "wikidata_extract.tsv",
                        [f for f in _kept_for_extract(facts, checks) if f.source.startswith("every-")])
    write_row_sources(folder / "row_sources.tsv", checks)
    write_report(actors_dir / "crosscheck.md", checks, unmatched_facts(checks, facts),
                 "fetched repositories" if sources_dir else "committed extract")
    if fill:
        filled = fill_qids(actors_dir, checks)
        click.echo(f"filled {filled} qid cells", err=True)
    click.echo(f"{len(checks)} rows checked; report in {actors_dir / 'crosscheck.md'}", err=True)


if __name__ == "__main__":
    main()
