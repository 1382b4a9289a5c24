"""Phases of higher and lower intensity: change points in the yearly index, by a documented rule.

1. The yearly total index from the first to the last year with any activity (years without any are 0),
   smoothed with a centred 5-year moving average and put on a log scale (``log1p``), so that a quiet
   decade with a few facts stands out from a century of silence as well as from a busy decade.
2. Binary segmentation (least squares): split a span where the split most reduces the squared error, as
   long as the reduction exceeds ``PENALTY`` × the series' variance × log(years) and both parts span at
   least ``MIN_YEARS`` years; recurse into both parts.
3. Each phase gets its mean index and a level: ``high`` when its mean is at least the mean over all years,
   ``low`` otherwise, ``no data`` when no year in it has any fact at all (the documents are silent about
   it, which is not the same as a quiet relationship); neighbouring phases of equal level stay apart
   when the segmentation split them.
4. Each phase lists the events that define it: the three that weigh most within its span.
5. Cooperation and conflict are segmented apart (``side``): a run of sanctions and clashes is a phase of
   high conflict, never a phase of high intensity of a friendship. Conflict phases are given only when
   the record holds conflict events.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from dyad.weights import SIDES, event_weight, side_of, spread_over_years

WINDOW = 5
MIN_YEARS = 5
PENALTY = 0.5
TOP_DEFINING = 3  # events listed as defining a phase


def _smooth(values: list[float]) -> list[float]:
    half = WINDOW // 2
    return [sum(values[max(0, i - half) : i + half + 1]) / WINDOW for i in range(len(values))]


def _sse(prefix: list[float], prefix_sq: list[float], lo: int, hi: int) -> float:
    n = hi - lo
    total = prefix[hi] - prefix[lo]
    return (prefix_sq[hi] - prefix_sq[lo]) - total * total / n


def _segment(values: list[float]) -> list[tuple[int, int]]:
    n = len(values)
    prefix, prefix_sq = [0.0], [0.0]
    for v in values:
        prefix.append(prefix[-1] + v)
        prefix_sq.append(prefix_sq[-1] + v * v)
    mean = prefix[-1] / n
    variance = max(sum((v - mean) ** 2 for v in values) / n, 1e-9)
    threshold = PENALTY * variance * math.log(max(n, 2))
    spans, todo = [], [(0, n)]
    while todo:
        lo, hi = todo.pop()
        whole = _sse(prefix, prefix_sq, lo, hi)
        best = max(
            (
                (whole - _sse(prefix, prefix_sq, lo, k) - _sse(prefix, prefix_sq, k, hi), k)
                for k in range(lo + MIN_YEARS, hi - MIN_YEARS + 1)
            ),
            default=(0.0, -1),
        )
        if best[1] > 0 and best[0] > threshold:
            todo += [(lo, best[1]), (best[1], hi)]
        else:
            spans.append((lo, hi))
    return sorted(spans)


# The events that define a phase: (side, first and last year) → the top three (``defining_events``).
Defining = Callable[[str, tuple[int, int]], list[dict[str, Any]]]


def find_periods(yearly: dict[int, dict[str, float]], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cooperation phases, then conflict phases (when there is conflict), each oldest first."""
    counted = [e for e in events if e.get("status") != "planned"]
    by_side = {side: [e for e in counted if side_of(e) == side] for side in SIDES}
    return phases_of(
        yearly, bool(by_side["conflict"]), lambda side, span: defining_events(by_side[side], span)
    )


def phases_of(
    yearly: dict[int, dict[str, float]], has_conflict: bool, defining: Defining
) -> list[dict[str, Any]]:
    """``find_periods`` from the yearly index, whether any conflict event counts, and a way to find a
    phase's defining events (from a list of events, or from the store's summary: ``dyad.query``)."""
    phases = []
    for side in SIDES:
        if side == "conflict" and not has_conflict:
            continue
        phases += _side_periods({y: v.get(side, 0.0) for y, v in yearly.items()}, side, defining)
    return phases


def _side_periods(yearly: dict[int, float], side: str, defining: Defining) -> list[dict[str, Any]]:
    active = [y for y, v in yearly.items() if v > 0]
    if not active:
        return []
    years = list(range(min(active), max(active) + 1))
    totals = [yearly.get(y, 0.0) for y in years]
    overall = sum(totals) / len(totals)
    phases = []
    for lo, hi in _segment([math.log1p(v) for v in _smooth(totals)]):
        mean = sum(totals[lo:hi]) / (hi - lo)
        span = (years[lo], years[hi - 1])
        level = "high" if mean >= overall else "low"
        if not any(totals[lo:hi]):
            level = "no data"  # no document tells of any year in it: silence, not a low
        phases.append(
            {
                "side": side,
                "start": span[0],
                "end": span[1],
                "level": level,
                "mean_index": round(mean, 2),
                "events": defining(side, span),
            }
        )
    return phases


def defining_events(
    events: list[dict[str, Any]], span: tuple[int, int], top: int = TOP_DEFINING
) -> list[dict[str, Any]]:
    scored = []
    for e in events:
        shares = spread_over_years(e["day_start"], e["day_end"], event_weight(e))
        inside = sum(v for y, v in shares.items() if span[0] <= y <= span[1])
        if inside > 0:
            scored.append((inside, e))
    scored.sort(key=lambda x: (-x[0], x[1]["day_start"] or dt.date.min))
    return [
        {
            "id": e["id"],
            "date": e["date_edtf"],
            "type": e["type"],
            "summary": e["summary"],
            "weight": round(w, 2),
        }
        for w, e in scored[:top]
    ]
