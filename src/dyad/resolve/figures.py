"""Per-document figures → resolved figures, and conflicts between sources.

Figures with the same kind, unit, direction and year whose values agree (within 1%, or whose qualified
ranges overlap: "more than 500 million" and "520 million") are one figure with all sources. The same
quantity with values that cannot both hold (their qualified ranges do not meet) is a conflict: both sides
are kept and reported, neither overwrites the other.
"""

from __future__ import annotations

import math
from typing import Any


def value_range(value: float, qualifier: str) -> tuple[float, float]:
    """The values a qualified figure allows: exact ±1%, about ±10%, more/less than an open side."""
    if qualifier == "more_than":
        return (value, math.inf)
    if qualifier == "less_than":
        return (-math.inf, value)
    margin = 0.10 if qualifier == "about" else 0.01
    return (value * (1 - margin), value * (1 + margin))


def exact_number(value: float | None) -> float | int | None:
    """A whole number as an int, so that JSON, CSV and the API write 8200000000, never 8200000000.0."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["kind"], row["unit"], row["from_code"], row["to_code"], row["year_edtf"], row["status"])


def values_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["qualifier"] == b["qualifier"] == "exact" or {a["qualifier"], b["qualifier"]} <= {"exact", "about"}:
        return abs(a["value"] - b["value"]) <= 0.01 * max(abs(a["value"]), abs(b["value"]), 1e-9)
    lo_a, hi_a = value_range(a["value"], a["qualifier"])
    lo_b, hi_b = value_range(b["value"], b["qualifier"])
    return lo_a <= hi_b and lo_b <= hi_a


def _describe(figure: dict[str, Any]) -> str:
    route = f"{figure['from_code']}→{figure['to_code']}"
    return f"{figure['kind']} {route} {figure['year_edtf']} ({figure['unit']})"


def _source(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {
        "doc": names[row["doc_id"]],
        "text": row["sentence"],
        "start": row["start"],
        "end": row["end"],
        "value": exact_number(row["value"]),
        "qualifier": row["qualifier"],
    }


def resolve_figures(
    rows: list[dict[str, Any]], names: dict[str, str], independence: dict[str, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Resolved figures and the value conflicts among them."""
    groups: list[list[dict[str, Any]]] = []
    values: list[set[tuple[float, str]]] = []  # each group's distinct values: alike members agree alike
    for row in sorted(rows, key=lambda r: r["id"]):
        mine = (row["value"], row["qualifier"])
        for group, seen in zip(groups, values, strict=True):
            if _key(group[0]) == _key(row) and all(
                values_agree({"value": v, "qualifier": q}, row) for v, q in seen
            ):
                group.append(row)
                seen.add(mine)
                break
        else:
            groups.append([row])
            values.append({mine})
    resolved = []
    for group in groups:
        sources = list({(s["doc"], s["start"]): s for s in (_source(r, names) for r in group)}.values())
        docs = {s["doc"] for s in sources}
        resolved.append(
            {
                **group[0],
                "value": exact_number(group[0]["value"]),
                "value_max": exact_number(group[0]["value_max"]),
                "sources": sources,
                "source_count": len(docs),
                "independent_sources": len({independence.get(d, d) for d in docs}),
                "mention_ids": [r["id"] for r in group],
            }
        )
    conflicts = []
    for i, a in enumerate(resolved):
        for b in resolved[i + 1 :]:
            if found := value_conflict(a, b):
                conflicts.append(found)
    return resolved, conflicts


def value_conflict(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any] | None:
    """The conflict between two resolved figures (``a`` first in the record) of one kind, unit, direction
    and dated year whose values cannot both hold; None when they can or they are not of one quantity."""
    if _key(a) != _key(b) or values_agree(a, b) or a["year_edtf"] is None:
        return None
    return {
        "kind": "figure_value",
        "type": a["kind"],
        "participants": [a["from_code"], a["to_code"]],
        "about": _describe(a),
        "sides": [
            {
                "value": r["value"],
                "unit": r["unit"],
                "qualifier": r["qualifier"],
                "figure": r["id"],
                "sources": r["sources"],
            }
            for r in (a, b)
        ],
    }
