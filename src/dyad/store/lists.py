"""The store's small lists (documents, ingest errors), each written once as portable SQL and read two ways.

``Store.documents()`` and ``Store.errors()`` run these queries through SQLAlchemy (SQLite or PostgreSQL);
``read_sqlite`` runs the same queries through the standard library's ``sqlite3``, so that `dyad docs` and
`dyad errors` on a SQLite store answer without importing SQLAlchemy (about 0.15 s of start-up,
bench/bench_startup.py). This module imports nothing heavier than ``sqlite3``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

# Every column of `documents` but the two texts, which a listing never shows (tests/test_store_lists.py
# checks this against the schema, so a new column cannot be left out).
DOCUMENT_COLUMNS = (
    "id",
    "name",
    "path",
    "format",
    "kind",
    "title",
    "authors",
    "publisher",
    "published",
    "published_basis",
    "date_estimate",
    "date_estimate_basis",
    "language",
    "doi",
    "size_bytes",
    "words",
    "n_sentences",
    "ingested_at",
)


def _timestamp(value: dt.datetime | str) -> str:
    """A stored time to the second. PostgreSQL's driver gives a datetime; SQLite holds ISO text."""
    when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return when.isoformat(timespec="seconds")


def decode_document(row: dict[str, Any]) -> dict[str, Any]:
    """A `documents` row as the library returns it: authors a list, the ingest time ISO text."""
    row["authors"] = json.loads(row["authors"])
    if row.get("ingested_at") is not None:
        row["ingested_at"] = _timestamp(row["ingested_at"])
    return row


def _decode_error(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "at": _timestamp(row["at"])}


@dataclass(frozen=True, slots=True)
class ListQuery:
    """One listing: its SQL (no parameters) and how a row becomes the dict the library returns."""

    sql: str
    decode: Callable[[dict[str, Any]], dict[str, Any]]


DOCUMENTS = ListQuery(f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents ORDER BY name", decode_document)
ERRORS = ListQuery("SELECT path, level, reason, at FROM ingest_errors ORDER BY id", _decode_error)


def sqlite_path(url: str) -> Path | None:
    """The file of a plain SQLite URL (``sqlite:///file``); None for anything else (a server, memory,
    URL options or escapes), which only SQLAlchemy reads."""
    prefix = "sqlite:///"
    path = url[len(prefix) :] if url.startswith(prefix) else ""
    if not path or path == ":memory:" or any(c in path for c in "?%#"):
        return None
    return Path(path)


def read_sqlite(url: str, query: ListQuery) -> list[dict[str, Any]] | None:
    """The rows of ``query`` from the SQLite file at ``url``, read-only, through the standard library.

    None when this light path does not apply — not a SQLite file, no such file, or a store this query
    cannot read as it is (an older schema that the Store upgrades when it opens) — and the caller opens
    the Store instead, which reports a missing store and upgrades an old one as it always does.
    """
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        conn.row_factory = sqlite3.Row
        rows = conn.execute(query.sql).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return [query.decode(dict(row)) for row in rows]
