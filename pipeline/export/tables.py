"""Rows for the output tables (mentions, events, participants), and atomic writing (temp file + rename).

An interrupted run never leaves a half-written CSV: the old file stays until the new one is complete.
CSV files are written for spreadsheets by default (`pipeline.export.spreadsheet`).
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, TextIO

from pipeline.export.spreadsheet import spreadsheet_row
from pipeline.merge.clusters import Cluster
from pipeline.merge.collection import without_cycle_collection
from pipeline.merge.identity import event_ids
from pipeline.merge.roles import meeting_roles
from pipeline.records import EVENT_COLUMNS, LIST_SEPARATOR, MENTION_COLUMNS, PARTICIPANT_COLUMNS, Mention


class ExportRows(NamedTuple):
    mentions: list[dict]  # in document order
    events: list[dict]  # in date and id order
    participants: list[dict]  # one per event and participant, in the events' order


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
        "published": mention.published, "source_path": mention.source_path, "url": mention.url,
        "outlet": mention.outlet,
    }


def event_row(cluster: Cluster, best: Mention, event: str) -> dict[str, object]:
    """`best` and `event` are the cluster's combined mention and its id, computed once by the caller."""
    place = best.place
    doc_ids = sorted({m.doc_id for m in cluster.mentions})
    published = sorted(m.published for m in cluster.mentions if m.published)
    return {
        "event_id": event, **_participant_fields(best), "date": best.date, "date_end": best.date_end,
        "date_precision": best.date_precision, **_place_fields(best),
        "latitude": "" if place is None or place.latitude is None else f"{place.latitude:.4f}",
        "longitude": "" if place is None or place.longitude is None else f"{place.longitude:.4f}",
        "status": best.status, "event_type": best.event_type, "n_mentions": len(cluster.mentions),
        "n_docs": len(doc_ids), "doc_ids": LIST_SEPARATOR.join(doc_ids), "evidence": best.evidence,
        "first_published": published[0] if published else "",
    }


def participant_rows(best: Mention, event: str) -> list[dict[str, object]]:
    """The tidy form: one row per participant, with the role the meeting's place gives (host, visitor)."""
    roles = meeting_roles(best)
    return [{"event_id": event, "name": actor.name, "qid": actor.qid, "country": actor.country,
             "role": roles.get(actor.name, ""), "date": best.date, "status": best.status}
            for actor in sorted(best.participants, key=lambda actor: actor.name)]


@without_cycle_collection
def rows_for(clusters: list[Cluster]) -> ExportRows:
    """The rows of every table. A cluster's best mention (it combines all of its members) is computed once;
    ids are given to all clusters together, as look-alike meetings need each other to be told apart."""
    bests = [cluster.best for cluster in clusters]
    first_seen = [min((m.doc_id, m.char_start) for m in cluster.mentions) for cluster in clusters]
    mention_rows: list[dict] = []
    event_rows: list[dict] = []
    for cluster, best, event in zip(clusters, bests, event_ids(bests, first_seen)):
        mention_rows.extend(mention_row(m, event) for m in cluster.mentions)
        event_rows.append(event_row(cluster, best, event))
    mention_rows.sort(key=lambda row: (row["doc_id"], row["source_path"], row["char_start"], row["participants"]))
    order = sorted(range(len(event_rows)), key=lambda n: (event_rows[n]["date"], event_rows[n]["event_id"]))
    participants = [row for n in order for row in participant_rows(bests[n], event_rows[n]["event_id"])]
    return ExportRows(mention_rows, [event_rows[n] for n in order], participants)


@contextmanager
def atomic_open(path: Path, newline: str | None = None, bom: bool = False) -> Iterator[TextIO]:
    """A text stream to a temp file in the target's folder, renamed over `path` only on success; `bom`
    starts it with the UTF-8 byte-order mark (utf-8-sig), by which Excel knows the encoding."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # A file name in another encoding reaches us with surrogates ("caf\udce9"): written as "\udce9", never
        # an error that loses the whole run (in JSON that is the escape of the same string).
        with os.fdopen(handle, "w", encoding="utf-8-sig" if bom else "utf-8", errors="backslashreplace",
                       newline=newline) as stream:
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


def write_csv(path: Path, columns: Iterable[str], rows: Iterable[dict], for_spreadsheets: bool = False) -> None:
    """Write to a temporary file in the same folder, then rename over the target. `for_spreadsheets`: with a
    byte-order mark, and no cell that a spreadsheet would evaluate (see pipeline.export.spreadsheet)."""
    with atomic_open(path, newline="", bom=for_spreadsheets) as stream:
        writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="raise")
        writer.writeheader()
        writer.writerows(map(spreadsheet_row, rows) if for_spreadsheets else rows)


def write_json(path: Path, data: dict) -> None:
    """Same atomic write for run_report.json and evaluation.json."""
    with atomic_open(path) as stream:
        json.dump(data, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


__all__ = ["ExportRows", "rows_for", "write_csv", "write_json", "MENTION_COLUMNS", "EVENT_COLUMNS",
           "PARTICIPANT_COLUMNS"]
