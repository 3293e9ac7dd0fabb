"""All knowledge the pipeline loads from models/, bundled and cached per folder.

Components receive only the models folder in their config and call `load_knowledge(folder)`, so a
pipeline serialises cleanly and each process loads the data once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.knowledge.actors import ActorBook, Person
from pipeline.knowledge.gazetteer import Gazetteer
from pipeline.records import PartialDate
from pipeline.knowledge.textnorm import fold


def read_lexicon(path: Path, columns: int) -> list[tuple[str, ...]]:
    """Rows of a tab-separated word list with `#` header lines; a short row names file and line."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if len(cells) < columns or not all(cells[:columns]):
            raise ValueError(f"{path}:{number}: expected {columns} tab-separated columns, got {line!r}")
        rows.append(cells[:columns])
    return rows


def read_word_list(path: Path) -> frozenset[str]:
    """One word per line, lower-cased, header lines skipped."""
    return frozenset(row[0].lower() for row in read_lexicon(path, 1))


@dataclass(frozen=True)
class RoleWord:
    surface: str
    titles: tuple[str, ...]


class Knowledge:
    """Actors, places and the Dutch word lists the linking and event stages need."""

    def __init__(self, models_dir: Path):
        self.models_dir = models_dir
        lexicon = models_dir / "lexicon"
        self.actors = ActorBook.load(models_dir / "actors")
        self.places = Gazetteer.load(models_dir / "places")
        self.roles = {fold(word): RoleWord(word, tuple(titles.split("|")))
                      for word, titles in read_lexicon(lexicon / "roles.tsv", 2)}
        self.role_modifiers = {fold(word): effect for word, effect in read_lexicon(lexicon / "role_modifiers.tsv", 2)}
        self.kinship = {fold(word): relation for word, relation in read_lexicon(lexicon / "kinship.tsv", 2)}
        self.relations = {(person, relation): other for person, relation, other
                          in read_lexicon(models_dir / "actors" / "family_relations.txt", 3)}
        self.label_map = dict(read_lexicon(lexicon / "entity_labels.tsv", 2))
        place_roles = read_lexicon(lexicon / "place_roles.tsv", 2)
        self.capital_words = {word.lower() for word, role in place_roles if role == "capital"}
        self.place_nouns = {word.lower() for word, _role in place_roles}
        self.name_particles = read_word_list(lexicon / "name_particles.txt")
        self.non_state = {code.upper() for code in read_word_list(lexicon / "non_state_actors.txt")}
        self.grammar: dict[str, frozenset[str]] = {}
        for kind, word in read_lexicon(lexicon / "grammar.tsv", 2):
            self.grammar[kind] = self.grammar.get(kind, frozenset()) | {word.lower()}

    def project_label(self, model_label: str) -> str:
        """The project's entity type for any model's NER label (PER, PLACE, NORP, ORG, OTHER)."""
        return self.label_map.get(model_label, "OTHER")

    def role(self, surface: str) -> RoleWord | None:
        return self.roles.get(fold(surface))

    def relative(self, person: Person, kin_word: str) -> Person | None:
        """'Kims vader' -> Kim Jong-il, when models/actors/family_relations.txt knows the relation."""
        relation = self.kinship.get(fold(kin_word))
        name = self.relations.get((person.name, relation)) if relation else None
        return self.actors.persons.get(name) if name else None

    def qualifies(self, person: Person, date: PartialDate | None) -> tuple[bool, bool]:
        """(may take part, is a head of state or government) at the date (guideline 1): someone in the
        data must hold a national office then; heads of EU institutions do not count."""
        from pipeline.knowledge.actors import period_of
        if date is None:
            national = [t for t in person.terms if t.country not in self.non_state]
            return bool(national), any(t.office.startswith("head_of") for t in national)
        period = period_of(date)
        current = [t for t in person.terms if t.start <= period[1] and t.end >= period[0]
                   and t.country not in self.non_state]
        return bool(current), any(t.office.startswith("head_of") for t in current)

    def office_holder(self, country: str, titles: tuple[str, ...], date: PartialDate | None) -> Person | None:
        """Who held the office on the date (the event's date, not the article's)."""
        if date is None:
            return None
        holders = self.actors.holders(country, titles, date)
        return holders[0] if holders else None


class DataError(ValueError):
    """A data file under models/ is missing or malformed; the message names the file and line."""


@lru_cache(maxsize=4)
def load_knowledge(models_dir: str | Path) -> Knowledge:
    try:
        return Knowledge(Path(models_dir))
    except (ValueError, OSError) as error:
        raise DataError(str(error)) from None
