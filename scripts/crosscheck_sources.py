"""Office-holder facts from the Wikidata-derived tables of the every-politician-scrapers project.

Only facts are read (who held which position, with QID and dates); no code of that project is used.
A source folder holds the fetched repositories either as bare git mirrors
(`<folder>/every-politician-scrapers+<repo>/repo`, the layout the `fetch` tool makes) or as plain
checkouts (`<folder>/<repo>/`). Every CSV under html/, data/ and wikidata/results/ is read, in whichever
of these shapes it has (other CSVs are skipped):
  position,person,personID,start,end,...,enwiki    holders21.csv, legislators.csv, current.csv
  ...,positionLabel,officeholder,officeholderLabel,start_year,end_year    world-leaders-2021 data/wikidata.csv
  id,name,...,enwiki                               bio.csv (a person, no position)
  item,name,...                                    wikidata/results/current-members.csv (iceland-althing)
  id,name,relationship,relative,relativename      family.csv (both people)
A fact whose (repo, table, position) is listed in models/actors/crosscheck/positions.tsv is an office fact
(country, office, titles); every other fact only ties a name to a QID.
"""
from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.knowledge.tables import read_table

OWNER = "every-politician-scrapers"
TABLE_FOLDERS = ("html/", "data/", "wikidata/results/")
POSITION_COLUMNS = ("repo", "table", "position", "country", "office", "titles")
FACT_COLUMNS = ("source", "commit", "position", "qid", "label", "enwiki", "start", "end")
FACT_OPTIONAL = ("commit", "position", "enwiki", "end", "start")
EXTRACT_HEADER = """\
# Extract of Wikidata facts (CC0): heads of state and of government, and the other positions that confirm the
# QID of a name in models/actors/*.tsv. Made by scripts/crosscheck_actors.py --write-extract from the
# Wikidata-derived tables of the every-politician-scrapers repositories on GitHub (html/holders21.csv of each
# country repository, data/wikidata.csv of world-leaders-2021), snapshots of 2022-2023 named by commit.
# Only facts (position, QID, label, English Wikipedia title, start, end) are kept; the data is Wikidata's (CC0).
# It lets the cross-check run without the fetched repositories.
# FORMAT: source<TAB>commit<TAB>position<TAB>qid<TAB>label<TAB>enwiki<TAB>start<TAB>end
#   source = owner/repo:table; commit = the snapshot's commit; start/end = YYYY, YYYY-MM-DD; end empty = open.
"""


@dataclass(frozen=True)
class Fact:
    """One row of a source table, and where it came from."""

    source: str      # "every-politician-scrapers/belgium-cabinet:html/holders21.csv"
    commit: str
    position: str
    qid: str
    label: str
    enwiki: str
    start: str
    end: str
    country: str = ""   # the next three are set for office facts only (positions.tsv)
    office: str = ""
    titles: tuple[str, ...] = ()

    @property
    def repo(self) -> str:
        return self.source.split(":", 1)[0].split("/", 1)[1]

    @property
    def table(self) -> str:
        return self.source.split(":", 1)[1]


def read_positions(path: Path) -> dict[tuple[str, str, str], list[tuple[str, str, tuple[str, ...]]]]:
    """(repo, table, position) -> [(country, office, titles)]: which source positions are which offices."""
    positions: dict[tuple[str, str, str], list[tuple[str, str, tuple[str, ...]]]] = {}
    for row in read_table(path, POSITION_COLUMNS):
        key = (row["repo"], row["table"], row["position"])
        positions.setdefault(key, []).append((row["country"], row["office"], tuple(row["titles"].split("|"))))
    return positions


def _git_text(git_dir: Path, *args: str) -> str:
    done = subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else ""


def _is_table(path: str) -> bool:
    return path.endswith(".csv") and path.startswith(TABLE_FOLDERS) and path.count("/") <= 2


def _repo_tables(folder: Path) -> list[tuple[str, str, str, str]]:
    """(repo, table, commit, csv text) of every table found under a source folder."""
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(f"{OWNER}+") and (entry / "repo").is_dir():
            repo, git_dir = entry.name.split("+", 1)[1], entry / "repo"
            commit = _git_text(git_dir, "rev-parse", "HEAD").strip()
            tables = [t for t in _git_text(git_dir, "ls-tree", "-r", "--name-only", "HEAD").split("\n") if _is_table(t)]
            found += [(repo, t, commit, _git_text(git_dir, "show", f"HEAD:{t}")) for t in tables]
        elif entry.is_dir():
            tables = [p.relative_to(entry).as_posix() for p in sorted(entry.rglob("*.csv"))]
            found += [(entry.name, t, "", (entry / t).read_text(encoding="utf-8")) for t in tables if _is_table(t)]
    return [item for item in found if item[3]]


def _facts_of_row(source: str, commit: str, cells: dict[str, str]) -> list[Fact]:
    """The people a CSV row names, in whichever of the shapes above it has."""
    get = lambda column: cells.get(column) or ""  # noqa: E731 - missing and empty cells alike
    if "personID" in cells and "position" in cells:
        return [Fact(source, commit, get("position"), get("personID"), get("person"), get("enwiki"),
                     get("start"), get("end"))]
    if "officeholder" in cells:
        return [Fact(source, commit, get("positionLabel"), get("officeholder"), get("officeholderLabel"), "",
                     get("start_year"), get("end_year"))]
    if "relationship" in cells:
        return [Fact(source, commit, "", get("id"), get("name"), "", "", ""),
                Fact(source, commit, "", get("relative"), get("relativename"), "", "", "")]
    if "id" in cells and "name" in cells and "enwiki" in cells:
        return [Fact(source, commit, "", get("id"), get("name"), get("enwiki"), "", "")]
    if "item" in cells and "name" in cells:
        return [Fact(source, commit, "", get("item"), get("name"), "", "", "")]
    return []


def _facts_of_table(repo: str, table: str, commit: str, text: str) -> list[Fact]:
    source = f"{OWNER}/{repo}:{table}"
    facts = [fact for cells in csv.DictReader(io.StringIO(text)) for fact in _facts_of_row(source, commit, cells)]
    return [fact for fact in facts if fact.qid.startswith("Q") and fact.label]


def read_source_folder(folder: Path) -> list[Fact]:
    """Every fact of every table of the fetched repositories under `folder`."""
    return [fact for repo, table, commit, text in _repo_tables(folder)
            for fact in _facts_of_table(repo, table, commit, text)]


def read_fact_file(path: Path) -> list[Fact]:
    """Facts from a committed extract (or a hand-kept table in the same format)."""
    return [Fact(*(row[column] for column in FACT_COLUMNS)) for row in read_table(path, FACT_COLUMNS, FACT_OPTIONAL)]


def with_offices(facts: list[Fact], positions: dict) -> list[Fact]:
    """Each fact whose position is an office, once per (country, office) it stands for; the others as they are."""
    placed = []
    for fact in facts:
        offices = positions.get((fact.repo, fact.table, fact.position), ())
        placed += [replace(fact, country=c, office=o, titles=t) for c, o, t in offices] or [fact]
    return placed


def write_fact_file(path: Path, facts: list[Fact]) -> None:
    lines = sorted({"\t".join(getattr(fact, column) for column in FACT_COLUMNS) for fact in facts})
    path.write_text(EXTRACT_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
