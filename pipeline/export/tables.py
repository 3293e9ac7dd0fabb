"""Rows for mentions.csv and events.csv, and atomic writing (temp file + rename).

An interrupted run never leaves a half-written CSV: the old file stays until the new one is complete.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from pipeline.merge.clusters import Cluster, event_id_of_best
from pipeline.merge.collection import without_cycle_collection
from pipeline.records import EVENT_COLUMNS, LIST_SEPARATOR, MENTION_COLUMNS, Mention


def _participant_fields(mention: Mention) -> dict[str, str]:
    actors = sorted(mention.participants, key=lambda actor: actor.name)
    return {
        "participants": LIST_SEPARATOR.join(actor.name for actor in actors),
        "participant_ids": LIST_SEPARATOR.join(actor.qid for actor in actors),
        "participant_countries": LIST_SEPARATOR.join(actor.country for actor in actors),
    }


def _place_fields(mention: Mention) -> dict[str, str]:
    place = mention.place
    return {"location": place.name if place else "", "location_country": place.country if place else ""}


def mention_row(mention: Mention, event: str) -> dict[str, object]:
    return {
        "doc_id": mention.doc_id, "event_id": event, **_participant_fields(mention),
        "date": mention.date, "date_end": mention.date_end, "date_precision": mention.date_precision,
        "date_text": mention.date_text, **_place_fields(mention), "status": mention.status,
        "event_type": mention.event_type, "evidence": mention.evidence, "char_start": mention.char_start,
        "char_end": mention.char_end, "confidence": f"{mention.confidence:.2f}", "rule_id": mention.rule_id,
    }


def event_row(cluster: Cluster, best: Mention, event: str) -> dict[str, object]:
    """`best` and `event` are the cluster's combined mention and its id, computed once by the caller."""
    place = best.place
    doc_ids = sorted({m.doc_id for m in cluster.mentions})
    return {
        "event_id": event, **_participant_fields(best), "date": best.date, "date_end": best.date_end,
        "date_precision": best.date_precision, **_place_fields(best),
        "latitude": "" if place is None or place.latitude is None else f"{place.latitude:.4f}",
        "longitude": "" if place is None or place.longitude is None else f"{place.longitude:.4f}",
        "status": best.status, "event_type": best.event_type, "n_mentions": len(cluster.mentions),
        "n_docs": len(doc_ids), "doc_ids": LIST_SEPARATOR.join(doc_ids), "evidence": best.evidence,
    }


@without_cycle_collection
def rows_for(clusters: list[Cluster]) -> tuple[list[dict], list[dict]]:
    """(mention rows in document order, event rows in date and id order). A cluster's best mention and id are
    computed once: each combines all of its members."""
    mention_rows: list[dict] = []
    event_rows: list[dict] = []
    for cluster in clusters:
        best = cluster.best
        event = event_id_of_best(best)
        mention_rows.extend(mention_row(m, event) for m in cluster.mentions)
        event_rows.append(event_row(cluster, best, event))
    mention_rows.sort(key=lambda row: (row["doc_id"], row["char_start"], row["participants"]))
    event_rows.sort(key=lambda row: (row["date"], row["event_id"]))
    return mention_rows, event_rows


@contextmanager
def atomic_open(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    """A text stream to a temp file in the target's folder, renamed over `path` only on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # A file name in another encoding reaches us with surrogates ("caf\udce9"): written as "\udce9", never
        # an error that loses the whole run (in JSON that is the escape of the same string).
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline=newline) as stream:
            yield stream
        os.chmod(temp_name, 0o666 & ~_current_umask())  # mkstemp makes 0600; outputs are for sharing
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_csv(path: Path, columns: Iterable[str], rows: Iterable[dict]) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    with atomic_open(path, newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="raise")
        writer.writeheader()
        writer.writerows(rows)


def write_json(path: Path, data: dict) -> None:
    """Same atomic write for run_report.json and evaluation.json."""
    with atomic_open(path) as stream:
        json.dump(data, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


__all__ = ["rows_for", "write_csv", "write_json", "MENTION_COLUMNS", "EVENT_COLUMNS"]
