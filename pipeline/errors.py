"""Every message a user can get about bad data files, in one catalogue (as spaCy keeps `Errors`), and
the exception that carries it with the file and line.

A bad data file stops a run before any document is read (exit status 3 in the CLI): a typo in a word
list must never become a silent miss or a run of failed documents.
"""
from __future__ import annotations

from pathlib import Path


class Errors:
    """Message templates, filled with str.format; the number makes a message easy to search for."""

    # files and headers (pipeline.knowledge.tables)
    E001 = "cannot read the file ({error})"
    E002 = "the header has no '# FORMAT:' line naming the columns"
    E003 = "'# FORMAT:' declares the columns {declared}; the pipeline reads {expected}"
    E004 = "expected {expected} tab-separated field(s) ({columns}), found {found}"
    E005 = "column '{column}' is empty"
    E006 = "data line before the '# FORMAT:' header line"
    E007 = "{value!r} is listed twice"
    E008 = "the file is missing"
    # values
    E010 = "expected a whole number from {low} to {high}, got {value!r}"
    E011 = "expected one of {allowed}, got {value!r}"
    E012 = "not a valid regular expression ({error})"
    E013 = "write the pattern in lower case (only escapes such as \\S may be capitals)"
    E014 = "{column} is not a number: {value!r}"
    E015 = "{column} {value} is outside [-{limit}, {limit}]"
    E016 = "not a date of the form YYYY[-MM[-DD]]: {value!r}"
    E017 = "bad Wikidata id {value!r}"
    E018 = "{column} must be {what}, got {value!r}"
    E019 = "{value!r} is listed twice with different values"
    # cross-references
    E020 = "country {value} is not in countries.tsv"
    E021 = "{what} {value!r} of {owner} already belongs to {other}"
    E022 = "parent {value!r} is not a place in {country}"
    E023 = "unknown placeholder %{value}; known: {known}"
    E025 = "cue kind {value!r} is not declared in {declarations}"
    E026 = "the code asks for cue kind {value!r}, which {declarations} does not declare"
    E027 = "cue kind {value!r} is declared but has no cue in {cues}"
    # JSON lines (triggers.jsonl)
    E030 = "not JSON ({error})"
    E031 = "missing key(s) {keys}"
    E032 = "unknown key(s) {keys}; allowed: {allowed}"
    # components
    E040 = ("component '{name}' has no data: build the pipeline with pipeline.components.build_pipeline, call "
            "its initialize(models_dir=...), or load a saved pipeline with spacy.load")


class DataError(ValueError):
    """A data file under models/ is missing or malformed; str() is 'file:line: what is wrong'."""

    def __init__(self, where: str | Path, message: str, line: int | None = None):
        self.where = f"{where}:{line}" if line is not None else str(where)
        self.message = message
        super().__init__(f"{self.where}: {message}")
