"""Mentions leave the pipeline with offsets into the cleaned text; analysts check them against the file
they gave us. This maps them, once per document, through the cleaning's offset map, and stamps each with
where it was read (publication date, file, feed url and outlet), so a row stands on its own."""
from __future__ import annotations

from dataclasses import replace

from pipeline.records import Article, CleanText, Mention


def to_original(mentions: list[Mention], article: Article | None, clean: CleanText | None) -> list[Mention]:
    """The mentions with `char_start`/`char_end` in the original file, `evidence` copied from it, and the
    article's provenance."""
    if article is None or clean is None:
        return mentions
    published = article.published.iso() if article.published else ""
    mapped = []
    for mention in mentions:
        start, end = clean.raw_span(mention.char_start, mention.char_end)
        mapped.append(replace(mention, evidence=article.raw_text[start:end],
                              char_start=start + article.raw_offset, char_end=end + article.raw_offset,
                              published=published, source_path=article.source_path, url=article.url,
                              outlet=article.outlet))
    return mapped
