"""The store's small reads (the document list, one document, the ingest errors), each written once as
portable SQL and run two ways.

The Store runs them through SQLAlchemy (SQLite or PostgreSQL): ``Store.documents()``, ``document()``,
``errors()``. ``read_sqlite`` runs the same functions over the standard library's ``sqlite3``, so that `dyad
docs`, `dyad show` and `dyad errors` on a SQLite store answer without importing SQLAlchemy (about 0.15 s of
start-up, bench/bench_startup.py). A read is a function of ``run(sql, params) -> rows``; parameters are
``:name`` style, which both drivers take. This module imports nothing heavier than ``sqlite3``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from dyad.errors import StoreError

# The columns of `documents`, as in the schema (tests/test_cli_startup.py checks it, so that a new column
# cannot be left out); the list of documents shows all but the two texts.
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
    "raw_text",
    "text",
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


# Runs one statement with its parameters and returns the rows as dicts.
Run = Callable[[str, Mapping[str, Any]], list[dict[str, Any]]]
T = TypeVar("T")

_DOCUMENT = f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents"
_DOCUMENTS = (
    f"SELECT {', '.join(c for c in DOCUMENT_COLUMNS if c not in ('raw_text', 'text'))} FROM documents"
)


def documents(run: Run) -> list[dict[str, Any]]:
    """Every document's metadata (no text), by file name (then id, for two files of one name)."""
    return [decode_document(row) for row in run(f"{_DOCUMENTS} ORDER BY name, id", {})]


def errors(run: Run) -> list[dict[str, Any]]:
    """Files that failed (level error) or were stored with a doubt (level warning), oldest first."""
    rows = run("SELECT path, level, reason, at FROM ingest_errors ORDER BY id", {})
    return [{**row, "at": _timestamp(row["at"])} for row in rows]


def document(run: Run, ref: str) -> dict[str, Any]:
    """One document with its text and sentences, by id or file name, or a unique prefix of either."""
    rows = run(f"{_DOCUMENT} WHERE id = :ref OR name = :ref", {"ref": ref})
    if not rows:
        # LIKE with '/' escaping the wildcards a file name may hold (SQLite's LIKE ignores ASCII case).
        prefix = ref.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"
        where = "id LIKE :prefix ESCAPE '/' OR name LIKE :prefix ESCAPE '/'"
        rows = run(f"{_DOCUMENT} WHERE {where}", {"prefix": prefix})
    if len(rows) != 1:
        found = "no document matches" if not rows else f"{len(rows)} documents match"
        raise StoreError(f"{found} {ref!r}; use an id or file name from `dyad docs`")
    row = decode_document(rows[0])
    sql = 'SELECT idx, start, "end", text FROM sentences WHERE doc_id = :doc ORDER BY idx'
    row["sentences"] = run(sql, {"doc": row["id"]})
    return row


def sqlite_path(url: str) -> Path | None:
    """The file of a plain SQLite URL (``sqlite:///file``); None for anything else (a server, memory,
    URL options or escapes), which only SQLAlchemy reads."""
    prefix = "sqlite:///"
    path = url[len(prefix) :] if url.startswith(prefix) else ""
    if not path or path == ":memory:" or any(c in path for c in "?%#"):
        return None
    return Path(path)


def read_sqlite(url: str, read: Callable[[Run], T]) -> T | None:
    """``read`` run on the SQLite file at ``url``, read-only, through the standard library.

    None when this light path does not apply — not a SQLite file, no such file, or a store these queries
    cannot read as it is (an older schema, which the Store upgrades when it opens) — and the caller opens
    the Store instead, which reports a missing store and upgrades an old one as it always did. Errors of
    the read itself (no such document) are raised as they are.
    """
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    conn.row_factory = sqlite3.Row

    def run(sql: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        return [dict(row) for row in conn.execute(sql, params)]

    try:
        return read(run)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
