"""Reading and cleaning never raise: whatever bytes a file holds, it ends up as articles or as a skipped file
with a reason in the run report."""
from __future__ import annotations

import codecs
import json
import tempfile
from itertools import accumulate
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.config import load_settings
from pipeline.reading.cleaning import clean
from pipeline.reading.corpus import FileRecord, ReadOptions, decode_text, read_articles
from pipeline.records import PartialDate
from pipeline.run import _reading_setup, run_limits
from tests.conftest import REPO

SETTINGS = load_settings(REPO / "config.yaml")
OPTIONS, RULES = _reading_setup(SETTINGS, None, run_limits(SETTINGS)["part_chars"])
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any code point, lone surrogates included, plus the characters that trouble readers most.
ANY_CHAR = st.characters(codec=None, categories=None) | st.sampled_from("\n\r\t\x00\x0b\x0c\x1c\x85\u2028\ufeff\ud800")
TEXT = st.text(ANY_CHAR, max_size=300)
LONG_LINE = st.builds(lambda piece, times: piece * times, st.text(ANY_CHAR | st.sampled_from('[{"\\:, '), min_size=1,
                                                                  max_size=12), st.integers(1000, 30_000))
HEADER = st.one_of(  # dates, numbers of any size joined by dashes, anything
    st.builds(PartialDate, st.integers(1900, 2100)).map(PartialDate.iso),
    st.lists(st.integers(min_value=0).map(str) | st.from_regex(r"\A\d{1,4}\Z"), min_size=1, max_size=4).map("-".join),
    st.text(ANY_CHAR, max_size=20),
)
DUTCH = st.sampled_from([
    "Premier Rutte ontving dinsdag de Franse president in Den Haag.", "Hij sprak met Merkel over de top.",
    "Poetin en Xi ontmoetten elkaar gisteren in Peking.", "\n\n", " en ", "de", "het", "een", "van",
])
TEXT_FILE = st.one_of(
    TEXT, LONG_LINE,
    st.builds(lambda date, body: f" date {date} {body}", HEADER, st.lists(DUTCH | TEXT, max_size=8).map("".join)),
)
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHAR, max_size=30),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                          max_leaves=8)
FEED_LINE = st.one_of(
    st.fixed_dictionaries({"id": JSON_VALUE, "text": JSON_VALUE}, optional={"date": JSON_VALUE | HEADER}),
    st.fixed_dictionaries({"id": st.text(max_size=8), "date": HEADER, "text": st.lists(DUTCH, max_size=6).map(" ".join)}),
    JSON_VALUE,
).map(lambda item: json.dumps(item, ensure_ascii=False)) | TEXT | LONG_LINE
FEED = st.lists(FEED_LINE, max_size=6).map("\n".join)


def _encode(text: str, codec: str) -> bytes:
    if codec == "utf-16":  # with a byte-order mark, as Windows writes it
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", errors="surrogatepass")
    return text.encode(codec, errors="surrogatepass" if codec == "utf-8" else "replace")


ENCODED_TEXT = st.builds(_encode, TEXT_FILE, st.sampled_from(["utf-8", "utf-16", "cp1252"]))
ENCODED_FEED = st.builds(_encode, FEED, st.sampled_from(["utf-8", "utf-16", "cp1252"]))
A_FILE = st.one_of(
    st.tuples(st.sampled_from([".txt", ".TXT", ".jsonl"]), st.binary(max_size=2000)),
    st.tuples(st.sampled_from([".txt", ".TXT"]), ENCODED_TEXT),
    st.tuples(st.just(".jsonl"), ENCODED_FEED),
)
READ_OPTIONS = st.builds(
    ReadOptions, default_date=st.none() | st.just(PartialDate(2019, 9)),
    max_file_bytes=st.sampled_from([OPTIONS.max_file_bytes, 40, 3]), function_words=st.just(OPTIONS.function_words),
)


def _read(contents: list[tuple[str, bytes]], options: ReadOptions):
    """Write the files into a fresh folder and read them: (paths, articles, records)."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, (suffix, data) in enumerate(contents):
            paths.append(Path(folder) / f"doc{number}{suffix}")
            paths[-1].write_bytes(data)
        records: list[FileRecord] = []
        articles = list(read_articles(paths, options, records))
        return paths, articles, records


@FAST
@given(st.lists(A_FILE, min_size=1, max_size=3), READ_OPTIONS)
def test_every_file_gives_articles_or_a_skip_reason(contents, options):
    paths, articles, records = _read(contents, options)
    assert [record.path for record in records] == [str(path) for path in paths]
    for record in records:
        # a feed's articles come from "<path>:<line>"
        from_file = [a for a in articles if a.source_path == record.path or a.source_path.startswith(record.path + ":")]
        if record.status == "skipped":
            assert record.reason and not from_file and not record.doc_ids
        else:
            assert record.status in ("processed", "partial") and record.doc_ids and from_file
            assert {a.doc_id for a in from_file} == set(record.doc_ids)


@FAST
@given(st.lists(A_FILE, min_size=1, max_size=3), READ_OPTIONS)
def test_cleaning_every_article_keeps_an_offset_per_character(contents, options):
    _, articles, _ = _read(contents, options)
    for article in articles:
        cleaned = clean(article.raw_text, RULES, article.body_start)
        assert len(cleaned.offsets) == len(cleaned.text)
        assert all(article.body_start <= offset < len(article.raw_text) for offset in cleaned.offsets)


@FAST
@given(st.tuples(st.sampled_from([".txt"]), ENCODED_TEXT), READ_OPTIONS)
def test_the_parts_of_a_text_file_put_together_are_the_file(content, options):
    """A large file is cut into parts; together (at their raw offsets) they are the decoded file."""
    _, articles, records = _read([content], options)
    text, _ = decode_text(content[1])
    if records[0].status != "skipped":
        assert "".join(article.raw_text for article in articles) == text
        # running sums: a 360,000-character line cut into 3-character parts has 120,000 of them
        assert [article.raw_offset for article in articles] == list(accumulate(
            (len(article.raw_text) for article in articles[:-1]), initial=0))


RECORD = st.fixed_dictionaries({
    "id": st.text(min_size=1, max_size=8).filter(str.strip) | st.integers(), "date": st.builds(PartialDate, st.integers(1900, 2100)).map(PartialDate.iso),
    "text": st.text(min_size=1, max_size=80).filter(str.strip),
})


@FAST
@given(st.lists(RECORD, min_size=1, max_size=5))
def test_a_valid_feed_is_read_record_for_record(items):
    """Every record of a JSON Lines feed written by json.dumps comes back with its text, whatever the text holds
    (JSON keeps U+2028 and U+0085 unescaped: they are no line ends of the feed)."""
    feed = "\n".join(json.dumps(item, ensure_ascii=False) for item in items).encode("utf-8")
    _, articles, records = _read([(".jsonl", feed)], ReadOptions())
    assert [(a.doc_id, a.raw_text) for a in articles] == [(str(item["id"]), item["text"]) for item in items]
    assert records[0].status == "processed"
