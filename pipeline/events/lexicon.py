"""Load the event stage's data: trigger patterns (models/patterns) and cue words (models/lexicon).

Validation happens here, once, with messages that name the file and line, so the event code can
trust what it gets.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from pipeline.knowledge.bundle import read_lexicon

TRIGGER_KINDS = {"meet", "talk", "visit", "receive", "gathering"}
CUE_KINDS = {"remote", "remote_weak", "negation", "cancelled", "planned", "modal", "perfect", "reciprocal",
             "host", "exclude", "clause_break", "present_aux", "origin", "place_prep", "pronoun_one",
             "pronoun_pair", "pair_next", "since", "conjunct", "place_anaphor", "conjunct_verb",
             "pronoun_object", "future_time", "clause_break_comma", "time_anaphor", "not_participant",
             "reference_first", "reference_since", "reference_phrase", "reception_prep", "agent", "topic",
             "possessive", "comitative", "person_clause", "setting", "pronoun_three", "pronoun_four",
             "distributive", "pronoun_needs_next", "infinitive_marker", "pronoun_by_number",
             "plural_verb_ending", "ordinal_reference", "clause_negation", "pronoun_pair_initial"}


@dataclass(frozen=True)
class Trigger:
    rule_id: str
    kind: str
    weight: float
    needs: tuple[str, ...] = ()
    plural: bool = False
    alone: bool = False  # counts only as the sentence's only trigger
    object_place: bool = False  # a transitive visit verb: its object is the place ("bezocht China")


@dataclass(frozen=True)
class EventLexicon:
    triggers: dict[str, Trigger]
    patterns: dict[str, list]
    cues: dict[str, tuple[tuple[str, ...], ...]]  # kind -> phrases as lower-case word tuples
    dates_dir: Path  # the date word lists, for the tense heuristic
    single_words: dict[str, frozenset[str]]  # kind -> its one-word cues, built once at load

    def words(self, kind: str) -> frozenset[str]:
        """Single-word cues of a kind (asked for in every sentence, so computed once at load)."""
        return self.single_words.get(kind, frozenset())

    def matcher(self, vocab: Vocab) -> Matcher:
        matcher = Matcher(vocab)
        for rule_id, pattern in self.patterns.items():
            matcher.add(rule_id, [pattern])
        return matcher


def load_triggers(path: Path) -> tuple[dict[str, Trigger], dict[str, list]]:
    triggers, patterns = {}, {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{where}: not JSON ({error.msg})") from None
        if "comment" in item:
            continue
        missing = {"id", "kind", "weight", "pattern"} - set(item)
        if missing:
            raise ValueError(f"{where}: missing key(s) {', '.join(sorted(missing))}")
        if item["kind"] not in TRIGGER_KINDS:
            raise ValueError(f"{where}: kind {item['kind']!r} not one of {sorted(TRIGGER_KINDS)}")
        if item["id"] in triggers:
            raise ValueError(f"{where}: duplicate id {item['id']!r}")
        triggers[item["id"]] = Trigger(item["id"], item["kind"], float(item["weight"]),
                                       tuple(item.get("needs", ())), bool(item.get("plural", False)),
                                       bool(item.get("alone", False)), bool(item.get("object_place", False)))
        patterns[item["id"]] = item["pattern"]
    return triggers, patterns


def load_cues(path: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    cues: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for kind, phrase in read_lexicon(path, 2):
        if kind not in CUE_KINDS:
            raise ValueError(f"{path}: cue kind {kind!r} not one of {sorted(CUE_KINDS)}")
        cues[kind].append(tuple(phrase.lower().split()))
    return {kind: tuple(phrases) for kind, phrases in cues.items()}


@lru_cache(maxsize=4)
def load_event_lexicon(models_dir: str | Path) -> EventLexicon:
    models = Path(models_dir)
    triggers, patterns = load_triggers(models / "patterns" / "triggers.jsonl")
    cues = load_cues(models / "lexicon" / "event_cues.tsv")
    single = {kind: frozenset(p[0] for p in phrases if len(p) == 1) for kind, phrases in cues.items()}
    return EventLexicon(triggers, patterns, cues, models / "lexicon" / "dates", single)
