"""The intensity of a relationship over time, by dimension, from the resolved record.

The index (documented in docs/analysis.md):

- every dated event adds ``(1 + |Goldstein| / 2) × (1 + log2(independent sources))`` — an agreement
  (Goldstein 8.0) weighs 5, a visit (1.9) about 2, a statement (0.0) 1; an event two independent outlets
  report weighs twice as much as one only one reports;
- every dated figure (trade, investment, arms value...) adds 0.5 × the same source factor to the economic
  (arms: military) dimension — figures show that there was exchange worth counting;
- cooperation (quad classes 1–2) and conflict (3–4) are summed apart as well, so a year of sanctions and
  clashes reads as conflict, not as a busy friendship; figures count as cooperation (exchange);
- planned events and figures (forecasts, targets, plans) add nothing: the index is about what happened;
- a weight is spread over the years its date covers in proportion to the days it covers in each year, so
  "the 1970s" adds a tenth to each year of the decade and "2008-11-24" all to 2008; open intervals and
  undated facts add nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Any

from dyad.models import CONFLICT_QUADS, DIMENSIONS

FIGURE_WEIGHT = 0.5
SIDES = ("cooperation", "conflict")


def side_of(event: dict[str, Any]) -> str:
    return "conflict" if int(event["quad_class"]) in CONFLICT_QUADS else "cooperation"


def source_factor(independent_sources: int) -> float:
    return 1.0 + math.log2(max(1, independent_sources))


def event_weight(event: dict[str, Any]) -> float:
    return (1.0 + abs(float(event["goldstein"])) / 2.0) * source_factor(event["independent_sources"])


def spread_over_years(start: dt.date | None, end: dt.date | None, weight: float) -> dict[int, float]:
    """``weight`` shared among the years of [start, end] by the number of days in each."""
    if start is None or end is None or end < start:
        return {}
    total = (end - start).days + 1
    shares = {}
    for year in range(start.year, end.year + 1):
        lo, hi = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
        shares[year] = weight * ((hi - lo).days + 1) / total
    return shares


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def yearly_intensity(
    events: list[dict[str, Any]], figures: list[dict[str, Any]]
) -> dict[int, dict[str, float]]:
    """Year → dimension (and ``cooperation`` / ``conflict``) → index."""
    table: dict[int, dict[str, float]] = defaultdict(lambda: dict.fromkeys((*DIMENSIONS, *SIDES), 0.0))
    for e in events:
        if e.get("status") == "planned":
            continue
        for year, share in spread_over_years(
            _as_date(e["day_start"]), _as_date(e["day_end"]), event_weight(e)
        ).items():
            table[year][e["dimension"]] += share
            table[year][side_of(e)] += share
    for f in figures:
        if f.get("status") == "planned":
            continue
        dimension = "military" if f["kind"] == "arms_value" else "economic"
        weight = FIGURE_WEIGHT * source_factor(f["independent_sources"])
        for year, share in spread_over_years(
            _as_date(f["day_start"]), _as_date(f["day_end"]), weight
        ).items():
            table[year][dimension] += share
            table[year]["cooperation"] += share
    return dict(sorted(table.items()))


def intensity_rows(
    events: list[dict[str, Any]], figures: list[dict[str, Any]], by: str = "year"
) -> list[dict[str, Any]]:
    """Rows of {period, total, <dimension>...}, by year or decade, oldest first."""
    if by not in ("year", "decade"):
        raise ValueError(f"intensity by {by!r}: use 'year' or 'decade'")
    grouped: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys((*DIMENSIONS, *SIDES), 0.0))
    for year, dims in yearly_intensity(events, figures).items():
        key = str(year) if by == "year" else f"{year // 10 * 10}s"
        for dim, value in dims.items():
            grouped[key][dim] += value
    rows = []
    for period, dims in sorted(grouped.items()):
        rows.append(
            {
                "period": period,
                "total": round(sum(dims[d] for d in DIMENSIONS), 2),
                **{d: round(v, 2) for d, v in dims.items()},
            }
        )
    return rows
