"""Per-document event mentions → resolved events, and the conflicts between them.

Two mentions are one event when type, participants and status are equal, they do not name different
instruments ("the 2004 Technical-Military Agreement" is not "the 2006 Partnership Agreement"), and their
dates are compatible: the intervals overlap, both are day-precise within a week ("arrived last Friday",
"signed Monday" of one state visit), or one is undated and both name the same instrument. Mentions that
name the same instrument with incompatible dates stay apart and are reported as a date conflict.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

_BASIS_RANK = {"explicit": 0, "relative": 1, "inferred": 2}
_NEAR = dt.timedelta(days=7)
INSTRUMENT = re.compile(
    r"\b((?:[A-Z][\w-]*\s+(?:(?:of|on|for|and)\s+)?){0,6}"
    r"(?:Agreement|Declaration|Treaty|Accord|Memorandum|Convention|Protocol|Pact|Charter|Partnership))"
    r"((?:\s+(?:of|on|for)\s+(?:[A-Z][\w-]*\s*){1,5})?)"
)
_STOP = frozenset(["a", "an", "the", "of", "on", "for", "and", "in", "to"])


def instrument_key(sentence: str) -> frozenset[str]:
    """Content words of the named instrument in a sentence ("Joint Declaration on Strategic Partnership")."""
    best: frozenset[str] = frozenset()
    for m in INSTRUMENT.finditer(sentence):
        words = frozenset(w.lower() for w in re.findall(r"[\w-]+", m.group(0)) if w.lower() not in _STOP)
        if len(words) >= 2 and len(words) > len(best):
            best = words
    return best


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


def _names_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or len(a & b) >= 0.6 * min(len(a), len(b))


def _same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if not _names_agree(a["_name"], b["_name"]):
        return False
    if dates_compatible(a, b):
        return True
    one_undated = (_span(a) is None) != (_span(b) is None)
    return one_undated and bool(a["_name"]) and a["_name"] == b["_name"]


def _date_rank(row: dict[str, Any]) -> tuple[int, dt.timedelta]:
    """Lower is better: explicit before relative before inferred, then the narrowest interval."""
    span = _span(row)
    if span is None:
        return (9, dt.timedelta.max)
    bounded = span[0] != dt.date.min and span[1] != dt.date.max
    return (
        _BASIS_RANK.get(row.get("date_basis") or "", 3),
        (span[1] - span[0]) if bounded else dt.timedelta.max,
    )


def _source(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {
        "doc": names[row["doc_id"]],
        "text": row["sentence"],
        "start": row["start"],
        "end": row["end"],
        "date": row["date_edtf"],
        "date_basis": row["date_basis"],
    }


def group_events(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: list[list[dict[str, Any]]] = []
    for row in sorted(rows, key=lambda r: (r["type"], r["participants"], _date_rank(r), r["id"])):
        row["_name"] = instrument_key(row["sentence"])
        key = (row["type"], row["participants"], row["status"])  # a planned visit is not the visit made
        for group in groups:
            head = group[0]
            if (head["type"], head["participants"], head["status"]) == key and all(
                _same_event(member, row) for member in group
            ):
                group.append(row)
                break
        else:
            groups.append([row])
    return groups


def resolve_event(
    group: list[dict[str, Any]], names: dict[str, str], independence: dict[str, int]
) -> dict[str, Any]:
    best = min(group, key=lambda r: (_date_rank(r), -r["confidence"]))
    sources = list({(s["doc"], s["start"]): s for s in (_source(r, names) for r in group)}.values())
    docs = {s["doc"] for s in sources}
    actors = list(dict.fromkeys(a for r in group for a in json.loads(r["actors"])))
    resolved = {k: v for k, v in best.items() if not k.startswith("_")}
    return {
        **resolved,
        "participants": json.loads(best["participants"]),
        "actors": actors,
        "sources": sources,
        "source_count": len(docs),
        "independent_sources": len({independence.get(d, d) for d in docs}),
        "mention_ids": [r["id"] for r in group],
        "confidence": round(min(0.99, max(r["confidence"] for r in group) + 0.05 * (len(docs) - 1)), 2),
        "name": " ".join(sorted(best["_name"])) or None,
    }


def event_conflicts(
    groups: list[list[dict[str, Any]]], resolved: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Resolved events that name the same instrument with dates that cannot both be right."""
    conflicts = []
    for i, a in enumerate(groups):
        for j in range(i + 1, len(groups)):
            b = groups[j]
            ha, hb = a[0], b[0]
            if (ha["type"], ha["participants"]) != (hb["type"], hb["participants"]):
                continue
            if not ha["_name"] or not hb["_name"] or not _names_agree(ha["_name"], hb["_name"]):
                continue
            if _span(ha) is None or _span(hb) is None or dates_compatible(ha, hb):
                continue
            conflicts.append(
                {
                    "kind": "event_date",
                    "type": ha["type"],
                    "participants": resolved[i]["participants"],
                    "about": resolved[i]["summary"],
                    "sides": [
                        {"date": r["date_edtf"], "event": r["id"], "sources": r["sources"]}
                        for r in (resolved[i], resolved[j])
                    ],
                }
            )
    return conflicts
