"""The output contract: column names and order of the CSV files (analysts address columns by position too)."""
from __future__ import annotations

MENTION_COLUMNS: tuple[str, ...] = (
    "doc_id", "event_id", "participants", "participant_ids", "participant_countries",
    "date", "date_end", "date_precision", "date_text", "location", "location_country",
    "status", "event_type", "evidence", "char_start", "char_end", "confidence", "rule_id",
)
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "participants", "participant_ids", "participant_countries",
    "date", "date_end", "date_precision", "location", "location_country",
    "latitude", "longitude", "status", "event_type", "n_mentions", "n_docs", "doc_ids", "evidence",
)
LIST_SEPARATOR = "; "
