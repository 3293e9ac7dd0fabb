"""The documents table: one row per input document, read or failed, with where it came from.

Built as the run goes: the reader's articles say where each document came from, the outcomes how many
words it had, the failures why it went wrong. A document cut into parts is one row; two files that give the
same document id (a.txt in two folders) are two rows.
"""
from __future__ import annotations

from collections import Counter

from pipeline.records import Article


class DocumentLedger:
    def __init__(self) -> None:
        self._rows: dict[tuple[str, str], dict] = {}  # (doc_id, source_path) -> row
        self._parts_read: Counter = Counter()

    def seen(self, article: Article) -> None:
        key = (article.doc_id, article.source_path)
        row = self._rows.get(key)
        if row is None:
            self._rows[key] = {
                "doc_id": article.doc_id, "source_path": article.source_path,
                "published": article.published.iso() if article.published else "", "url": article.url,
                "outlet": article.outlet, "title": article.title, "status": "processed", "error": "",
                "n_parts": 1, "n_words": 0, "n_mentions": 0}
        else:
            row["n_parts"] += 1

    def kept(self, doc_id: str, stored) -> None:
        """A document of an earlier run that is not in this run's input, kept with --keep-missing."""
        key = (doc_id, stored.source_path)
        first = stored.mentions[0] if stored.mentions else None
        row = self._rows.setdefault(key, {
            "doc_id": doc_id, "source_path": stored.source_path, "published": first.published if first else "",
            "url": first.url if first else "", "outlet": first.outlet if first else "", "title": "",
            "status": "kept", "error": "", "n_parts": 0, "n_words": 0, "n_mentions": 0})
        row["n_parts"] += 1
        row["n_words"] += stored.n_words

    def read(self, doc_id: str, source_path: str, n_words: int) -> None:
        key = (doc_id, source_path)
        if key in self._rows:
            self._rows[key]["n_words"] += n_words
            self._parts_read[key] += 1

    def rows(self, failures: list[dict], mention_rows: list[dict]) -> list[dict]:
        """The rows in doc_id order, with each document's mention count and, if it failed, why ("partial":
        some parts of a large text went through)."""
        for failed in failures:
            key = (failed["doc_id"], failed["path"])
            row = self._rows.get(key)
            if row is not None:
                row["status"] = "partial" if self._parts_read[key] else "failed"
                row["error"] = "; ".join(filter(None, (row["error"], f"{failed['component']}: {failed['error']}")))
        counts = Counter((row["doc_id"], row["source_path"]) for row in mention_rows)
        for key, row in self._rows.items():
            row["n_mentions"] = counts.get(key, 0)
        return [self._rows[key] for key in sorted(self._rows)]
