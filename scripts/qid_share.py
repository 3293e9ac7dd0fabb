"""Share of extracted participants that carry a Wikidata id: what analysts can join on.

Run from the project folder, after `summits run SET --out OUTPUT_DIR`:
  python3 -m scripts.qid_share OUTPUT_DIR [OUTPUT_DIR ...]
Reads OUTPUT_DIR/mentions.csv: `participants` and `participant_ids` are '; '-separated and parallel (an empty id
is a participant without a QID). Prints one line per folder (participants, with QID, share) and, with
--missing, the names that came out without one, most frequent first.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import click

SEPARATOR = "; "


def participant_ids(mentions: Path) -> list[tuple[str, str]]:
    """(name, qid) of every participant of every mention; qid '' when the participant has none."""
    pairs = []
    with mentions.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = row["participants"].split(SEPARATOR) if row["participants"] else []
            ids = row["participant_ids"].split(SEPARATOR) if row["participant_ids"] else []
            ids += [""] * (len(names) - len(ids))
            pairs += [(name, qid.strip()) for name, qid in zip(names, ids)]
    return pairs


@click.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--missing", is_flag=True, help="List the participants without a QID.")
def main(folders: tuple[Path, ...], missing: bool) -> None:
    for folder in folders:
        pairs = participant_ids(folder / "mentions.csv")
        with_qid = sum(1 for _, qid in pairs if qid)
        share = 100 * with_qid / len(pairs) if pairs else 0.0
        click.echo(f"{folder}: {len(pairs)} participants, {with_qid} with a QID ({share:.1f} %)")
        if missing:
            for name, count in Counter(name for name, qid in pairs if not qid).most_common():
                click.echo(f"  {count}\t{name}")


if __name__ == "__main__":
    main()
