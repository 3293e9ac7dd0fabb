"""Mentions leave the pipeline with offsets into the cleaned text; analysts check them against the file
they gave us. This maps them, once per document, through the cleaning's offset map."""
from __future__ import annotations

from dataclasses import replace

from pipeline.records import Article, CleanText, Mention


def to_original(mentions: list[Mention], article: Article | None, clean: CleanText | None) -> list[Mention]:
    """The mentions with `char_start`/`char_end` in the original file and `evidence` copied from it."""
    if article is None or clean is None:
        return mentions
    mapped = []
    for mention in mentions:
        start, end = clean.raw_span(mention.char_start, mention.char_end)
        mapped.append(replace(mention, evidence=article.raw_text[start:end],
                              char_start=start + article.raw_offset, char_end=end + article.raw_offset))
    return mapped
