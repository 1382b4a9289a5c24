"""The export as flat tables a spreadsheet opens: events, figures, sources, actors, documents.

One row per item, plain values in every cell (lists are ``;``-joined), ids to join on: ``sources`` links
an event or figure (``item``, ``item_id``) to the document (``doc``) and sentence it was read from, and
``documents.doc`` is the file name every other table names. Written as CSV files or Parquet files (one
per table), or read in Python as pandas DataFrames.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from dyad.errors import DyadError

TABLE_FORMATS = ("csv", "parquet")
COLUMNS: dict[str, tuple[str, ...]] = {
    "events": (
        "id",
        "date",
        "date_basis",
        "type",
        "status",
        "headline",
        "participants",
        "dimension",
        "cameo",
        "plover",
        "goldstein",
        "quad_class",
        "actors",
        "location",
        "confidence",
        "source_count",
        "independent_sources",
        "summary",
        "initiator",  # added last: columns keep their places for readers that count them
    ),  # fmt: skip
    "figures": (
        "id",
        "kind",
        "value",
        "value_max",
        "unit",
        "qualifier",
        "year",
        "from",
        "to",
        "status",
        "text",
        "confidence",
        "source_count",
        "independent_sources",
    ),  # fmt: skip
    "sources": ("item", "item_id", "doc", "start", "end", "date", "value", "text"),
    "actors": ("name", "kind", "role", "country", "documents"),
    "documents": (
        "doc",
        "kind",
        "title",
        "authors",
        "published",
        "date_estimate",
        "date_estimate_basis",
        "publisher",
        "doi",
    ),  # fmt: skip
}


def _plain(value: Any) -> Any:
    return "; ".join(str(v) for v in value) if isinstance(value, list) else value


def _rows(items: list[dict[str, Any]], table: str) -> list[dict[str, Any]]:
    return [{c: _plain(item.get(c)) for c in COLUMNS[table]} for item in items]


def build_tables(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The export (``dyad.export.build_export``) as flat tables: table name → rows."""
    links = [
        {**s, "item": item, "item_id": x["id"]}
        for item, key in (("event", "events"), ("figure", "figures"))
        for x in data[key]
        for s in x["sources"]
    ]
    return {
        "events": _rows(data["events"], "events"),
        "figures": _rows(data["figures"], "figures"),
        "sources": _rows(links, "sources"),
        "actors": _rows(data["actors"], "actors"),
        "documents": _rows(data["documents"], "documents"),
    }


def csv_text(rows: list[dict[str, Any]], table: str) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS[table])
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def csv_zip(tables: dict[str, list[dict[str, Any]]]) -> bytes:
    """All tables as CSV files in one zip archive (the dashboard's download)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table, rows in tables.items():
            archive.writestr(f"{table}.csv", csv_text(rows, table))
    return buffer.getvalue()


def _pyarrow() -> Any:
    try:
        import pyarrow  # an optional extra: only Parquet needs it
    except ImportError:
        raise DyadError("Parquet needs pyarrow: pip install 'dyad[parquet]'") from None
    return pyarrow


def write_tables(tables: dict[str, list[dict[str, Any]]], folder: Path, fmt: str) -> list[Path]:
    """One file per table in ``folder`` (created if need be), CSV or Parquet; the paths written."""
    if fmt not in TABLE_FORMATS:
        raise DyadError(f"unknown table format {fmt!r}; choose one of {', '.join(TABLE_FORMATS)}")
    if folder.exists() and not folder.is_dir():
        raise DyadError(f"{folder} is a file; --format {fmt} writes one file per table into a folder")
    pa = _pyarrow() if fmt == "parquet" else None
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table, rows in tables.items():
        path = folder / f"{table}.{fmt}"
        if pa is None:
            path.write_text(csv_text(rows, table), encoding="utf-8", newline="")
        else:
            import pyarrow.parquet as pq

            columns = {c: [r[c] for r in rows] for c in COLUMNS[table]}
            pq.write_table(pa.table(columns), path)
        written.append(path)
    return written


def frame(rows: list[dict[str, Any]], table: str) -> Any:
    """A table as a pandas DataFrame (pandas is an optional extra: pip install 'dyad[pandas]')."""
    try:
        import pandas
    except ImportError:
        raise ImportError("DataFrames need pandas: pip install 'dyad[pandas]'") from None
    return pandas.DataFrame(rows, columns=list(COLUMNS[table]))
