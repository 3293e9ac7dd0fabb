"""The run's tables in one embedded database, `summits.duckdb`, and as Parquet files.

DuckDB is one file that answers SQL, reads into pandas (`duckdb.connect(path).sql(...).df()`) and opens in
BI tools and DBeaver; Parquet is the columnar format every data tool reads (pandas, Spark, Polars, R's arrow).
Both hold the same rows as the CSV files, typed (numbers are numbers, a missing value is NULL) and with the
exact text (no spreadsheet marks). The database adds the views analysts write first.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd

DATABASE_NAME = "summits.duckdb"

# SQL types of the columns that are not text; every other column is VARCHAR. Dates stay ISO text, because
# a month or a year is not a day (date_precision says which); the views cut years from them.
COLUMN_TYPES = {
    "char_start": "BIGINT", "char_end": "BIGINT", "confidence": "DOUBLE", "latitude": "DOUBLE",
    "longitude": "DOUBLE", "n_mentions": "INTEGER", "n_docs": "INTEGER", "n_parts": "INTEGER",
    "n_words": "INTEGER",
}

VIEWS = {
    "meetings_per_leader_year": """
        SELECT name, qid, country, substr(date, 1, 4) AS year, count(*) AS meetings,
               count(*) FILTER (WHERE status = 'occurred') AS occurred,
               count(*) FILTER (WHERE status = 'planned') AS planned
        FROM participants WHERE date IS NOT NULL
        GROUP BY name, qid, country, year ORDER BY year, meetings DESC, name""",
    "leader_pairs": """
        SELECT a.name AS leader_a, b.name AS leader_b, count(*) AS meetings,
               count(*) FILTER (WHERE a.status = 'occurred') AS occurred,
               min(a.date) AS first_date, max(a.date) AS last_date
        FROM participants a JOIN participants b ON a.event_id = b.event_id AND a.name < b.name
        GROUP BY leader_a, leader_b ORDER BY meetings DESC, leader_a, leader_b""",
}


def _select(columns: tuple[str, ...]) -> str:
    """Empty cells become NULL, typed columns are cast."""
    parts = []
    for column in columns:
        value = f"NULLIF(CAST(\"{column}\" AS VARCHAR), '')"
        kind = COLUMN_TYPES.get(column, "VARCHAR")
        parts.append(f"CAST({value} AS {kind}) AS \"{column}\"" if kind != "VARCHAR" else f"{value} AS \"{column}\"")
    return ", ".join(parts)


def write_database(folder: Path, tables: dict[str, tuple[tuple[str, ...], list[dict]]],
                   also: Callable[[duckdb.DuckDBPyConnection], None] | None = None) -> list[Path]:
    """`summits.duckdb` and `<table>.parquet` in `folder` from {table: (columns, rows)}, then `also` on the
    open database (what an incremental run keeps); the paths written."""
    path = folder / DATABASE_NAME
    written = [path]
    with duckdb.connect(str(path)) as connection:
        for name, (columns, rows) in tables.items():
            frame = pd.DataFrame([[storable(row[column]) for column in columns] for row in rows],
                                 columns=list(columns), dtype=object)
            connection.register("incoming", frame)
            connection.execute(f"CREATE TABLE {name} AS SELECT {_select(columns)} FROM incoming")
            connection.unregister("incoming")
            parquet = folder / f"{name}.parquet"
            connection.execute(f"COPY {name} TO '{_quoted(parquet)}' (FORMAT PARQUET)")
            written.append(parquet)
        for name, query in VIEWS.items():
            connection.execute(f"CREATE VIEW {name} AS {query}")
        if also is not None:
            also(connection)
    return written


def storable(value: object) -> object:
    """A file name in another encoding reaches us with surrogates ("caf\\udce9"): stored as "\\udce9", as the
    CSV writer writes it, never an error that loses the run."""
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
