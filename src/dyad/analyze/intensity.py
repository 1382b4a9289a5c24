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

The weights and their sums per year live in ``dyad.weights``, which the store also uses to keep each
pair's yearly index up to date as it writes (``dyad.query.intensity`` reads that summary).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dyad.models import DIMENSIONS
from dyad.weights import SIDES, buckets, yearly


def yearly_intensity(
    events: list[dict[str, Any]], figures: list[dict[str, Any]]
) -> dict[int, dict[str, float]]:
    """Year → dimension (and ``cooperation`` / ``conflict``) → index."""
    return yearly(buckets(events, figures))


def intensity_rows(
    events: list[dict[str, Any]], figures: list[dict[str, Any]], by: str = "year"
) -> list[dict[str, Any]]:
    """Rows of {period, total, <dimension>...}, by year or decade, oldest first."""
    return rows_from_yearly(yearly_intensity(events, figures), by)


def rows_from_yearly(table: dict[int, dict[str, float]], by: str = "year") -> list[dict[str, Any]]:
    """``intensity_rows`` from a year → dimension → index table (``yearly_intensity``, or a summary)."""
    if by not in ("year", "decade"):
        raise ValueError(f"intensity by {by!r}: use 'year' or 'decade'")
    grouped: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys((*DIMENSIONS, *SIDES), 0.0))
    for year, dims in table.items():
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
