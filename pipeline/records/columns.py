"""The output contract: column names and order of the output tables (analysts address columns by position
too, so new columns are added at the end)."""
from __future__ import annotations

MENTION_COLUMNS: tuple[str, ...] = (
    "doc_id", "event_id", "participants", "participant_ids", "participant_countries",
    "date", "date_end", "date_precision", "date_text", "location", "location_country",
    "status", "event_type", "evidence", "char_start", "char_end", "confidence", "rule_id",
    "published", "source_path", "url", "outlet",
)
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "participants", "participant_ids", "participant_countries",
    "date", "date_end", "date_precision", "location", "location_country",
    "latitude", "longitude", "status", "event_type", "n_mentions", "n_docs", "doc_ids", "evidence",
    "first_published",
)
PARTICIPANT_COLUMNS: tuple[str, ...] = ("event_id", "name", "qid", "country", "role", "date", "status")
DOCUMENT_COLUMNS: tuple[str, ...] = (
    "doc_id", "source_path", "published", "url", "outlet", "title", "status", "error", "n_parts", "n_words",
    "n_mentions",
)
LIST_SEPARATOR = "; "
