"""TimeValue builders: EDTF strings and the first/last day they cover, plus calendar arithmetic."""

from __future__ import annotations

import datetime as dt

from dyad.edtf import century_value, decade_value, last_day, month_value, parse_edtf, year_value
from dyad.models import Basis, Granularity, TimeValue

__all__ = [
    "CENTURY_PARTS",
    "DECADE_PARTS",
    "add_months",
    "century_value",
    "day_value",
    "decade_value",
    "last_day",
    "month_value",
    "open_value",
    "parse_edtf",
    "part_month",
    "part_span",
    "part_year",
    "span_value",
    "week_bounds",
    "year_value",
]


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def minus_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def week_bounds(d: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week containing ``d``."""
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def day_value(d: dt.date, basis: Basis = "explicit") -> TimeValue:
    return TimeValue(d.isoformat(), d, d, "day", basis)


def span_value(
    a: dt.date, b: dt.date, basis: Basis = "explicit", granularity: Granularity | None = None
) -> TimeValue:
    """The interval a..b as ``Y/Y``, ``Y-M/Y-M`` or ``D/D``: the coarsest that is exact (a single year, month
    or day collapses to it; decades and centuries are built with their own functions)."""
    if a == b:
        return day_value(a, basis)
    if a.day == 1 and b.day == last_day(b.year, b.month):
        if a.month == 1 and b.month == 12:
            if a.year == b.year:
                return year_value(a.year, basis)
            edtf = f"{a.year:04d}/{b.year:04d}"
        elif (a.year, a.month) == (b.year, b.month):
            return month_value(a.year, a.month, basis)
        else:
            edtf = f"{a.year:04d}-{a.month:02d}/{b.year:04d}-{b.month:02d}"
    else:
        edtf = f"{a.isoformat()}/{b.isoformat()}"
    return TimeValue(edtf, a, b, granularity or "interval", basis)


def open_value(v: TimeValue, basis: Basis | None = None) -> TimeValue:
    """From the start of ``v``, open-ended: "since 2008" → ``2008/``."""
    return TimeValue(f"{v.edtf.split('/')[0]}/", v.start, None, "open", basis or v.basis)


# Parts of a period: "the first half of 2019", "early November 2014", "the late 1990s". The keys come from
# timex_rules.PARTS; the choices are explained in timex.py.


def part_year(y: int, key: str | None) -> TimeValue:
    if key in ("h1", "h2", "q1", "q2", "q3", "q4"):
        first = {"h1": 1, "h2": 7, "q1": 1, "q2": 4, "q3": 7, "q4": 10}[key]
        size = 6 if key[0] == "h" else 3
        return span_value(dt.date(y, first, 1), dt.date(y, first + size - 1, last_day(y, first + size - 1)))
    return year_value(y)  # "the beginning of 1995", "late 1995" → the year (see timex.py)


def part_month(y: int, m: int, key: str | None, basis: Basis = "explicit") -> TimeValue:
    days = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "h1": (1, 15), "h2": (16, 31)}.get(key or "")
    if not days:
        return month_value(y, m, basis)
    return span_value(dt.date(y, m, days[0]), dt.date(y, m, min(days[1], last_day(y, m))), basis)


# Offsets in years from the first year of the decade or century.
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "middle": (4, 6), "late": (7, 9), "begin": (0, 2),
                "end": (7, 9), "h1": (0, 4), "h2": (5, 9)}  # fmt: skip
CENTURY_PARTS = {"begin": (0, 9), "end": (90, 99), "early": (0, 49), "h1": (0, 49), "mid": (25, 74),
                 "middle": (25, 74), "late": (50, 99), "h2": (50, 99)}  # fmt: skip


def part_span(y0: int, key: str | None, table: dict, whole: TimeValue) -> TimeValue:
    if key not in table:
        return whole
    a, b = table[key]
    return span_value(dt.date(y0 + a, 1, 1), dt.date(y0 + b, 12, 31))
