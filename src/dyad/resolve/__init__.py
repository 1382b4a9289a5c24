"""Resolve stage: per-document events and figures → one record per real-world fact, all sources listed.

Two mentions are one event when type, participants and status are equal and their dates are compatible (the
intervals overlap, or both are day-precise within a week: "arrived last Friday" and "signed Monday" of
one state visit). Figures merge when kind, unit, direction and year agree and values are within 1%.
The merged date is the best-founded one: explicit before relative before inferred, then the finest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

_BASIS_RANK = {"explicit": 0, "relative": 1, "inferred": 2, None: 3}
_NEAR = dt.timedelta(days=7)


def _span(row: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    start, end = row.get("day_start"), row.get("day_end")
    if start is None and end is None:
        return None
    return (start or dt.date.min, end or dt.date.max)


def dates_compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return sa is None and sb is None
    if sa[0] <= sb[1] and sb[0] <= sa[1]:
        return True
    short = all((s[1] - s[0]) <= _NEAR for s in (sa, sb))
    return short and abs(sa[0] - sb[0]) <= _NEAR


def _date_rank(row: dict[str, Any]) -> tuple[int, dt.timedelta]:  # lower is better
    span = _span(row)
    width = (
        (span[1] - span[0])
        if span and span[0] != dt.date.min and span[1] != dt.date.max
        else dt.timedelta.max
    )
    return (_BASIS_RANK.get(row.get("date_basis") or row.get("basis"), 3), width)


def _source(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {"doc": names[row["doc_id"]], "text": row["sentence"], "start": row["start"], "end": row["end"]}


def merge_events(rows: Iterable[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    """Group per-document event rows into resolved events (dicts with ``mentions`` and ``sources``)."""
    groups: list[list[dict[str, Any]]] = []
    for row in sorted(rows, key=lambda r: (r["type"], r["participants"], r["day_start"] or dt.date.min)):
        key = (row["type"], row["participants"], row["status"])  # a planned visit is not the visit made
        for group in groups:
            head = group[0]
            if (head["type"], head["participants"], head["status"]) == key and all(
                dates_compatible(member, row) for member in group
            ):
                group.append(row)
                break
        else:
            groups.append([row])
    return [_resolved_event(group, names) for group in groups]


def _resolved_event(group: list[dict[str, Any]], names: dict[str, str]) -> dict[str, Any]:
    best = min(group, key=lambda r: (_date_rank(r), -r["confidence"]))
    sources = list({(s["doc"], s["start"]): s for s in (_source(r, names) for r in group)}.values())
    actors = list(dict.fromkeys(a for r in group for a in json.loads(r["actors"])))
    return {
        **best,
        "participants": json.loads(best["participants"]),
        "actors": actors,
        "sources": sources,
        "mention_ids": [r["id"] for r in group],
        "confidence": round(min(0.99, max(r["confidence"] for r in group) + 0.05 * (len(sources) - 1)), 2),
    }


def merge_figures(rows: Iterable[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    groups: list[list[dict[str, Any]]] = []
    for row in rows:
        key = (row["kind"], row["unit"], row["from_code"], row["to_code"], row["year_edtf"])
        for group in groups:
            head = group[0]
            same = (head["kind"], head["unit"], head["from_code"], head["to_code"], head["year_edtf"]) == key
            if same and abs(head["value"] - row["value"]) <= 0.01 * max(abs(head["value"]), 1e-9):
                group.append(row)
                break
        else:
            groups.append([row])
    return [
        {
            **group[0],
            "sources": list({(s["doc"], s["start"]): s for s in (_source(r, names) for r in group)}.values()),
            "mention_ids": [r["id"] for r in group],
        }
        for group in groups
    ]
