"""The report's data: a run's tables read from its summits.duckdb, shaped for the charts and the table.

The database holds the exact text and typed columns; a folder without one was written by an older version
or is not an output folder, and the message says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.export.database import DATABASE_NAME


class ReportInputError(ValueError):
    """The output folder cannot be reported on (no database, or not a run's output)."""


@dataclass(frozen=True)
class ReportData:
    events: pd.DataFrame  # one row per meeting, with `when` (a timestamp for the timeline) and `year`
    participants: pd.DataFrame  # one row per meeting and leader
    mentions: pd.DataFrame  # one row per report of a meeting, with its document's url or path
    folder: Path


def load_report_data(folder: Path) -> ReportData:
    path = folder / DATABASE_NAME
    if not path.is_file():
        raise ReportInputError(f"{folder} holds no {DATABASE_NAME}: run `summits run --out {folder}` first")
    try:
        with duckdb.connect(str(path), read_only=True) as connection:
            events = connection.execute("SELECT * FROM events").df()
            participants = connection.execute("SELECT * FROM participants").df()
            mentions = connection.execute(
                "SELECT m.event_id, m.doc_id, m.evidence, m.published, m.source_path, m.url, m.outlet, "
                "m.char_start, d.title FROM mentions m LEFT JOIN documents d "
                "ON m.doc_id = d.doc_id AND m.source_path = d.source_path ORDER BY m.event_id, m.doc_id, m.char_start"
            ).df()
    except duckdb.Error as error:
        raise ReportInputError(f"{path}: not a summits database ({error.__class__.__name__}: {error})") from None
    events, participants, mentions = (_empty_text(frame) for frame in (events, participants, mentions))
    events["when"] = pd.to_datetime(events["date"].map(_first_day), errors="coerce")
    events["year"] = events["date"].str[:4].replace("", None)
    return ReportData(events, participants, mentions, folder)


def _empty_text(frame: pd.DataFrame) -> pd.DataFrame:
    """NULL text as "" (as in the CSV files); numbers keep NaN for missing."""
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def _first_day(date: str) -> str | None:
    """A partial ISO date as the first day it covers ("2019-04" -> "2019-04-01"); None when undated."""
    if not date:
        return None
    return (date + "-01-01"[len(date) - 4:]) if len(date) < 10 else date
