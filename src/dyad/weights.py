"""What one dated fact adds to the intensity index, year by year (the rule is in ``dyad.analyze.intensity``).

Kept apart from the analyses so that the store can keep the index's parts up to date when it writes the
record (``dyad.store.record``) and the analyses read the same parts from a whole record: both add a
fact's shares into buckets (its scope, kind, year, dimension and side) with ``math.fsum``, which gives the
same float whatever the order the shares come in, so a stored summary and a whole-record sum agree exactly.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from dyad.models import CONFLICT_QUADS, DIMENSIONS

FIGURE_WEIGHT = 0.5
SIDES = ("cooperation", "conflict")

# (scope, kind, year, dimension, side): scope is an event's pair ("CHN,IND") or the countries a figure
# names ("", "PER", "PER,RUS"); kind is "event" or "figure".
Bucket = tuple[str, str, int, str, str]


def side_of(event: dict[str, Any]) -> str:
    return "conflict" if int(event["quad_class"]) in CONFLICT_QUADS else "cooperation"


def source_factor(independent_sources: int) -> float:
    return 1.0 + math.log2(max(1, independent_sources))


def event_weight(event: dict[str, Any]) -> float:
    return (1.0 + abs(float(event["goldstein"])) / 2.0) * source_factor(event["independent_sources"])


def as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def spread_over_years(start: Any, end: Any, weight: float) -> dict[int, float]:
    """``weight`` shared among the years of [start, end] by the number of days in each."""
    start, end = as_date(start), as_date(end)
    if start is None or end is None or end < start:
        return {}
    total = (end - start).days + 1
    shares = {}
    for year in range(start.year, end.year + 1):
        lo, hi = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
        shares[year] = weight * ((hi - lo).days + 1) / total
    return shares


def event_scope(event: dict[str, Any]) -> str:
    return ",".join(sorted(set(event["participants"])))


def figure_scope(figure: dict[str, Any]) -> str:
    return ",".join(sorted({figure["from_code"], figure["to_code"]} - {None}))


def counts(item: dict[str, Any]) -> bool:
    """A fact adds to the index when it is dated and not planned (forecasts and plans add nothing)."""
    return bool(item["day_start"]) and item.get("status") != "planned"


def event_shares(event: dict[str, Any]) -> tuple[str, str, dict[int, float]]:
    """An event's dimension, side and share of its weight per year."""
    return (
        event["dimension"],
        side_of(event),
        spread_over_years(event["day_start"], event["day_end"], event_weight(event)),
    )


def figure_shares(figure: dict[str, Any]) -> tuple[str, str, dict[int, float]]:
    """A figure counts as exchange: economic (arms: military) cooperation."""
    dimension = "military" if figure["kind"] == "arms_value" else "economic"
    weight = FIGURE_WEIGHT * source_factor(figure["independent_sources"])
    return dimension, "cooperation", spread_over_years(figure["day_start"], figure["day_end"], weight)


def buckets(events: Iterable[dict[str, Any]], figures: Iterable[dict[str, Any]]) -> dict[Bucket, float]:
    """The facts' shares summed per bucket (only facts that ``counts``)."""
    parts: dict[Bucket, list[float]] = defaultdict(list)
    for kind, items, shares, scope in (
        ("event", events, event_shares, event_scope),
        ("figure", figures, figure_shares, figure_scope),
    ):
        for item in items:
            if not counts(item):
                continue
            dimension, side, by_year = shares(item)
            for year, share in by_year.items():
                parts[(scope(item), kind, year, dimension, side)].append(share)
    return {key: math.fsum(values) for key, values in parts.items()}


def yearly(sums: dict[Bucket, float], dimension: str | None = None) -> dict[int, dict[str, float]]:
    """Year → dimension (and ``cooperation`` / ``conflict``) → index, from bucket sums; with a
    ``dimension``, only the events of that dimension count (figures belong to no one dimension filter)."""
    parts: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for (_scope, kind, year, dim, side), value in sums.items():
        if dimension and (kind != "event" or dim != dimension):
            continue
        parts[year][dim].append(value)
        parts[year][side].append(value)
    return {
        year: {name: math.fsum(found.get(name, ())) for name in (*DIMENSIONS, *SIDES)}
        for year, found in sorted(parts.items())
    }
