"""An input document as read, and its cleaned text with the way back to the raw characters."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.records.dates import PartialDate


@dataclass(frozen=True)
class Article:
    """One input document as read from disk, before any cleaning."""

    doc_id: str
    published: PartialDate | None
    raw_text: str
    source_path: str
    body_start: int = 0  # where the text starts after the ` date ...` header
    part: int = 0  # > 0 when a very large file was cut into parts
    raw_offset: int = 0  # where this part's raw_text starts in the original file
    url: str = ""  # a feed record's "url", kept for the outputs
    outlet: str = ""  # a feed record's "source" (the newspaper or agency)
    title: str = ""  # a feed record's "title"


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus, for every character of it, its position in the raw text."""

    text: str
    offsets: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean [start, end) span back to the raw text."""
        if start >= end:
            raw = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return raw, raw
        return self.offsets[start], self.offsets[end - 1] + 1
