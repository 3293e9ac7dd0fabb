"""What an incremental run keeps between runs, inside `summits.duckdb`: every document part's content hash,
word count and mention records, and the versions of the code and data that made them.

The next run into the same folder reads this back: a part whose content hash is unchanged, under the same
pipeline and data versions, gets its stored mentions instead of going through the pipeline again. When the
code, the data files under models/ or the settings that shape mentions change, nothing is reused.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Iterable, Iterator

import duckdb
import pandas as pd

from pipeline.export.database import storable
from pipeline.records import Article, Mention, mention_from_plain, to_plain

PARTS_TABLE = "stored_parts"
STATE_TABLE = "pipeline_state"
PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # the `pipeline` package

PartKey = tuple[str, str, int]  # (doc_id, input file without a feed line number, part)


def part_key(article: Article) -> PartKey:
    return key_of(article.doc_id, article.source_path, article.part)


def key_of(doc_id: str, source_path: str, part: int) -> PartKey:
    """A document part's identity across runs: a feed record keeps it when lines are added above it."""
    path, _, line = source_path.rpartition(":")
    return doc_id, path if path and line.isdigit() else source_path, part


def content_hash(article: Article) -> str:
    """Everything of a part that the pipeline reads: its text and what is known about it."""
    published = article.published.iso() if article.published else ""
    fields = (article.raw_text, str(article.body_start), str(article.raw_offset), published, article.url,
              article.outlet, article.title, article.source_path)
    return hashlib.sha1("\x1f".join(fields).encode("utf-8", "backslashreplace")).hexdigest()


def _files_digest(paths: list[Path], root: Path) -> str:
    digest = hashlib.sha1()
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def versions(models_dir: Path, reading: str) -> dict[str, str]:
    """The pipeline version (package version, a digest of its code, and `reading`: the settings that shape
    mentions) and the data version (a digest of every file under models/)."""
    code = _files_digest(list(PACKAGE_ROOT.rglob("*.py")), PACKAGE_ROOT)
    data = _files_digest([p for p in models_dir.rglob("*") if p.is_file()], models_dir)
    return {"pipeline_version": f"{metadata.version('summits')}+{code}; {reading}", "data_version": data}


@dataclass
class StoredPart:
    content_hash: str
    n_words: int
    mentions: list[Mention]
    source_path: str


@dataclass
class PreviousRun:
    """The stored parts of the run before; their mentions only when they can be reused (`reusable`; `note`
    says why not otherwise). Their content hashes are read either way, to tell new from changed."""
    parts: dict[PartKey, StoredPart] = field(default_factory=dict)
    note: str = ""
    reusable: bool = False

    @classmethod
    def read(cls, database: Path, wanted: dict[str, str]) -> "PreviousRun":
        if not database.is_file():
            return cls(note="no previous run in this folder")
        try:
            with duckdb.connect(str(database), read_only=True) as connection:
                state = dict(connection.execute(f"SELECT key, value FROM {STATE_TABLE}").fetchall())
                differs = [key.replace("_", " ") for key in sorted(wanted) if state.get(key) != wanted[key]]
                mentions = "'[]'" if differs else "mentions"  # not read when they cannot be reused
                rows = connection.execute(f"SELECT doc_id, source, part, content_hash, n_words, {mentions}, "
                                          f"source_path FROM {PARTS_TABLE}").fetchall()
        except duckdb.Error as error:
            return cls(note=f"the previous database cannot be read ({error.__class__.__name__}): every document "
                            f"is processed")
        parts = {(doc_id, source, part): StoredPart(digest, n_words, [mention_from_plain(m) for m in json.loads(
            stored)], source_path) for doc_id, source, part, digest, n_words, stored, source_path in rows}
        if differs:
            return cls(parts, f"the {' and the '.join(differs)} changed since the previous run: every document is "
                              f"processed again", reusable=False)
        return cls(parts, f"{len(parts)} stored document part(s) from the previous run", reusable=True)


def write_store(connection, wanted: dict[str, str], parts: dict[PartKey, StoredPart]) -> None:
    """The state and the parts, in the database being written (the new output set)."""
    connection.execute(f"CREATE TABLE {STATE_TABLE} (key VARCHAR PRIMARY KEY, value VARCHAR)")
    connection.executemany(f"INSERT INTO {STATE_TABLE} VALUES (?, ?)", sorted(wanted.items()))
    connection.execute(f"CREATE TABLE {PARTS_TABLE} (doc_id VARCHAR, source VARCHAR, part INTEGER, "
                       f"content_hash VARCHAR, n_words INTEGER, mentions VARCHAR, source_path VARCHAR)")
    # JSON with \u escapes: a file name in another encoding (lone surrogates) round-trips exactly
    rows = [(storable(key[0]), storable(key[1]), key[2], stored.content_hash, stored.n_words,
             json.dumps([to_plain(m) for m in stored.mentions]), storable(stored.source_path))
            for key, stored in sorted(parts.items())]
    if rows:
        frame = pd.DataFrame(rows, columns=["doc_id", "source", "part", "content_hash", "n_words", "mentions",
                                            "source_path"], dtype=object)
        connection.register("incoming_parts", frame)
        connection.execute(f"INSERT INTO {PARTS_TABLE} SELECT * FROM incoming_parts")
        connection.unregister("incoming_parts")


class Reuse:
    """Sorts a run's document parts into those to process (new or changed) and those whose stored mentions
    stand (unchanged), and keeps the new store: every part processed or reused in this run."""

    def __init__(self, previous: PreviousRun, keep_missing: bool = False):
        self.previous = previous
        self.keep_missing = keep_missing
        self.hashes: dict[PartKey, str] = {}
        self.unchanged: dict[PartKey, StoredPart] = {}
        self.store: dict[PartKey, StoredPart] = {}

    def only_fresh(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            key = part_key(article)
            digest = self.hashes[key] = content_hash(article)
            stored = self.previous.parts.get(key)
            if stored is not None and stored.content_hash == digest:
                self.unchanged[key] = stored
                if self.previous.reusable:
                    self.store[key] = stored
                    continue
            yield article

    @property
    def reused(self) -> dict[PartKey, StoredPart]:
        return self.unchanged if self.previous.reusable else {}

    def processed(self, doc_id: str, source_path: str, part: int, n_words: int, mentions: list[Mention]) -> None:
        key = key_of(doc_id, source_path, part)
        if key in self.hashes:
            self.store[key] = StoredPart(self.hashes[key], n_words, mentions, source_path)

    def missing(self) -> dict[PartKey, StoredPart]:
        """Stored parts of documents this run did not see: kept with --keep-missing (when their mentions can
        be reused), else dropped."""
        if not self.previous.reusable:
            return {}
        return {key: part for key, part in self.previous.parts.items() if key not in self.hashes}

    def counts(self) -> dict[str, int]:
        """Documents (all parts of one doc_id in one file) by what happened to them."""
        def documents(keys) -> set[tuple[str, str]]:
            return {key[:2] for key in keys}

        seen, before = documents(self.hashes), documents(self.previous.parts)
        unchanged = documents(self.unchanged) - documents(set(self.hashes) - set(self.unchanged))
        kept = len(documents(self.missing())) if self.keep_missing else 0  # none when nothing can be reused
        return {"new": len(seen - before), "changed": len((seen & before) - unchanged), "unchanged": len(unchanged),
                "removed": len(before - seen) - kept, "kept_missing": kept,
                "unchanged_processed_again": 0 if self.previous.reusable else len(unchanged)}
