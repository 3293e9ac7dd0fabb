"""Read input files into Articles, one at a time, accounting for every file.

Inputs are `.txt` files (first line ` date YYYY-MM[-DD] ` then the first paragraph) and `.jsonl` feeds
(`{"id", "date", "text"}` per line), also gzip-compressed (`.jsonl.gz`). A feed is read line by line, so
a feed of any size never sits in memory whole. Nothing here raises on one bad file: each problem becomes
an entry in the run report and the stream goes on.

Character offsets (`char_start`/`char_end` downstream) count characters of the file decoded as it is:
a UTF-8 byte-order mark and `\r\n` line ends are kept, as `open(path, encoding="utf-8", newline="")`
reads them. For `.jsonl` they count characters of the record's "text" value.
"""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.records import Article, PartialDate

INPUT_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz")
FEED_SUFFIXES = (".jsonl", ".jsonl.gz")
# A feed's date may be a timestamp (ISO 8601 / RFC 3339); its calendar day is taken where the news was
# published: Dutch and Flemish newsrooms are on Central European time, whatever zone the feed writes.
NEWSROOM_TIMEZONE = "Europe/Amsterdam"
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
# ` date 2019-04 ` or `date 2019-04-25`: the header the news export writes on the first line.
DATE_HEADER = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\S+)[ \t]*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# A feed's line ends; str.splitlines also cuts at U+0085, U+2028 and others that JSON strings hold unescaped.
_FEED_LINE_END = re.compile(r"\r\n|\r|\n")
_DUTCH_PART = 0.4  # share of the short words that Dutch paragraphs must hold
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")  # "Jong-un" is one word, not "Jong" + "un"


@dataclass
class FileRecord:
    """One input file's fate for run_report.json."""

    path: str
    status: str = "processed"  # processed | skipped | partial
    reason: str = ""
    doc_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if value or key in ("path", "status")}


@dataclass(frozen=True)
class ReadOptions:
    default_date: PartialDate | None = None
    max_file_bytes: int = 2_000_000
    function_words: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()  # "bin", "al": inside names, they say nothing of the language
    min_dutch_ratio: float = 0.6  # share of short lowercase words that are Dutch function words
    min_short_words: int = 6


def iter_input_files(paths: Iterable[Path], records: list[FileRecord]) -> Iterator[Path]:
    """Expand folders recursively (sorted, so runs are repeatable); record paths that do not exist."""
    for path in paths:
        if path.is_dir():
            children = [child for child in sorted(path.rglob("*"))
                        if is_input_name(child.name) and not child.name.startswith(".")]
            if not children:
                records.append(FileRecord(str(path), "skipped", "folder holds no .txt or .jsonl files"))
            yield from children
        elif path.exists() or path.is_symlink():
            yield path
        else:
            records.append(FileRecord(str(path), "skipped", "path does not exist"))


def is_input_name(name: str) -> bool:
    return name.lower().endswith(INPUT_SUFFIXES)


def _resolved(path: Path) -> Path | None:
    """The real path, or None for a symbolic link loop (a -> b -> a)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None


def not_readable_reason(path: Path) -> str:
    """Why `path` cannot be read as a file ('' when it can): folders, pipes and dangling links."""
    if path.is_dir():
        return "unreadable: is a directory"
    if not path.exists():
        if path.is_symlink():
            return "unreadable: symbolic link loop" if _resolved(path) is None else "unreadable: broken symbolic link"
        return "path does not exist"
    if not path.is_file():
        return "unreadable: not a regular file (pipe, socket or device)"  # reading a pipe would block
    return ""


def read_articles(paths: Iterable[Path], options: ReadOptions, records: list[FileRecord]) -> Iterator[Article]:
    """Yield Articles from files and folders; append one FileRecord per file to `records`."""
    yield from read_files(iter_input_files(paths, records), options, records)


def read_files(files: Iterable[Path], options: ReadOptions, records: list[FileRecord]) -> Iterator[Article]:
    """Yield Articles from input files (folders already expanded by `iter_input_files`)."""
    seen: set[Path] = set()
    owners: dict[str, str] = {}  # doc_id -> the file that used it first
    for path in files:
        record = FileRecord(str(path))
        records.append(record)
        resolved = _resolved(path)
        reason = not_readable_reason(path) or ("already read (given twice)" if resolved in seen else "")
        seen.add(resolved)
        if reason:
            record.status, record.reason = "skipped", reason
            continue
        try:
            if path.name.lower().endswith(FEED_SUFFIXES):
                yield from _read_feed(path, options, record)
            else:
                yield from _read_txt(path.read_bytes(), path, options, record)
        except (OSError, EOFError, zlib.error) as error:  # unreadable, or a truncated or corrupt .gz
            if not record.doc_ids:
                record.status = "skipped"
            elif record.status == "processed":
                record.status = "partial"
            record.reason = f"unreadable: {getattr(error, 'strerror', None) or error}"
        _note_reused_ids(record, owners)


def _note_reused_ids(record: FileRecord, owners: dict[str, str]) -> None:
    """Two inputs with one doc_id (x.txt in two folders) mix in the CSVs; say so in the report."""
    for doc_id in record.doc_ids:
        if doc_id in owners:
            record.notes.append(f"{doc_id}: document id also used by {owners[doc_id]}")
        else:
            owners[doc_id] = record.path


def decode_text(data: bytes) -> tuple[str | None, str]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM), else cp1252 (old Dutch news exports); None for binary."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):  # Windows "Unicode" text: NUL bytes, but text
            try:
                return data[len(bom):].decode(codec), f"UTF-16 text: decoded as {codec}"
            except UnicodeDecodeError:
                return None, f"binary file (bad {codec})"
    if b"\x00" in data[:8192]:
        return None, "binary file (contains NUL bytes)"
    try:
        return data.decode("utf-8"), ""  # a byte-order mark stays, so offsets match the file
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    controls = sum(1 for char in text[:8192] if ord(char) < 32 and char not in "\r\n\t")
    if controls > 0.01 * min(len(text), 8192):
        return None, "binary file (control characters)"
    return text, "not UTF-8: decoded as cp1252"


def parse_header(text: str) -> tuple[PartialDate | None, int, str]:
    """Return (publication date, where the body starts, note) from the ` date ...` header."""
    match = DATE_HEADER.match(text)
    if not match:
        return None, 0, "no date header"
    try:
        return PartialDate.parse(match.group(1)), match.end(), ""
    except ValueError:
        return None, match.end(), f"malformed date header {match.group(1)!r}"


def language_problem(text: str, options: ReadOptions) -> str:
    """A reason string when the text does not look Dutch, else ''.

    Only short lowercase words are counted: they are almost all function words in any language, so
    their share on the Dutch list separates Dutch (0.85 or more in the sample and development
    articles) from English, French, German or Spanish news (0.45 or less), while names ("Kim", "Xi")
    and long content words do not dilute the share the way they do in a ratio over all words. The share is
    taken per paragraph: Dutch news with English wire captions is Dutch when its Dutch paragraphs hold at
    least 40 % of the short words. Lowercase particles of names ("Khalid bin Khalifa Al Thani") are left out.
    """
    if not options.function_words:
        return ""
    foreign_in_names = options.name_particles - options.function_words
    paragraphs = [[word for word in _WORD.findall(paragraph)
                   if len(word) <= 3 and word.islower() and word not in foreign_in_names]
                  for paragraph in _PARAGRAPH_BREAK.split(text[:20000])]
    total = sum(len(short) for short in paragraphs)
    if total < options.min_short_words:
        return ""  # too few to judge; let it through
    dutch = sum(len(short) for short in paragraphs if short and _dutch_share(short, options) >= options.min_dutch_ratio)
    if dutch >= _DUTCH_PART * total:
        return ""
    ratio = _dutch_share([word for short in paragraphs for word in short], options)
    return f"not Dutch (only {ratio:.0%} of its short words are Dutch function words)"


def _dutch_share(words: list[str], options: ReadOptions) -> float:
    return sum(word in options.function_words for word in words) / len(words)


def _read_txt(data: bytes, path: Path, options: ReadOptions, record: FileRecord) -> Iterator[Article]:
    text, note = decode_text(data)
    if text is None:
        record.status, record.reason = "skipped", note
        return
    if note:
        record.notes.append(note)
    published, body_start, header_note = parse_header(text)
    if header_note:
        record.notes.append(f"{path.stem}: {header_note}")
    yield from _make_articles(path.stem, text, published, body_start, str(path), options, record)


def _feed_lines(path: Path, record: FileRecord) -> Iterator[str] | None:
    """A feed's lines, decoded one at a time; None (and the reason in `record`) for a binary file. A line that
    is not UTF-8 is decoded as cp1252 and noted; a UTF-16 feed is decoded whole."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        head = stream.read(8192)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        with opener(path, "rb") as stream:
            text, note = decode_text(stream.read())
        if text is None:
            record.status, record.reason = "skipped", note
            return None
        record.notes.append(note)
        return iter(_FEED_LINE_END.split(text.lstrip("\ufeff")))
    return _decoded_lines(opener, path, record)


def _decoded_lines(opener, path: Path, record: FileRecord) -> Iterator[str]:
    noted = False
    with opener(path, "rb") as stream:
        for number, raw in enumerate(stream):
            raw = raw.rstrip(b"\n")
            raw = raw[:-1] if raw.endswith(b"\r") else raw
            if number == 0:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            for piece in raw.split(b"\r"):  # a lone carriage return ends a line too
                try:
                    yield piece.decode("utf-8")
                except UnicodeDecodeError:
                    if not noted:
                        record.notes.append(f"not UTF-8 from line {number + 1}: such lines decoded as cp1252")
                        noted = True
                    yield piece.decode("cp1252", errors="replace")


def _read_feed(path: Path, options: ReadOptions, record: FileRecord) -> Iterator[Article]:
    lines = _feed_lines(path, record)
    if lines is None:
        return
    bad_lines = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            doc_id, body = _record_id(item["id"]), item["text"]
            if not isinstance(body, str):
                raise TypeError("text is not a string")
            body.encode("utf-8")  # "\ud800" is valid JSON but no text (UnicodeEncodeError): as a .txt file, refused
        except (ValueError, KeyError, TypeError) as error:
            bad_lines += 1
            record.notes.append(f"line {number} skipped: {error.__class__.__name__}: {error}")
            continue
        published = _record_date(item.get("date"), doc_id, record)
        about = {field: _record_text(item, key, doc_id, record) for field, key in FEED_FIELDS.items()}
        yield from _make_articles(doc_id, body, published, 0, f"{path}:{number}", options, record, about)
    if bad_lines:
        record.status = "partial" if record.doc_ids else "skipped"
        record.reason = f"{bad_lines} bad line(s)"
    elif record.status == "processed" and not record.doc_ids:  # no record at all, like an empty .txt
        record.status, record.reason = "skipped", "empty file"


def _record_id(value: object) -> str:
    """A feed record's id: a non-empty string, or an integer as feeds number their items. Anything else
    (null, true, 1.5, a list) makes the line bad rather than an id such as "None"."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"id must be a string or an integer, not {json.dumps(value)}")
    if not str(value).strip():
        raise ValueError("id is empty")
    return str(value)


# A feed record's fields kept for the outputs: Article field <- feed key
FEED_FIELDS = {"url": "url", "outlet": "source", "title": "title"}


def _record_text(item: dict, key: str, doc_id: str, record: FileRecord) -> str:
    """A kept feed field as text; a number or a list there is noted and left out, never a bad line."""
    value = item.get(key)
    if value is None:
        return ""
    if isinstance(value, str) and _encodable(value):
        return value.strip()
    record.notes.append(f"{doc_id}: {key} is not text, left out")
    return ""


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _record_date(value: object, doc_id: str, record: FileRecord) -> PartialDate | None:
    """A feed record's date (a date, or a timestamp: its day in the newsroom's time zone); a malformed one
    is noted and the text still read (like a bad header)."""
    if value in (None, ""):
        record.notes.append(f"{doc_id}: no date")
        return None
    try:
        if isinstance(value, str) and _TIMESTAMP.match(value):
            return newsroom_day(value)
        return PartialDate.parse(str(value))
    except ValueError:
        record.notes.append(f"{doc_id}: malformed date {value!r}")
        return None


def newsroom_day(timestamp: str) -> PartialDate:
    """The calendar day of an ISO 8601 / RFC 3339 timestamp in the newsroom's time zone
    ("2023-05-09T23:30:00Z" is 10 May in Amsterdam); a timestamp without a zone is taken as local."""
    moment = dt.datetime.fromisoformat(timestamp.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    if moment.tzinfo is not None:
        from zoneinfo import ZoneInfo
        moment = moment.astimezone(ZoneInfo(NEWSROOM_TIMEZONE))
    return PartialDate(moment.year, moment.month, moment.day)


def _make_articles(doc_id: str, text: str, published: PartialDate | None, body_start: int, source: str,
                   options: ReadOptions, record: FileRecord, about: dict | None = None) -> Iterator[Article]:
    """Articles of one text (several parts when it is very large); empty and non-Dutch texts noted."""
    if published is None and options.default_date is not None:
        published = options.default_date
        record.notes.append(f"{doc_id}: publication date taken from --date {published.iso()}")
    if not text[body_start:].strip():
        record.notes.append(f"{doc_id}: empty text")
        if record.status == "processed" and not record.doc_ids:
            record.status, record.reason = "skipped", "empty file"
        return
    problem = language_problem(text[body_start:], options)
    if problem:
        record.notes.append(f"{doc_id}: {problem}")
        if not record.doc_ids:
            record.status, record.reason = "skipped", problem
        return
    parts = split_large_text(text, body_start, options.max_file_bytes)
    if len(parts) > 1:
        record.notes.append(f"{doc_id}: large text cut into {len(parts)} parts of at most {options.max_file_bytes:,} "
                            f"characters (at paragraph breaks, else sentence ends, else spaces)")
    record.status = "processed" if record.status == "skipped" else record.status
    record.reason = "" if record.status == "processed" else record.reason
    record.doc_ids.append(doc_id)
    for number, (start, end) in enumerate(parts):
        yield Article(doc_id, published, text[start:end], source,
                      body_start=body_start if number == 0 else 0, part=number, raw_offset=start, **(about or {}))


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")
_SPACE = re.compile(r"\s+")


def _last_break(text: str, earliest: int, end: int) -> int:
    """Where to cut text[earliest:end] at the latest safe boundary (see split_large_text)."""
    for boundary in (_PARAGRAPH_BREAK, _SENTENCE_END, _SPACE):
        found = [m.end() for m in boundary.finditer(text, earliest, end)]
        if found:
            return found[-1]
    return end


def split_large_text(text: str, body_start: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut a very long text into pieces of at most max_chars characters: at the last paragraph break that
    fits, else the last sentence end ("... elkaar. De"), else the last space, else anywhere."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    parts, start = [], 0
    while start < len(text):
        end = min(start + max_chars, len(text))
        if end < len(text):
            earliest = start + (max(body_start, 1) if start == 0 else 1)  # never an empty part
            end = _last_break(text, earliest, end)
        parts.append((start, end))
        start = end
    return parts
