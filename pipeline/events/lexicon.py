"""The event stage's data: trigger patterns (models/patterns/triggers.jsonl), cue words
(models/lexicon/event_cues.tsv) and the declaration of every cue kind with its window
(models/lexicon/event_cue_kinds.tsv).

Everything is checked when it is loaded, with messages that name the file and line; a cue kind the code
asks for that the data does not declare is an error, not an empty set.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from pipeline.errors import DataError, Errors
from pipeline.knowledge.tables import fingerprint, read_lines, read_table
from pipeline.records import TRIGGER_FORMS, TRIGGER_KINDS, Trigger

TRIGGERS_FILE = "patterns/triggers.jsonl"
CUES_FILE = "lexicon/event_cues.tsv"
CUE_KINDS_FILE = "lexicon/event_cue_kinds.tsv"
_TRIGGER_KEYS = {"id", "kind", "form", "weight", "pattern", "needs", "plural", "alone", "object_place", "transitive",
                 "note"}
_REQUIRED_KEYS = {"id", "kind", "form", "weight", "pattern"}


@dataclass(frozen=True)
class CueKind:
    name: str
    window: int  # tokens from the anchor in which a cue of this kind counts; 0 = no window
    meaning: str


@dataclass(frozen=True)
class EventLexicon:
    triggers: dict[str, Trigger]
    patterns: dict[str, list]
    cues: dict[str, tuple[tuple[str, ...], ...]]  # kind -> phrases as lower-case word tuples
    kinds: dict[str, CueKind]
    single_words: dict[str, frozenset[str]]  # kind -> its one-word cues, built once at load

    def words(self, kind: str) -> frozenset[str]:
        """Single-word cues of a kind (asked for in every sentence, so computed once at load)."""
        found = self.single_words.get(kind)
        if found is None:  # a kind without one-word cues, or one never declared (which raises)
            self._check(kind)
            return frozenset()
        return found

    def phrases(self, kind: str) -> tuple[tuple[str, ...], ...]:
        """Every cue of a kind, as word tuples."""
        found = self.cues.get(kind)
        if found is None:
            self._check(kind)
            return ()
        return found

    def plural_rules(self) -> frozenset[str]:
        """The ids of the triggers that tell meetings one by one ("gesprekken met A en B"), computed once."""
        if "_plural_rules" not in self.__dict__:
            self.__dict__["_plural_rules"] = frozenset(rule for rule, trigger in self.triggers.items() if trigger.plural)
        return self.__dict__["_plural_rules"]

    def phrases_by_first_word(self, kind: str) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The cue phrases of a kind filed under their first word, so a text is read once, not once per phrase."""
        cache = self.__dict__.setdefault("_by_first_word", {})
        if kind not in cache:
            filed: dict[str, list[tuple[str, ...]]] = {}
            for phrase in self.phrases(kind):
                filed.setdefault(phrase[0], []).append(phrase)
            cache[kind] = {word: tuple(phrases) for word, phrases in filed.items()}
        return cache[kind]

    def window(self, kind: str) -> int:
        self._check(kind)
        return self.kinds[kind].window

    def _check(self, kind: str) -> None:
        if kind not in self.kinds:
            raise DataError(CUE_KINDS_FILE, Errors.E026.format(value=kind, declarations=CUE_KINDS_FILE))

    @cached_property
    def first_words(self) -> dict[str, tuple[frozenset[str], re.Pattern | None]] | None:
        """Per trigger pattern, what its first token can be: exact words, and a regular expression for its
        REGEX test (None where a pattern's first token is optional or tested otherwise: then no shortcut
        is safe). A token that no pattern can start at holds no trigger, so the Matcher (which tries every
        pattern on every token it is given) runs only where a pattern can start, with only those patterns."""
        found = {}
        for rule_id, pattern in self.patterns.items():
            first = pattern[0]
            test = first.get("LOWER")
            if _most_repeats(first.get("OP")) != 1 or first.get("OP") in ("?", "*") or not test:
                return None
            if isinstance(test, str):
                found[rule_id] = (frozenset([test]), None)
            elif isinstance(test, dict) and ("IN" in test or "REGEX" in test):
                regex = re.compile(test["REGEX"]) if "REGEX" in test else None
                found[rule_id] = (frozenset(test.get("IN", ())), regex)
            else:
                return None
        return found

    def patterns_starting_with(self, word: str) -> frozenset[str]:
        """The trigger ids whose first token can be `word` (every id if that cannot be told)."""
        cache = self.__dict__.setdefault("_starting", {})
        if word not in cache:
            firsts = self.first_words
            if firsts is None:
                cache[word] = frozenset(self.patterns)
            else:
                cache[word] = frozenset(rule_id for rule_id, (exact, regex) in firsts.items()
                                        if word in exact or (regex is not None and regex.search(word)))
        return cache[word]

    @cached_property
    def longest_pattern(self) -> int:
        """The most tokens a trigger match can span: each pattern token counts as many times as its
        quantifier allows ('{0,8}' as 8); '*' and '+' have no such bound."""
        return max((sum(_most_repeats(token.get("OP")) for token in pattern) for pattern in self.patterns.values()),
                   default=1)

    def matcher(self, vocab: Vocab, rule_ids: Iterable[str] | None = None) -> Matcher:
        """A Matcher of the trigger patterns (all, or those of `rule_ids`), added in the file's order: it
        decides the order of matches that start and end together, and so which trigger a mention names."""
        matcher = Matcher(vocab)
        chosen = None if rule_ids is None else set(rule_ids)
        for rule_id in (r for r in self.patterns if chosen is None or r in chosen):
            matcher.add(rule_id, [self.patterns[rule_id]])
        return matcher


def load_triggers(path: Path) -> tuple[dict[str, Trigger], dict[str, list]]:
    triggers, patterns = {}, {}
    for number, line in enumerate(read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise DataError(path, Errors.E030.format(error=error.msg), number) from None
        if "comment" in item:
            continue
        _check_trigger(item, path, number)
        triggers[item["id"]] = Trigger(item["id"], item["kind"], float(item["weight"]), item["form"],
                                       tuple(item.get("needs", ())), bool(item.get("plural", False)),
                                       bool(item.get("alone", False)), bool(item.get("object_place", False)),
                                       bool(item.get("transitive", False)))
        patterns[item["id"]] = item["pattern"]
    return triggers, patterns


def _check_trigger(item: dict, path: Path, number: int) -> None:
    missing, unknown = _REQUIRED_KEYS - set(item), set(item) - _TRIGGER_KEYS
    if missing:
        raise DataError(path, Errors.E031.format(keys=", ".join(sorted(missing))), number)
    if unknown:
        raise DataError(path, Errors.E032.format(keys=", ".join(sorted(unknown)),
                                                 allowed=", ".join(sorted(_TRIGGER_KEYS))), number)
    for key, allowed in (("kind", TRIGGER_KINDS), ("form", TRIGGER_FORMS)):
        if item[key] not in allowed:
            raise DataError(path, Errors.E011.format(allowed=", ".join(allowed), value=item[key]), number)


def load_cue_kinds(path: Path) -> dict[str, CueKind]:
    kinds = {}
    for row in read_table(path, ("kind", "window", "meaning")):
        if not row["window"].isdigit():
            raise row.error(Errors.E010.format(low=0, high=99, value=row["window"]))
        if row["kind"] in kinds:
            raise row.error(Errors.E007.format(value=row["kind"]))
        kinds[row["kind"]] = CueKind(row["kind"], int(row["window"]), row["meaning"])
    return kinds


def load_cues(path: Path, kinds: dict[str, CueKind]) -> dict[str, tuple[tuple[str, ...], ...]]:
    cues: dict[str, list[tuple[str, ...]]] = {}
    for row in read_table(path, ("kind", "cue")):
        if row["kind"] not in kinds:
            raise row.error(Errors.E025.format(value=row["kind"], declarations=CUE_KINDS_FILE))
        cues.setdefault(row["kind"], []).append(tuple(row["cue"].lower().split()))
    empty = next((kind for kind in kinds if kind not in cues), None)
    if empty is not None:
        raise DataError(path, Errors.E027.format(value=empty, cues=CUES_FILE))
    return {kind: tuple(phrases) for kind, phrases in cues.items()}


def event_lexicon_paths(models_dir: Path) -> list[Path]:
    return [models_dir / TRIGGERS_FILE, models_dir / CUES_FILE, models_dir / CUE_KINDS_FILE]


_LOADED: dict[str, EventLexicon] = {}  # content fingerprint -> loaded lexicon


def load_event_lexicon(models_dir: str | Path) -> EventLexicon:
    models = Path(models_dir)
    key = fingerprint(event_lexicon_paths(models))
    if key not in _LOADED:
        triggers, patterns = load_triggers(models / TRIGGERS_FILE)
        kinds = load_cue_kinds(models / CUE_KINDS_FILE)
        cues = load_cues(models / CUES_FILE, kinds)
        single = {kind: frozenset(p[0] for p in phrases if len(p) == 1) for kind, phrases in cues.items()}
        _LOADED.clear()
        _LOADED[key] = EventLexicon(triggers, patterns, cues, kinds, single)
    return _LOADED[key]


def _most_repeats(op: str | None) -> int:
    """How many tokens one pattern token can match under its Matcher quantifier."""
    if op in (None, "!", "?", "1"):
        return 1
    bounds = re.fullmatch(r"\{(\d*),?(\d*)\}", op)
    if op in ("*", "+") or bounds is None:
        return 10**9
    low, high = bounds.groups()
    if "," not in op:
        return int(low)
    return int(high) if high else 10**9
