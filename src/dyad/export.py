"""The export contract (ARCHITECTURE.md): documents, resolved events, figures, time expressions.

JSON is one object; JSONL is one record per line with a ``record`` field; CSV and Parquet are flat
tables, one file per table (``dyad.tables``). Events without a date are left out unless asked for: a
timeline entry without a date cannot be checked or placed.
"""

from __future__ import annotations

import json
from typing import Any

from dyad import query
from dyad.store import Store

FORMATS = ("json", "jsonl", "csv", "parquet")  # csv and parquet: one file per table (dyad.tables)


def build_export(store: Store, *, include_undated: bool = False) -> dict[str, list[dict[str, Any]]]:
    with store.snapshot():  # one state of the store, even while an ingest commits documents
        return _export(store, include_undated)


def _export(store: Store, include_undated: bool) -> dict[str, list[dict[str, Any]]]:
    record = query.record(store)
    docs = record.documents
    names = {d["id"]: d["name"] for d in docs}
    return {
        "documents": [
            {
                "doc": d["name"],
                "kind": d["kind"],
                "title": d["title"],
                "authors": d["authors"],
                "published": d["published"],
                "date_estimate": d["date_estimate"],
                "date_estimate_basis": d["date_estimate_basis"],
                "publisher": d["publisher"],
                "doi": d["doi"],
            }
            for d in docs
        ],
        "events": [
            query.event_view(e)
            for e in sorted(record.events, key=_event_order)
            if include_undated or e["date_edtf"]
        ],
        "figures": [query.figure_view(f) for f in record.figures],
        "actors": [
            {
                "name": a["name"],
                "kind": "person"
                if a["kind"] == "person"
                else "forum"
                if a["kind"] == "forum"
                else "organisation",
                "role": a["role"],
                "country": a["country"],
                "documents": a["document_names"],
            }
            for a in query.actors(store)
            if a["kind"] in ("person", "organisation", "forum")
        ],
        "time_expressions": [
            {
                "doc": names[t["doc_id"]],
                "text": t["text"],
                "start": t["start"],
                "end": t["end"],
                "value": t["edtf"],
                "basis": t["basis"],
            }
            for t in sorted(store.rows("time_expressions"), key=lambda t: (names[t["doc_id"]], t["start"]))
        ],
        "conflicts": record.conflicts,
    }


def _event_order(e: dict[str, Any]) -> tuple[str, str]:
    return (str(e["day_start"] or "9999"), e["type"])


def _records(data: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    singular = {
        "documents": "document",
        "events": "event",
        "figures": "figure",
        "time_expressions": "time_expression",
        "actors": "actor",
        "conflicts": "conflict",
    }
    return [{"record": singular[key], **item} for key, items in data.items() for item in items]


def render(data: dict[str, list[dict[str, Any]]], fmt: str) -> str:
    """The export as text in ``fmt`` (json or jsonl)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n"
    records = _records(data)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records)
    raise ValueError(f"export format {fmt!r} is not one text; json and jsonl are, csv and parquet are tables")
