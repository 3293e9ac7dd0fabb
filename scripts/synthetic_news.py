"""Synthetic Dutch news about leaders meeting, for the scaling benchmark (scripts/benchmark_run.py).

The sentences come from the templates in scripts/synthetic_news.tsv, filled with the project's own data:
leaders in office at the article's date (models/actors), their Dutch role words (models/lexicon/roles.tsv)
and demonyms (models/places/countries.tsv), cities (models/places/cities.tsv) and date words
(models/lexicon/dates). The same seed writes the same files, so two runs measure the same text.
"""
from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pipeline.knowledge.actors import ActorBook
from pipeline.knowledge.gazetteer import (COUNTRY_COLUMNS, COUNTRY_OPTIONAL, PLACE_COLUMNS, PLACE_OPTIONAL,
                                          parse_country, parse_place)
from pipeline.knowledge.tables import read_table

TEMPLATES = Path(__file__).with_name("synthetic_news.tsv")
LEADER_OFFICES = {"head_of_state", "head_of_government"}
FIRST_YEAR, LAST_YEAR = 2000, 2024  # more.tsv starts in 2000
N_CITIES = 300  # the first rows of cities.tsv: summit cities, then cities with a Dutch name


@dataclass(frozen=True)
class Leader:
    """One term of a head of state or government, with the words a Dutch article names it by."""

    name: str
    short: str
    role: str
    demonym: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Vocabulary:
    leaders_by_year: dict[int, tuple[Leader, ...]]
    cities: tuple[str, ...]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    relative_days: tuple[str, ...]
    openings: tuple[str, ...]
    follows: tuple[str, ...]


def _words(path: Path) -> tuple[str, ...]:
    return tuple(row["form"] for row in read_table(path, ("form", "value")))


def _past_days(path: Path) -> tuple[str, ...]:
    """Relative days up to today ("gisteren"): the templates tell of meetings that took place."""
    return tuple(row["form"] for row in read_table(path, ("form", "value")) if int(row["value"]) <= 0)


def _role_words(path: Path) -> dict[str, str]:
    """title -> the first role word that names it first ("prime_minister" -> "premier")."""
    words: dict[str, str] = {}
    for row in read_table(path, ("word", "titles")):
        words.setdefault(row["titles"].split("|")[0], row["word"])
    return words


def _demonyms(path: Path) -> dict[str, str]:
    """iso3 -> the inflected demonym that stands before a role word ("Franse" in "de Franse president")."""
    demonyms = {}
    for row in read_table(path, COUNTRY_COLUMNS, optional=COUNTRY_OPTIONAL):
        forms = parse_country(row).demonyms_nl
        if forms:
            demonyms[row["iso3"]] = next((form for form in forms if form.endswith("e")), forms[0])
    return demonyms


def _leaders(models_dir: Path) -> dict[int, tuple[Leader, ...]]:
    roles = _role_words(models_dir / "lexicon" / "roles.tsv")
    demonyms = _demonyms(models_dir / "places" / "countries.tsv")
    by_year: dict[int, list[Leader]] = defaultdict(list)
    for person in ActorBook.load(models_dir / "actors").persons.values():
        short = min(person.short_names) if person.short_names else person.name  # "Margrethe II" has none
        for term in person.terms:
            if term.office not in LEADER_OFFICES or term.title not in roles:
                continue
            leader = Leader(person.name, short, roles[term.title], demonyms.get(term.country, ""),
                            term.start, term.end)
            for year in range(max(FIRST_YEAR, term.start.year), min(LAST_YEAR, term.end.year) + 1):
                by_year[year].append(leader)
    return {year: tuple(leaders) for year, leaders in by_year.items()}


def _cities(path: Path) -> tuple[str, ...]:
    names = []
    for row in read_table(path, PLACE_COLUMNS, optional=PLACE_OPTIONAL):
        record, aliases = parse_place(row)
        if record.kind == "city":
            names.append(aliases[0] if aliases else record.name)
    return tuple(names[:N_CITIES])


def load_vocabulary(models_dir: Path, templates: Path = TEMPLATES) -> Vocabulary:
    dates = models_dir / "lexicon" / "dates"
    rows = read_table(templates, ("kind", "template"))
    return Vocabulary(_leaders(models_dir), _cities(models_dir / "places" / "cities.tsv"),
                      _words(dates / "weekdays.txt"), _words(dates / "months.txt"),
                      _past_days(dates / "relative_days.txt"),
                      tuple(row["template"] for row in rows if row["kind"] == "opening"),
                      tuple(row["template"] for row in rows if row["kind"] == "follow"))


class NewsWriter:
    """Stories (an opening sentence and one to three sentences referring back) about leaders in office."""

    def __init__(self, vocabulary: Vocabulary, seed: int = 7):
        self.words = vocabulary
        self.rng = random.Random(seed)

    def article_date(self) -> dt.date:
        year = self.rng.randrange(FIRST_YEAR, LAST_YEAR + 1)
        return dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randrange(365))

    def story(self, date: dt.date) -> list[str]:
        in_office = [leader for leader in self.words.leaders_by_year[date.year] if leader.start <= date <= leader.end]
        slots = self._slots(date, self.rng.sample(in_office, 3))
        templates = [self.rng.choice(self.words.openings)]
        templates += self.rng.sample(self.words.follows, self.rng.randint(1, 3))
        return [_capitalised(template.format(**slots)) for template in templates]

    def sentences(self, date: dt.date, count: int) -> list[str]:
        found: list[str] = []
        while len(found) < count:
            found.extend(self.story(date))
        return found[:count]

    def article(self, paragraphs: list[list[str]], date: dt.date) -> str:
        """The news export's format: ` date YYYY-MM-DD ` and the first paragraph on one line."""
        return f" date {date.isoformat()} " + "\n\n".join(" ".join(sentences) for sentences in paragraphs) + "\n"

    def _slots(self, date: dt.date, leaders: list[Leader]) -> dict[str, str]:
        rng, words = self.rng, self.words
        slots = {"city": rng.choice(words.cities), "city2": rng.choice(words.cities),
                 "weekday": rng.choice(words.weekdays), "day": str(rng.randint(1, 28)),
                 "month": rng.choice(words.months), "year": str(date.year - rng.randint(1, 5)),
                 "relative": rng.choice(words.relative_days)}
        for letter, leader in zip("abc", leaders):
            slots[letter.upper()] = self._named(leader)
            slots[letter] = leader.short
        return slots

    def _named(self, leader: Leader) -> str:
        forms = [f"{leader.role} {leader.name}", leader.name]
        if leader.demonym:
            forms.append(f"de {leader.demonym} {leader.role} {leader.name}")
        return self.rng.choice(forms)


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def write_paragraph_file(folder: Path, n_sentences: int, writer: NewsWriter) -> int:
    """One file whose only paragraph holds `n_sentences` sentences; returns the number of files."""
    date = writer.article_date()
    (folder / "paragraph.txt").write_text(writer.article([writer.sentences(date, n_sentences)], date), "utf-8")
    return 1


def write_document_file(folder: Path, n_paragraphs: int, writer: NewsWriter) -> int:
    """One file of `n_paragraphs` paragraphs, each one story."""
    date = writer.article_date()
    (folder / "document.txt").write_text(
        writer.article([writer.story(date) for _ in range(n_paragraphs)], date), "utf-8")
    return 1


def write_documents(folder: Path, n_documents: int, writer: NewsWriter) -> int:
    """`n_documents` small files of two to four paragraphs."""
    for number in range(n_documents):
        date = writer.article_date()
        paragraphs = [writer.story(date) for _ in range(writer.rng.randint(2, 4))]
        (folder / f"news_{number:06d}.txt").write_text(writer.article(paragraphs, date), "utf-8")
    return n_documents
