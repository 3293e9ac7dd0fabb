"""What: trigger patterns, their hits, candidate meetings in a sentence and the mentions that leave the
pipeline."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.records.people import Actor, PersonMention
from pipeline.records.places import Place

TRIGGER_KINDS = ("meet", "talk", "visit", "receive", "gathering")
TRIGGER_FORMS = ("verb", "noun", "phrase")


@dataclass(frozen=True)
class Trigger:
    """One pattern of models/patterns/triggers.jsonl: what kind of meeting word it finds, and how."""

    rule_id: str
    kind: str  # one of TRIGGER_KINDS
    weight: float
    form: str = "verb"  # one of TRIGGER_FORMS: a verb reports a meeting; a noun may only refer to one
    needs: tuple[str, ...] = ()
    plural: bool = False
    alone: bool = False  # counts only as the sentence's only trigger
    object_place: bool = False  # a transitive visit verb: its object is the place ("bezocht China")
    transitive: bool = False  # its object is the partner ("sprak Macron", "ziet Scholz"), not "sprak hem toe"


@dataclass(frozen=True)
class TriggerHit:
    """Where a trigger matched (token offsets in the Doc)."""

    rule_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Candidate:
    """One meeting a trigger names, before its date, place and status are chosen."""

    hit: TriggerHit
    trigger: Trigger
    people: tuple[PersonMention, ...]
    inferred: bool  # a participant came from a visit's host, a pronoun or a role phrase
    scope: tuple[tuple[int, int], ...]  # token ranges the trigger governs (subject part, own stretch)
    clause: tuple[int, int]
    lone: bool  # the only trigger of its sentence: a sentence-wide date may be used
    lone_in_clause: bool  # the only trigger of its clause: clause-wide date and place may be used


@dataclass(frozen=True)
class Mention:
    """One meeting as reported in one document.

    Inside the pipeline `char_start`/`char_end` and `evidence` refer to the cleaned text; export maps
    them to the original file (`pipeline.export.offsets`)."""

    doc_id: str
    participants: tuple[Actor, ...]
    date: str
    date_end: str
    date_precision: str
    date_text: str
    place: Place | None
    status: str
    evidence: str
    char_start: int
    char_end: int
    confidence: float
    rule_id: str
    event_id: str = ""
    # where it was read, filled when the mention leaves the pipeline (pipeline.export.offsets)
    published: str = ""  # the article's publication date, ISO (YYYY, YYYY-MM or YYYY-MM-DD)
    source_path: str = ""  # the input file, with ":line" for a feed record
    url: str = ""
    outlet: str = ""

    @property
    def event_type(self) -> str:
        return "bilateral" if len(self.participants) == 2 else "multilateral"

    @property
    def participant_key(self) -> tuple[str, ...]:
        """The participants' names, sorted: what makes two mentions candidates for one meeting."""
        return tuple(sorted(actor.name for actor in self.participants))


@dataclass(frozen=True)
class Draft:
    """A mention before the document stage, with what the document stage needs to know of it."""

    mention: Mention
    trigger: Trigger
    own_date: bool  # the date comes from the mention's own sentence (not the paragraph's time or 'toen')
    own_place: bool  # likewise the place
    refers_back: bool  # a noun that may only refer to a meeting told elsewhere ('het gesprek', 'hun eerste top')
    sentence_reference: bool = False  # the sentence is about a meeting told elsewhere ('hun eerste gesprek sinds')
    background: bool = False  # told in a clause of earlier time ('nadat hij zondag de koningin had bezocht')
    fallback_place: Place | None = None  # where it is when nothing else places it (a programme: the host's country)
    host_inferred: bool = False  # a participant is the host of a visit, not named as meeting ('bezoek aan Moskou')


@dataclass(frozen=True)
class Reference:
    """A meeting word without participants of its own ("die ontmoeting vond plaats in Genève"): it adds its
    date or place to the meeting in focus and never makes a meeting of its own."""

    position: int  # character offset in the cleaned text
    date: tuple[str, str, str, str] | None  # (date, date_end, precision, date_text) from its own sentence
    place: Place | None


@dataclass(frozen=True)
class Joiner:
    """A leader who joins the meeting in focus ("premier De Croo schoof later aan")."""

    position: int
    person: PersonMention
