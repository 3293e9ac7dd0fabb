"""Reading input files: headers, encodings, feeds, bad paths and very large files (issue 2, "Bad input")."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import ARTICLES, REPO
from pipeline.reading.corpus import (FileRecord, ReadOptions, decode_text, language_problem, parse_header,
                             read_articles, split_large_text)
from pipeline.knowledge.tables import read_words
from pipeline.records import PartialDate

FUNCTION_WORDS = read_words(REPO / "models" / "lexicon" / "dutch_function_words.txt")
OPTIONS = ReadOptions(function_words=FUNCTION_WORDS)
DUTCH = "Premier Rutte heeft vandaag in Den Haag de Franse president ontvangen voor een gesprek.\n"


def read(paths: list[Path], options: ReadOptions = OPTIONS):
    records: list[FileRecord] = []
    articles = list(read_articles(paths, options, records))
    return articles, records


def record_for(records: list[FileRecord], name: str) -> FileRecord:
    return next(record for record in records if Path(record.path).name == name)


@pytest.mark.parametrize("text, date, body_start, note", [
    (" date 2019-04-25 Poetin", PartialDate(2019, 4, 25), 17, ""),
    (" date 2019-04 Poetin", PartialDate(2019, 4), 14, ""),
    ("date 2018 Poetin", PartialDate(2018), 10, ""),
    ("\ufeff date 2019-04 Poetin", PartialDate(2019, 4), 15, ""),
    ("Poetin en Kim", None, 0, "no date header"),
    (" date 2019-13 Poetin", None, 14, "malformed date header '2019-13'"),
    (" date april Poetin", None, 12, "malformed date header 'april'"),
])
def test_parse_header_gives_date_body_start_and_note(text, date, body_start, note):
    assert parse_header(text) == (date, body_start, note)


def test_header_file_is_read_with_its_date_and_body_start():
    articles, records = read([ARTICLES / "meeting_credit.txt"])
    assert [a.doc_id for a in articles] == ["meeting_credit"]
    assert articles[0].published == PartialDate(2019, 4)
    assert articles[0].raw_text[articles[0].body_start:].startswith("Premier Mark Rutte")
    assert records[0].status == "processed" and records[0].doc_ids == ["meeting_credit"]


def test_byte_order_mark_is_kept_so_offsets_match_the_file(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff date 2019-04 ".encode("utf-8") + DUTCH.encode("utf-8"))
    (article,), _ = read([path])
    assert article.raw_text[0] == "\ufeff"
    assert article.body_start == 15 and article.published == PartialDate(2019, 4)


def test_decode_text_reads_utf8_without_note():
    assert decode_text("geïnspireerd".encode("utf-8")) == ("geïnspireerd", "")


def test_decode_text_falls_back_to_cp1252():
    assert decode_text("\u201eja\u201d, geïnspireerd".encode("cp1252")) == (
        "\u201eja\u201d, geïnspireerd", "not UTF-8: decoded as cp1252")


def test_decode_text_reads_utf16_with_byte_order_mark():
    data = "\ufeff date 2019-04 Poetin".encode("utf-16-le")
    assert decode_text(data) == (" date 2019-04 Poetin", "UTF-16 text: decoded as utf-16-le")


def test_decode_text_refuses_binary_data():
    text, reason = decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert text is None and reason.startswith("binary file")


def test_cp1252_file_is_processed_with_a_note():
    (article,), records = read([ARTICLES / "cp1252.txt"])
    assert "geïnspireerd" in article.raw_text and "\u201euitstekend\u201d" in article.raw_text
    assert records[0].status == "processed"
    assert "not UTF-8: decoded as cp1252" in records[0].notes


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "empty file"),
    ("binary.txt", "binary file (contains NUL bytes)"),
])
def test_unusable_file_is_skipped_with_reason(name, reason):
    articles, records = read([ARTICLES / name])
    assert articles == []
    assert (records[0].status, records[0].reason) == ("skipped", reason)


def test_english_article_is_skipped_as_not_dutch():
    articles, records = read([ARTICLES / "english.txt"])
    assert articles == []
    assert records[0].status == "skipped" and records[0].reason.startswith("not Dutch")


def test_header_without_text_is_skipped_as_empty(tmp_path):
    (tmp_path / "kop.txt").write_text(" date 2019-04 \n\n", encoding="utf-8")
    articles, records = read([tmp_path / "kop.txt"])
    assert articles == [] and records[0].reason == "empty file"


@pytest.mark.parametrize("text", [
    "Le président Emmanuel Macron a reçu mardi à Paris la chancelière Angela Merkel. Les deux dirigeants ont "
    "parlé de la situation en Ukraine et de l'avenir de l'Europe.",
    "Bundeskanzlerin Angela Merkel hat am Dienstag in Paris den französischen Präsidenten Emmanuel Macron "
    "getroffen. Die beiden sprachen über die Lage in der Ukraine, als die Nachricht kam, dass er zurücktreten "
    "werde. Es war das erste Treffen seit dem Gipfel.",
    "El presidente ruso Vladimir Putin se reunió el jueves en Vladivostok con el líder norcoreano Kim Jong-un. "
    "Fue su primera cumbre, dijo el Kremlin en un comunicado.",
])
def test_language_check_refuses_french_german_and_spanish(text):
    assert language_problem(text, OPTIONS).startswith("not Dutch")


def test_language_check_accepts_dutch_and_lets_short_texts_through():
    assert language_problem(DUTCH, OPTIONS) == ""
    assert language_problem("Rutte ontving Macron.", OPTIONS) == ""


def test_language_check_ignores_names_and_hyphenated_name_parts():
    # Without joining hyphenated names, "un", "nam", "hae" and "ju" would outnumber "en" and "in".
    sentence = "Kim Jong-un ontmoette Kim Yong-nam, Choe Ryong-hae en Pak Pong-ju in Pyongyang. "
    assert language_problem(sentence * 3, OPTIONS) == ""


def test_malformed_header_is_processed_without_date():
    (article,), records = read([ARTICLES / "malformed_header.txt"])
    assert article.published is None
    assert article.raw_text[article.body_start:].startswith("De Duitse bondskanselier")
    assert records[0].status == "processed"
    assert "malformed_header: malformed date header '2019-13-45'" in records[0].notes


def test_file_without_header_gets_the_default_date():
    options = ReadOptions(default_date=PartialDate(2019, 4, 12), function_words=FUNCTION_WORDS)
    (article,), records = read([ARTICLES / "no_header.txt"], options)
    assert article.published == PartialDate(2019, 4, 12) and article.body_start == 0
    assert "no_header: publication date taken from --date 2019-04-12" in records[0].notes


def test_file_without_header_and_without_default_has_no_date():
    (article,), records = read([ARTICLES / "no_header.txt"])
    assert article.published is None
    assert "no_header: no date header" in records[0].notes


def test_jsonl_feed_keeps_good_records_and_reports_bad_lines():
    articles, records = read([ARTICLES / "feed.jsonl"])
    assert [(a.doc_id, a.published) for a in articles] == [("feed-1", PartialDate(2019, 4, 25)), ("feed-2", None)]
    record = records[0]
    assert (record.status, record.reason, record.doc_ids) == ("partial", "1 bad line(s)", ["feed-1", "feed-2"])
    assert "feed-2: malformed date '2019-02-30'" in record.notes
    assert "feed-4: empty text" in record.notes
    assert any(note.startswith("line 3 skipped: JSONDecodeError") for note in record.notes)


def test_feed_record_whose_text_is_a_lone_surrogate_is_a_bad_line(tmp_path):
    """JSON may escape half a surrogate pair ("\\ud800"), which is no text; a .txt file holding one is refused too."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Rutte \\ud800"}\n' + json.dumps({"id": "b", "text": DUTCH}), encoding="utf-8")
    articles, records = read([feed])
    assert [article.doc_id for article in articles] == ["b"]
    assert (records[0].status, records[0].reason) == ("partial", "1 bad line(s)")
    assert records[0].notes[0].startswith("line 1 skipped: UnicodeEncodeError")


def test_jsonl_source_names_the_line():
    articles, _ = read([ARTICLES / "feed.jsonl"])
    assert articles[1].source_path.endswith("feed.jsonl:2")


def test_folder_is_read_recursively_in_name_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(DUTCH, encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(DUTCH, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(DUTCH, encoding="utf-8")
    (tmp_path / "notes.md").write_text(DUTCH, encoding="utf-8")
    articles, records = read([tmp_path])
    assert [a.doc_id for a in articles] == ["b", "a"]
    assert len(records) == 2


def test_file_given_twice_is_read_once(tmp_path):
    (tmp_path / "goed.txt").write_text(DUTCH, encoding="utf-8")
    articles, records = read([tmp_path, tmp_path / "goed.txt"])
    assert [a.doc_id for a in articles] == ["goed"]
    assert (records[1].status, records[1].reason) == ("skipped", "already read (given twice)")


def test_document_id_used_by_two_files_is_noted(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "bericht.txt").write_text(DUTCH, encoding="utf-8")
    articles, records = read([tmp_path])
    assert [a.doc_id for a in articles] == ["bericht", "bericht"]
    assert f"bericht: document id also used by {tmp_path / 'a' / 'bericht.txt'}" in records[1].notes
    assert not any("also used" in note for note in records[0].notes)


def test_missing_path_is_reported_and_other_files_still_read(tmp_path):
    (tmp_path / "goed.txt").write_text(DUTCH, encoding="utf-8")
    articles, records = read([tmp_path / "bestaat-niet.txt", tmp_path / "goed.txt"])
    assert [a.doc_id for a in articles] == ["goed"]
    assert (records[0].status, records[0].reason) == ("skipped", "path does not exist")


def make_unreadable_paths(folder: Path) -> None:
    """Paths that cannot be read even by root: a folder named like a file, a dangling link, a pipe."""
    (folder / "map.txt").mkdir()
    (folder / "weg.txt").symlink_to(folder / "verdwenen.txt")
    os.mkfifo(folder / "pijp.txt")
    (folder / "a.txt").symlink_to(folder / "b.txt")  # a loop: a -> b -> a
    (folder / "b.txt").symlink_to(folder / "a.txt")


@pytest.mark.parametrize("name, reason", [
    ("map.txt", "unreadable: is a directory"),
    ("weg.txt", "unreadable: broken symbolic link"),
    ("pijp.txt", "unreadable: not a regular file (pipe, socket or device)"),
    ("a.txt", "unreadable: symbolic link loop"),
    ("b.txt", "unreadable: symbolic link loop"),
])
def test_unreadable_path_is_skipped_with_reason(tmp_path, name, reason):
    make_unreadable_paths(tmp_path)
    (tmp_path / "goed.txt").write_text(DUTCH, encoding="utf-8")
    articles, records = read([tmp_path])
    assert [a.doc_id for a in articles] == ["goed"]
    assert (record_for(records, name).status, record_for(records, name).reason) == ("skipped", reason)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_file_without_read_permission_is_skipped(tmp_path):
    path = tmp_path / "geheim.txt"
    path.write_text(DUTCH, encoding="utf-8")
    path.chmod(0)
    articles, records = read([path])
    assert articles == [] and records[0].reason.startswith("unreadable")


def test_folder_without_input_files_is_reported(tmp_path):
    articles, records = read([tmp_path])
    assert articles == []
    assert (records[0].status, records[0].reason) == ("skipped", "folder holds no .txt or .jsonl files")


def test_split_large_text_cuts_after_paragraph_breaks():
    assert split_large_text("aaa\n\nbbb\n\nccc", 0, 6) == [(0, 5), (5, 10), (10, 13)]


def test_split_large_text_cuts_hard_when_no_paragraph_break():
    assert split_large_text("abcdefghij", 0, 4) == [(0, 4), (4, 8), (8, 10)]


def test_split_large_text_leaves_small_text_whole():
    assert split_large_text("aaa\n\nbbb", 0, 100) == [(0, 8)]


def test_five_megabyte_file_is_read_in_parts_that_rebuild_it(tmp_path):
    paragraph = ("De premier heeft vandaag in Den Haag met de Duitse bondskanselier over de begroting van het "
                 "komende jaar gesproken.\n\n")
    text = " date 2019-04 " + paragraph * (5_000_000 // len(paragraph))
    path = tmp_path / "groot.txt"
    path.write_text(text, encoding="utf-8")
    articles, records = read([path], ReadOptions(max_file_bytes=2_000_000, function_words=FUNCTION_WORDS))
    assert len(articles) == 3  # 5 MB in parts of at most 2 MB
    assert "".join(a.raw_text for a in articles) == text
    assert [a.raw_offset for a in articles] == [0, len(articles[0].raw_text),
                                                len(articles[0].raw_text) + len(articles[1].raw_text)]
    assert all(len(a.raw_text) <= 2_000_000 and a.raw_text.endswith("\n\n") for a in articles)
    assert [a.body_start for a in articles] == [14, 0, 0]
    assert records[0].status == "processed"
    assert records[0].notes == ["groot: large text cut into 3 parts of at most 2,000,000 characters (at paragraph "
                                "breaks, else sentence ends, else spaces)"]


def test_one_long_paragraph_is_cut_at_sentence_ends_then_spaces(tmp_path):
    sentence = "Premier Rutte sprak dinsdag in Brussel met president Macron over de begroting. "
    text = " date 2019-04 " + sentence * 2_000 + "woord " * 20_000
    path = tmp_path / "lang.txt"
    path.write_text(text, encoding="utf-8")
    articles, _ = read([path], ReadOptions(max_file_bytes=50_000, function_words=FUNCTION_WORDS))
    assert "".join(a.raw_text for a in articles) == text
    assert all(len(a.raw_text) <= 50_000 for a in articles)
    sentence_parts = [a for a in articles if a.raw_offset + len(a.raw_text) <= 14 + len(sentence) * 2_000]
    assert len(sentence_parts) >= 3 and all(a.raw_text.endswith("begroting. ") for a in sentence_parts)
    assert all(a.raw_text.endswith("woord ") for a in articles[len(sentence_parts):-1])


def test_dutch_article_with_english_wire_captions_is_dutch():
    caption = ("Queen Elizabeth II of Britain and Chinese President Xi Jinping ride in a carriage to the palace in "
               "London on October 20, 2015, on the first day of his visit to the UK. ")
    body = ("De Britse koningin heeft de Chinese president met veel vertoon ontvangen. Hij is vier dagen in het land "
            "en zal ook met de premier spreken over de handel, die voor beide landen van groot belang is. Na het "
            "diner in het paleis hield de koningin een korte toespraak, waarin zij de banden tussen de twee landen "
            "prees. Critici vinden dat de regering te weinig zegt over de mensenrechten in China. ")
    text = caption * 2 + "\n\n" + body * 2 + "\n\n" + caption
    assert language_problem(text, OPTIONS) == ""


def test_english_article_with_one_dutch_line_is_not_dutch():
    english = ("The president said on Monday that he would meet the prime minister of Japan in Tokyo later this "
               "month, and that the two of them would talk about trade and the war in Ukraine. ")
    text = (english * 3 + "\n\n") * 3 + "Rutte sprak met Macron over de oorlog in Oekraïne."
    assert language_problem(text, OPTIONS).startswith("not Dutch")


@pytest.mark.parametrize("value, kept", [('"a-1"', "a-1"), ("17", "17")])
def test_feed_ids_are_strings_or_integers(tmp_path, value, kept):
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{{"id": {value}, "text": "{DUTCH.strip()}"}}\n', encoding="utf-8")
    articles, records = read([path])
    assert [a.doc_id for a in articles] == [kept] and records[0].status == "processed"


@pytest.mark.parametrize("value, error", [
    ("null", "TypeError: id must be a string or an integer, not null"),
    ("true", "TypeError: id must be a string or an integer, not true"),
    ("1.5", "TypeError: id must be a string or an integer, not 1.5"),
    ('["a"]', 'TypeError: id must be a string or an integer, not ["a"]'),
    ('" "', "ValueError: id is empty"),
])
def test_a_feed_id_of_another_type_makes_the_line_bad(tmp_path, value, error):
    path = tmp_path / "feed.jsonl"
    path.write_text(f'{{"id": {value}, "text": "{DUTCH.strip()}"}}\n{{"id": "goed", "text": "{DUTCH.strip()}"}}\n', encoding="utf-8")
    articles, records = read([path])
    assert [a.doc_id for a in articles] == ["goed"]
    assert (records[0].status, records[0].reason) == ("partial", "1 bad line(s)")
    assert f"line 1 skipped: {error}" in records[0].notes


def test_particles_of_arabic_names_do_not_make_dutch_news_foreign():
    """A short Dutch report dominated by one long Gulf name: 'bin', 'al' and 'bint' are parts of the name."""
    text = ("Sjeik Mohammed bin Zayed bin Sultan Al Nahyan sprak met Tamim bin Hamad bin Khalifa Al Thani en "
            "Khalid bin Salman bin Abdulaziz. Ze spraken ook over de olie.")
    particles = read_words(REPO / "models" / "lexicon" / "name_particles.txt")
    assert "bin" in particles
    assert language_problem(text, OPTIONS).startswith("not Dutch")  # counted as foreign words they dominate
    assert language_problem(text, ReadOptions(function_words=FUNCTION_WORDS, name_particles=particles)) == ""


# --- feeds at scale (issue 16) -------------------------------------------------------------------------
FEED_TEXT = "Poetin en Kim ontmoetten elkaar donderdag in Vladivostok, waar zij over de toekomst van de regio spraken."


def feed_lines(*records: dict) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode("utf-8")


def test_gzip_feed_is_read_like_a_plain_one(tmp_path):
    import gzip
    data = feed_lines({"id": "a", "date": "2019-04-26", "text": FEED_TEXT}, {"id": "b", "date": "2019-04-27", "text": FEED_TEXT})
    (tmp_path / "feed.jsonl").write_bytes(data)
    (tmp_path / "packed.jsonl.gz").write_bytes(gzip.compress(data))
    plain, _ = read([tmp_path / "feed.jsonl"])
    packed, records = read([tmp_path / "packed.jsonl.gz"])
    assert [(a.doc_id, a.raw_text, a.published) for a in packed] == [(a.doc_id, a.raw_text, a.published) for a in plain]
    assert packed[0].source_path.endswith("packed.jsonl.gz:1") and records[0].status == "processed"


def test_a_folder_lists_gzip_feeds(tmp_path):
    import gzip
    (tmp_path / "packed.jsonl.gz").write_bytes(gzip.compress(feed_lines({"id": "a", "date": "2019", "text": FEED_TEXT})))
    assert [a.doc_id for a in read([tmp_path])[0]] == ["a"]


def test_a_corrupt_gzip_feed_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00 this is no gzip stream")
    articles, records = read([tmp_path / "broken.jsonl.gz"])
    assert articles == [] and records[0].status == "skipped" and records[0].reason.startswith("unreadable")


@pytest.mark.parametrize("stamp, day", [
    ("2023-05-10T08:00:00Z", PartialDate(2023, 5, 10)),
    ("2023-05-09T23:30:00Z", PartialDate(2023, 5, 10)),  # after midnight in Amsterdam (UTC+2 in May)
    ("2023-01-09T23:30:00Z", PartialDate(2023, 1, 10)),  # UTC+1 in winter
    ("2023-01-09T22:30:00Z", PartialDate(2023, 1, 9)),
    ("2023-05-10T01:00:00+05:00", PartialDate(2023, 5, 9)),
    ("2023-05-10 08:00", PartialDate(2023, 5, 10)),  # no zone: as written
])
def test_a_feed_timestamp_gives_the_day_in_the_newsroom(tmp_path, stamp, day):
    (tmp_path / "feed.jsonl").write_bytes(feed_lines({"id": "a", "date": stamp, "text": FEED_TEXT}))
    (article,), records = read([tmp_path / "feed.jsonl"])
    assert article.published == day and not any("malformed" in note for note in records[0].notes)


def test_a_feed_line_in_cp1252_is_read_and_noted_once(tmp_path):
    good = json.dumps({"id": "a", "date": "2019", "text": FEED_TEXT}).encode("utf-8")
    latin = json.dumps({"id": "b", "date": "2019", "text": FEED_TEXT + " Café"}, ensure_ascii=False).encode("cp1252")
    (tmp_path / "feed.jsonl").write_bytes(good + b"\n" + latin + b"\r\n" + latin.replace(b'"b"', b'"c"') + b"\n")
    articles, records = read([tmp_path / "feed.jsonl"])
    assert [a.doc_id for a in articles] == ["a", "b", "c"] and articles[1].raw_text.endswith("Café")
    assert [note for note in records[0].notes if "cp1252" in note] == ["not UTF-8 from line 2: such lines decoded as cp1252"]
