"""All knowledge the linking and event stages load from models/, checked and bundled.

`load_knowledge(folder)` reads the files listed in `KNOWLEDGE_FILES`; a copy of the same files (as a
saved pipeline holds) gives the same object, so each process loads the data once.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.knowledge.actors import ActorBook
from pipeline.knowledge.gazetteer import Gazetteer
from pipeline.knowledge.tables import fingerprint, read_table, read_words
from pipeline.knowledge.textnorm import fold
from pipeline.records import PartialDate, Person

ACTORS_DIR = "actors"
LEXICON_DIR = "lexicon"
# Every file Knowledge reads, relative to the models folder (actors/*.tsv are found by globbing).
KNOWLEDGE_FILES = (
    "actors/family_relations.txt", "places/countries.tsv", "places/cities.tsv",
    "lexicon/roles.tsv", "lexicon/role_modifiers.tsv", "lexicon/kinship.tsv", "lexicon/entity_labels.tsv",
    "lexicon/place_roles.tsv", "lexicon/name_particles.txt", "lexicon/non_state_actors.txt", "lexicon/grammar.tsv",
)


def knowledge_paths(models_dir: Path) -> list[Path]:
    return sorted((models_dir / ACTORS_DIR).glob("*.tsv")) + [models_dir / name for name in KNOWLEDGE_FILES]


@dataclass(frozen=True)
class RoleWord:
    surface: str
    titles: tuple[str, ...]


class Knowledge:
    """Actors, places and the Dutch word lists the linking and event stages need."""

    def __init__(self, models_dir: Path):
        self.models_dir = models_dir
        lexicon = models_dir / LEXICON_DIR
        self.actors = ActorBook.load(models_dir / ACTORS_DIR)
        self.places = Gazetteer.load(models_dir / "places")
        self.roles = {fold(row["word"]): RoleWord(row["word"], tuple(row["titles"].split("|")))
                      for row in read_table(lexicon / "roles.tsv", ("word", "titles"))}
        self.role_modifiers = {fold(row["word"]): row["effect"]
                               for row in read_table(lexicon / "role_modifiers.tsv", ("word", "effect"))}
        self.kinship = {fold(row["word"]): row["relation"]
                        for row in read_table(lexicon / "kinship.tsv", ("word", "relation"))}
        self.relations = {(row["person"], row["relation"]): row["other_person"] for row in read_table(
            models_dir / ACTORS_DIR / "family_relations.txt", ("person", "relation", "other_person"))}
        self.label_map = {row["model_label"]: row["project_type"] for row in read_table(
            lexicon / "entity_labels.tsv", ("model_label", "project_type"))}
        place_roles = read_table(lexicon / "place_roles.tsv", ("word", "role"))
        self.capital_words = {row["word"].lower() for row in place_roles if row["role"] == "capital"}
        self.place_nouns = {row["word"].lower() for row in place_roles}
        self.name_particles = read_words(lexicon / "name_particles.txt")
        self.non_state = {code.upper() for code in read_words(lexicon / "non_state_actors.txt", "code")}
        self.grammar: dict[str, frozenset[str]] = {}
        for row in read_table(lexicon / "grammar.tsv", ("kind", "word")):
            self.grammar[row["kind"]] = self.grammar.get(row["kind"], frozenset()) | {row["word"].lower()}

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
        national = [t for t in person.terms if t.country not in self.non_state]
        if date is not None:
            first, last = date.period()
            national = [t for t in national if t.start <= last and t.end >= first]
        return bool(national), any(t.office.startswith("head_of") for t in national)

    def office_holder(self, country: str, titles: tuple[str, ...], date: PartialDate | None) -> Person | None:
        """Who held the office on the date (the event's date, not the article's)."""
        if date is None:
            return None
        holders = self.actors.holders(country, titles, date)
        return holders[0] if holders else None


_LOADED: dict[str, Knowledge] = {}  # content fingerprint -> loaded knowledge


def load_knowledge(models_dir: str | Path) -> Knowledge:
    """The knowledge of a models folder, loaded once per distinct content; DataError for a bad file."""
    folder = Path(models_dir)
    key = fingerprint(knowledge_paths(folder))
    if key not in _LOADED:
        _LOADED.clear()  # one set of data per process is the normal case; never grow without bound
        _LOADED[key] = Knowledge(folder)
    return _LOADED[key]
