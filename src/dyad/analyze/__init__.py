"""Analyze stage: timeline, intensity, periods and series from the resolved record."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from dyad.analyze.intensity import intensity_rows, yearly_intensity
from dyad.analyze.periods import find_periods
from dyad.errors import DyadError
from dyad.models import DIMENSIONS, FIGURE_KINDS
from dyad.resolve import Record

__all__ = [
    "INDEX_UNIT",
    "check_dimension",
    "filter_record",
    "infer_pair",
    "by_decade",
    "main_of",
    "timeline_entry",
    "intensity",
    "periods",
    "series",
    "timeline",
]

# What one point of the intensity index is (docs/analysis.md).
INDEX_UNIT = (
    "points: an event reported once weighs 1 + |Goldstein|/2 (a statement 1, a visit about 2, "
    "an agreement 5), a figure 0.5; independent sources add weight"
)


def main_of(
    event_pairs: dict[tuple[str, ...], int], figure_pairs: dict[tuple[str, str], int]
) -> tuple[str, ...]:
    """The pair with most events (then most figures), given the counts per pair; () when there is none.
    The report, the dashboard and ``dyad intensity`` / ``dyad periods`` all default to it."""
    pairs: dict[tuple[str, ...], int] = {k: v for k, v in event_pairs.items() if len(k) == 2}
    if not pairs:
        pairs = {k: v for k, v in figure_pairs.items()}
    return min(pairs, key=lambda k: (-pairs[k], k)) if pairs else ()


def infer_pair(record: Record) -> tuple[str, ...]:
    """The pair most events are about (then most figures) in a record (``main_of``)."""
    events = Counter(tuple(sorted(set(e["participants"]))) for e in record.events)
    figures = Counter(
        (min(f["from_code"], f["to_code"]), max(f["from_code"], f["to_code"]))
        for f in record.figures
        if f["from_code"] and f["to_code"] and f["from_code"] != f["to_code"]
    )
    return main_of(dict(events), dict(figures))


def check_dimension(dimension: str | None) -> str | None:
    if dimension and dimension not in DIMENSIONS:
        raise DyadError(f"unknown dimension {dimension!r}; choose one of {', '.join(DIMENSIONS)}")
    return dimension or None


def filter_record(
    record: Record, *, dyad: tuple[str, ...] = (), dimension: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The record's dated events and figures, restricted to a pair and a dimension."""
    check_dimension(dimension)
    events = [
        e
        for e in record.events
        if e["day_start"]
        and (not dyad or set(e["participants"]) == set(dyad))
        and (not dimension or e["dimension"] == dimension)
    ]
    figures = [
        f
        for f in record.figures
        if f["day_start"]
        and (not dyad or {f["from_code"], f["to_code"]} <= set(dyad) | {None})
        and not dimension
    ]
    return events, figures


def timeline(
    record: Record,
    *,
    dyad: tuple[str, ...] = (),
    dimension: str | None = None,
    date_from: Any = None,
    date_to: Any = None,
) -> list[dict[str, Any]]:
    """Dated events in order, grouped by decade: [{decade, events: [{date, basis, type, summary, ...}]}]."""
    events, _ = filter_record(record, dyad=dyad, dimension=dimension)
    entries: list[dict[str, Any]] = []
    for e in sorted(events, key=lambda e: (e["day_start"], e["day_end"], e["type"])):
        if (date_from and e["day_end"] < date_from) or (date_to and e["day_start"] > date_to):
            continue
        entries.append(timeline_entry(e))
    return by_decade(entries)


def by_decade(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline entries in order, grouped by their decade: [{decade, events: [...]}]."""
    decades: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries:
        decades[entry["decade"]].append({k: v for k, v in entry.items() if k != "decade"})
    return [{"decade": d, "events": items} for d, items in decades.items()]


def timeline_entry(e: dict[str, Any]) -> dict[str, Any]:
    """A dated resolved event as the timeline shows it, with its decade ("2010s")."""
    return {
        "decade": f"{e['day_start'].year // 10 * 10}s",
        "id": e["id"],
        "date": e["date_edtf"],
        "basis": e["date_basis"],
        "type": e["type"],
        "participants": e["participants"],
        "initiator": e["initiator"],
        "dimension": e["dimension"],
        "status": e["status"],
        "summary": e["summary"],
        "headline": e["headline"],
        "sources": e["source_count"],
        "independent_sources": e["independent_sources"],
        "citations": e["sources"],
    }


def intensity(
    record: Record, *, by: str = "year", dyad: tuple[str, ...] = (), dimension: str | None = None
) -> list[dict[str, Any]]:
    events, figures = filter_record(record, dyad=dyad, dimension=dimension)
    try:
        return intensity_rows(events, figures, by)
    except ValueError as exc:
        raise DyadError(str(exc)) from exc


def periods(record: Record, *, dyad: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    events, figures = filter_record(record, dyad=dyad)
    return find_periods(yearly_intensity(events, figures), events)


def series(record: Record, *, kind: str, dyad: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """A figure kind over time: one row per figure, oldest first, conflicting values side by side."""
    if kind not in FIGURE_KINDS:
        raise DyadError(f"unknown figure kind {kind!r}; choose one of {', '.join(FIGURE_KINDS)}")
    rows = [
        series_row(f)
        for f in record.figures
        if f["kind"] == kind and (not dyad or {f["from_code"], f["to_code"]} <= set(dyad) | {None})
    ]
    return sorted(rows, key=lambda r: (str(r["year"] or "9999"), str(r["from"]), str(r["to"]), r["value"]))


def series_row(f: dict[str, Any]) -> dict[str, Any]:
    """A resolved figure as a row of a series."""
    return {
        "year": f["year_edtf"],
        "value": f["value"],
        "unit": f["unit"],
        "qualifier": f["qualifier"],
        "from": f["from_code"],
        "to": f["to_code"],
        "sources": f["source_count"],
        "citations": f["sources"],
    }
