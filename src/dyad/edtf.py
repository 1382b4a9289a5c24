"""EDTF dates (``2008-11-24``, ``2008-11``, ``2008``, ``197X``, ``18XX``, ``2008/2013``, ``2008/``) as
``TimeValue`` values: the types every stage shares, so that reading a date needs no extractor."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dyad.models import Basis, Granularity, TimeValue

__all__ = ["century_value", "decade_value", "last_day", "month_value", "parse_edtf", "year_value"]


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def month_value(y: int, m: int, basis: Basis = "explicit") -> TimeValue:
    return TimeValue(f"{y:04d}-{m:02d}", dt.date(y, m, 1), dt.date(y, m, last_day(y, m)), "month", basis)


def year_value(y: int, basis: Basis = "explicit") -> TimeValue:
    return TimeValue(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year", basis)


def decade_value(y0: int, basis: Basis = "explicit") -> TimeValue:
    y0 -= y0 % 10
    return TimeValue(f"{y0 // 10:03d}X", dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31), "decade", basis)


def century_value(y0: int, basis: Basis = "explicit") -> TimeValue:
    """EDTF ``18XX``: years 1800-1899 (the strict 19th century is 1801-1900; EDTF wins)."""
    y0 -= y0 % 100
    return TimeValue(f"{y0 // 100:02d}XX", dt.date(y0, 1, 1), dt.date(y0 + 99, 12, 31), "century", basis)


_SINGLE = re.compile(r"(\d{2}XX|\d{3}X|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _single(s: str) -> tuple[dt.date, dt.date, Granularity]:
    m = _SINGLE.fullmatch(s)
    if not m:
        raise ValueError(f"not an EDTF date: {s!r}")
    y, mo, d = m.groups()
    if y.endswith("XX"):
        v = century_value(int(y[:2]) * 100)
    elif y.endswith("X"):
        v = decade_value(int(y[:3]) * 10)
    elif d:
        day = dt.date(int(y), int(mo), int(d))
        return day, day, "day"
    elif mo:
        v = month_value(int(y), int(mo))
    else:
        v = year_value(int(y))
    if mo and "X" in y:
        raise ValueError(f"unsupported EDTF date: {s!r}")
    assert v.start and v.end
    return v.start, v.end, v.granularity


def parse_edtf(s: str, basis: Basis = "explicit") -> TimeValue:
    """Parse an EDTF date or interval: ``2008-11-24``, ``2008-11``, ``2008``, ``197X``, ``18XX``,
    ``2008/2013``, ``2015-11/2015-12``, ``2008/`` (open end), ``/2008`` (open start)."""
    s = s.strip()
    if "/" not in s:
        start, end, gran = _single(s)
        return TimeValue(s, start, end, gran, basis)
    a, b = s.split("/", 1)
    if not a and not b:
        raise ValueError(f"not an EDTF interval: {s!r}")
    first = _single(a)[0] if a else None
    last = _single(b)[1] if b else None
    if first and last and first > last:
        raise ValueError(f"EDTF interval ends before it starts: {s!r}")
    return TimeValue(s, first, last, "interval" if a and b else "open", basis)
