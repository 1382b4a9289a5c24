"""Rule-based time expressions: find dates in clean text and normalise them to EDTF values.

Pure regular expressions (patterns in ``timex_rules``), no model and no network. Three kinds of value:

* explicit ("in 1917", "the 1970s", "between 2008 and 2013", "the 19th century"),
* relative to the document date, only when an ``anchor`` is given ("yesterday", "signed Monday",
  "last year", "on November 30", "three years ago"),
* anaphoric, resolved against the last explicit date in the same paragraph, at most two sentences
  back ("in this year", "the previous year", "two years later").

Choices made where English is vague (the scorer accepts an interval inside the gold one that covers
at least half of it):

* "the beginning/end of 1995", "early/late 1995" → the year; "early/mid/late November 2014" → days
  1-10 / 11-20 / 21-end; "the summer of 2010" → June-August (northern hemisphere).
* decades: early 0-3, mid 4-6, late 7-9, beginning 0-2, end 7-9, first/second half 0-4 / 5-9.
* centuries: ``18XX`` is 1800-1899; beginning 00-09, end 90-99, early/first half 00-49, mid 25-74,
  late/second half 50-99.
* "since 2008" → ``2008/`` (open); "until 2010", "by 2018" → the year itself.
* "N years ago" → the year anchor-N; "almost/nearly N years ago" → [anchor-N, anchor-N+2];
  "more than/over N" → [anchor-N-2, anchor-N]; "about/some N" → [anchor-N-1, anchor-N+1].
* "over the last N years" → anchor.year-N / anchor.year. "recently", "in recent years" are skipped.
* a bare weekday is the latest such day on or before the anchor (news is past tense) unless a
  future marker ("will", "is to") precedes it; "last Friday" is strictly before the anchor.
* a year-less date ("on November 30") takes the year of an explicit year just before it in the same
  sentence ("In 2014, on November 4"), else the anchor's year, or the previous year when that would put
  it more than two months after the anchor (the next year when a future marker precedes it).
* an anaphor refers to a single year (or a two-year span such as "2019-20"); after a longer span or a
  decade it is skipped rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from re import Match
from typing import Any

from dyad.extract import timex_rules as R
from dyad.extract.timex_values import (
    CENTURY_PARTS,
    DECADE_PARTS,
    add_months,
    century_value,
    day_value,
    decade_value,
    last_day,
    minus_years,
    month_value,
    open_value,
    parse_edtf,
    part_month,
    part_span,
    part_year,
    span_value,
    week_bounds,
    year_value,
)
from dyad.models import TimeExpression, TimeValue

__all__ = ["find_time_expressions", "parse_edtf", "year_value"]

_D = dt.date
_DAYS = dt.timedelta
_MONTH_PREPS = {"in", "during", "since", "until", "till", "by", "of", "from", "throughout", "to"}


_LOOKBACK = 48  # characters searched for modifiers before a core match ("the first half of the ")


class _Hit:
    """A core match plus the modifiers matched just before it; groups are read from either."""

    __slots__ = ("core", "pre", "start", "end")

    def __init__(self, core: Match[str], pre: Match[str] | None) -> None:
        self.core, self.pre = core, pre
        self.start = pre.start() if pre is not None else core.start()
        self.end = core.end()

    def __getitem__(self, name: str) -> Any:  # str, or None for a group that did not take part
        if name in self.core.re.groupindex:
            return self.core[name]
        if self.pre is not None and name in self.pre.re.groupindex:
            return self.pre[name]
        return None


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    value: TimeValue | None
    kind: str = "explicit"  # explicit | relative | partial | anaphor | decade_word
    info: tuple = ()
    prefixable: bool = True  # may absorb a preposition before it ("in", "since", ...)
    rangeable: bool = False  # may be one end of "X to Y", "between X and Y", "X–Y"


# ---------------------------------------------------------------- parts of a period


def _part_key(m: _Hit) -> str | None:
    if not m["part"]:
        return None
    word = m["pof"] or m["adj"]
    return R.PARTS.get(" ".join(word.lower().split()))


# ---------------------------------------------------------------- explicit rules


def _h_date(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    try:
        day = _D(int(m["y"]), R.MONTH_NUM[m["m"][:3].lower()], int(m["d"]))
    except ValueError:
        return None
    return _Cand(m.start, m.end, day_value(day), rangeable=True)


def _h_day_range(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    y, mo, d1, d2 = int(m["y"]), R.MONTH_NUM[m["m"][:3].lower()], int(m["d"]), int(m["d2"])
    if not d1 < d2 <= last_day(y, mo):
        return None
    return _Cand(m.start, m.end, span_value(_D(y, mo, d1), _D(y, mo, d2)))


def _h_partial_day(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    mo, d = R.MONTH_NUM[m["m"][:3].lower()], int(m["d"])
    if not 1 <= d <= last_day(2000, mo):  # 2000 is a leap year: 29 February is checked later
        return None
    return _Cand(m.start, m.end, None, "partial", (mo, d, None), rangeable=True)


def _h_iso(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    try:
        day = _D(int(m["y"]), int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    return _Cand(m.start, m.end, day_value(day), rangeable=True)


def _falls_on(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return _D(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _h_numeric(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if m["s"] == "." or a > 12:  # dotted dates are day-first
        d, mo = a, b
    elif b > 12 or a == b:
        d, mo = b, a
    elif m["wd"] is not None:  # "Thursday, 01/05/2023": the reading that falls on that weekday
        wd = R.WEEKDAY_NUM[m["wd"][:3].lower()]
        fits = [(x, y_) for x, y_ in ((a, b), (b, a)) if _falls_on(y, y_, x, wd)]
        if len(fits) != 1:
            return None
        d, mo = fits[0]
    else:
        return None  # 11/09/2024: ambiguous
    try:
        return _Cand(m.start, m.end, day_value(_D(y, mo, d)), rangeable=True)
    except ValueError:
        return None


def _h_month_year(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    value = part_month(int(m["y"]), R.MONTH_NUM[m["m"][:3].lower()], _part_key(m))
    return _Cand(m.start, m.end, value, rangeable=True)


def _h_month(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    q = m["q"].lower() if m["q"] else None
    if q is not None and q.startswith("the"):
        q = "following"
    return _Cand(m.start, m.end, None, "partial", (R.MONTH_NUM[m["m"][:3].lower()], None, q),
                 prefixable=q is None, rangeable=q is None)  # fmt: skip


def _h_season(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    y = int(m["y"])
    a, b = R.SEASONS[m["s"].lower()]
    by, bm = add_months(y, 1, b - 1)  # winter runs December to February of the next year
    value = span_value(_D(y, a, 1), _D(by, bm, last_day(by, bm)), granularity="season")
    return _Cand(m.start, m.end, value, rangeable=True)


def _h_quarter(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    q = m["q"].lower()
    if q in ("h3", "h4"):
        return None
    return _Cand(m.start, m.end, part_year(int(m["y"]), q), rangeable=True)


def _h_year(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    y, s, e = int(m["y"]), m.core.start("y"), m.core.end("y")
    plain = not m["part"] and not m["the"]
    if not R.year_ok(text, s, e, left_char=plain):
        return None
    if plain and y < 1500 and not R.EARLY_YEAR_OK.search(text, max(0, s - 12), s):
        return None  # 1000-1499 are more often counts than years
    return _Cand(m.start, e, part_year(y, _part_key(m)), rangeable=True)


def _h_year_range(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    a, b = int(m["a"]), int(m["b"])
    if len(m["b"]) == 2:
        b += a - a % 100
        if b <= a and a % 100 >= 90:
            b += 100  # 1999-00
    if not (a < b <= 2099 and b - a <= 100 and b >= 1000) or not R.year_ok(text, m.start, m.end):
        return None
    return _Cand(m.start, m.end, span_value(_D(a, 1, 1), _D(b, 12, 31)))


def _h_decade(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    tok = m["tok"].lstrip("'’")
    if not tok.endswith("0") or len(tok) not in (2, 4):
        return None
    key = _part_key(m)
    has_the = bool(m["the"]) or (m["part"] or "")[:3].lower() == "the"
    if len(tok) == 4:
        y0 = int(tok)
        if not 1000 <= y0 <= 2090:
            return None
        decade_range = text[m.start - 2 : m.start] == "s-"  # "1990s-2000s"
        if not m["part"] and not m["the"] and not decade_range and not R.left_ok(text, m.start):
            return None
        if y0 % 100 == 0 and y0 < 2000:  # "the 1800s" is a century
            return _Cand(m.start, m.end, part_span(y0, key, CENTURY_PARTS, century_value(y0)), rangeable=True)
    elif has_the or m["tok"][0] in "'’":  # "the 70s", "'70s"; not "over 70s"
        y0 = 1900 + int(tok) if tok != "00" else 2000
    else:
        return None
    return _Cand(m.start, m.end, part_span(y0, key, DECADE_PARTS, decade_value(y0)), rangeable=True)


def _h_decade_word(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    if not (m["the"] or (m["part"] or "")[:3].lower() == "the"):
        return None  # "in their sixties" is an age
    yy = R.DECADE_WORDS[m["w"].lower()]
    if yy:  # the century comes from the context (see find_time_expressions)
        return _Cand(m.start, m.end, None, "decade_word", (yy, _part_key(m)))
    return _Cand(m.start, m.end, part_span(2000, _part_key(m), DECADE_PARTS, decade_value(2000)))


def _century_num(tok: str | None) -> int:
    if not tok:
        return 0
    if tok[0].isdigit():
        return int(tok[:-2])
    if tok in R.ROMAN:
        return R.ROMAN[tok]
    return R.ORDINAL_WORDS.get(
        " ".join(tok.lower().replace("-", " ").split()).replace("twenty ", "twenty-"), 0
    )


def _h_century(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    if m.pre is None:
        return None
    c = _century_num(m["c1"])
    if not 2 <= c <= 22 or R.UNIT_AFTER.match(text, m.end):  # "the 2nd century BC"
        return None
    whole = century_value((c - 1) * 100)
    if m["c2"]:
        c2 = _century_num(m["c2"])
        if not c < c2 <= 22:
            return None
        return _Cand(m.start, m.end, span_value(_D((c - 1) * 100, 1, 1), _D(c2 * 100 - 1, 12, 31)))
    return _Cand(m.start, m.end, part_span((c - 1) * 100, _part_key(m), CENTURY_PARTS, whole))


_NAMED = {"cold war": (1947, 1991), "second world war": (1939, 1945), "world war ii": (1939, 1945),
          "world war two": (1939, 1945), "world war 2": (1939, 1945), "first world war": (1914, 1918),
          "great war": (1914, 1918), "world war i": (1914, 1918), "world war one": (1914, 1918),
          "world war 1": (1914, 1918)}  # fmt: skip


def _h_named(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    name = " ".join(m["e"].lower().split())
    if not m["p"] and not (m["the"] and m["suf"] and name == "cold war"):
        return None  # "survived the Cold War" names the conflict, not a period of time
    a, b = _NAMED[name]
    return _Cand(m.start, m.end, span_value(_D(a, 1, 1), _D(b, 12, 31)), prefixable=False)


def _h_anaphor(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    unit, tail = m["u"], " ".join((m["tail"] or "").split())
    in_this = bool(m["same"]) and m["same"][:2].lower() == "in"
    if m.pre is None:
        return None
    if m["pl"] and not m["n"]:
        # "in the following days", "over the preceding weeks": the days just after (before) a day
        if m["rel"] and unit in ("day", "week") and not tail:
            after = m["rel"] not in ("previous", "preceding", "prior")
            return _Cand(
                m.start,
                m.end,
                None,
                "anaphor",
                ("days" if unit == "day" else "weeks", 1 if after else -1, False),
            )
        return None
    if m["n"]:
        n = R.number(m["n"])
        if n is None or tail in ("", "before", "after"):
            return None
        offset = -n if tail.startswith(("earlier", "before")) else n
    elif tail:
        if not (m["the"] and tail in ("before", "after")) or unit == "month":
            return None
        offset = -1 if tail == "before" else 1
    elif m["same"]:
        if in_this and unit != "year":
            return None  # "in this day and age"
        offset = 0
    elif m["rel"]:
        offset = -1 if m["rel"] in ("previous", "preceding", "prior") else 1
    else:
        return None
    return _Cand(m.start, m.end, None, "anaphor", (unit, offset, in_this), prefixable=not in_this)


def _h_day_part(m: _Hit, text: str, anchor: _D | None) -> _Cand | None:
    """ "earlier in the day", "that evening": the day the text just named, resolved as "that day" is."""
    return _Cand(m.start, m.end, None, "anaphor", ("day", 0, False), prefixable=False)


# ---------------------------------------------------------------- anchor rules


def _rel(s: int, e: int, value: TimeValue, prefixable: bool = True) -> _Cand:
    return _Cand(s, e, value, "relative", prefixable=prefixable)


def _h_dayword(m: _Hit, text: str, anchor: _D) -> _Cand | None:
    w = m["w"].lower()
    if m["dby"]:
        return None if w != "yesterday" else _rel(m.start, m.end, day_value(anchor - _DAYS(2), "relative"))
    if w in ("night", "morning", "afternoon", "evening"):
        if not m["q"] or (w == "night") != (m["q"].lower() == "last"):
            return None  # "last night", "this morning"
        w = "yesterday" if w == "night" else "today"
    elif m.pre is not None:
        return None
    if m["w"] == "Today" and R.NOT_TODAY.search(text, max(0, m.start - 20), m.start):
        return None  # "Russia Today", "USA Today"
    shift = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
    return _rel(m.start, m.end, day_value(anchor + _DAYS(shift), "relative"))


def _h_weekday(m: _Hit, text: str, anchor: _D) -> _Cand | None:
    if R.NOT_WEEKDAY.search(text, max(0, m.start - 10), m.start):
        return None  # Good Friday, Black Monday
    q = m["q"].lower() if m["q"] else None
    wd = R.WEEKDAY_NUM[m["wd"][:3].lower()]
    back = (anchor.weekday() - wd) % 7
    ahead = (wd - anchor.weekday()) % 7
    if q == "last":
        day = anchor - _DAYS(back or 7)
    elif q == "next":
        day = anchor + _DAYS(ahead or 7)
    elif R.is_future(text, m.start):
        day = anchor + _DAYS(ahead)
    else:
        day = anchor - _DAYS(back)
    return _rel(m.start, m.end, day_value(day, "relative"), prefixable=q is None)


def _h_ordinal_day(m: _Hit, text: str, anchor: _D) -> _Cand | None:
    """The day of the story's month ("invited to visit on the 8th"), else of the month before when that day
    is still to come and the text tells of the past; with a weekday, the month in which it falls so."""
    if m.pre is None:
        return None
    day = int(m["od"])
    months = [(anchor.year, anchor.month), add_months(anchor.year, anchor.month, -1)]
    if R.is_future(text, m.start):
        months = [(anchor.year, anchor.month), add_months(anchor.year, anchor.month, 1)]
    fits = [
        d
        for y, mo in months
        if day <= last_day(y, mo)
        and (d := _D(y, mo, day))
        and (m["wd"] is None or d.weekday() == R.WEEKDAY_NUM[m["wd"][:3].lower()])
    ]
    if m["wd"] is None:
        past = [d for d in fits if d <= anchor]
        fits = fits[:1] if R.is_future(text, m.start) else past[:1]
    if not fits:
        return None
    return _rel(m.start, m.end, day_value(fits[0], "relative"), prefixable=m["wd"] is None)


def _h_rel_unit(m: _Hit, text: str, anchor: _D) -> _Cand | None:
    if m.pre is None:
        return None
    q = m["q"].lower().split()[-1]
    k = {"last": -1, "next": 1, "coming": 1}.get(q, 0)
    u, y = m["u"], anchor.year
    if u == "year":
        v = year_value(y + k, "relative")
    elif u == "month":
        v = month_value(*add_months(y, anchor.month, k), "relative")
    elif u == "week":
        v = span_value(*week_bounds(anchor + _DAYS(7 * k)), "relative")
    elif u == "weekend":
        sat = anchor + _DAYS((5 - anchor.weekday()) % 7 + 7 * k)
        if k < 0 and anchor.weekday() == 6:
            sat += _DAYS(7)  # on a Sunday, "last weekend" is the one just ending
        v = span_value(sat, sat + _DAYS(1), "relative")
    elif u == "decade" and k < 0:  # "last decade": the ten years up to now, like "the last decade"
        v = span_value(_D(y - 10, 1, 1), _D(y, 12, 31), "relative")
    elif u == "decade":
        v = decade_value(y + 10 * k, "relative")
    else:
        v = century_value(y - y % 100 + 100 * k, "relative")
    return _rel(m.start, m.end, v)


# "almost 40 years ago": a little later than 40 years back; "over 40 years ago": a little earlier.
_AGO_QUALIFIERS = {"almost": (0, 2), "nearly": (0, 2), "under": (0, 2), "less than": (0, 2),
                   "just under": (0, 2), "close to": (0, 2), "more than": (-2, 0), "over": (-2, 0),
                   "just over": (-2, 0)}  # fmt: skip


def _h_ago(m: _Hit, text: str, anchor: _D) -> _Cand | None:
    if m.pre is None:
        return None
    n = R.number(m["n"])
    if n is None:
        return None
    u, q = m["u"], " ".join((m["q"] or "").lower().split())
    if u in ("year", "decade", "century", "centurie"):
        y = anchor.year - n * {"year": 1, "decade": 10}.get(u, 100)
        lo, hi = _AGO_QUALIFIERS.get(q, (-1, 1) if q else (0, 0))
        v = span_value(_D(y + lo, 1, 1), _D(y + hi, 12, 31), "relative")
    elif u == "month":
        v = month_value(*add_months(anchor.year, anchor.month, -n), "relative")
    elif u == "week":
        v = span_value(*week_bounds(anchor - _DAYS(7 * n)), "relative")
    else:
        v = day_value(anchor - _DAYS(n), "relative")
    return _rel(m.start, m.end, v)


def _h_past(m: _Hit, text: str, anchor: _D) -> _Cand | None:
    if m.pre is None:
        return None
    u = m["u"]
    n = R.number(m["n"]) if m["n"] else (1 if u == "decade" else None)
    if n is None:
        return None  # "the past decades", "in recent years": vague
    if u.startswith("decade"):
        v = span_value(_D(anchor.year - 10 * n, 1, 1), _D(anchor.year, 12, 31), "relative")
    elif u == "years":
        v = span_value(_D(anchor.year - n, 1, 1), _D(anchor.year, 12, 31), "relative")
    elif u == "months":
        y, mo = add_months(anchor.year, anchor.month, -n)
        v = span_value(
            _D(y, mo, 1), _D(anchor.year, anchor.month, last_day(anchor.year, anchor.month)), "relative"
        )
    else:
        v = span_value(anchor - _DAYS(n * (7 if u == "weeks" else 1)), anchor, "relative")
    return _rel(m.start, m.end, v, prefixable=False)


# Anchor rules run only with an anchor, so their handlers take a date; the others take date | None.
_HANDLERS: dict[str, Callable[[_Hit, str, Any], _Cand | None]] = {
    "mdy": _h_date, "dmy": _h_date, "md": _h_partial_day, "dm": _h_partial_day, "mdd": _h_day_range,
    "ddm": _h_day_range, "iso": _h_iso, "numeric": _h_numeric, "month_year": _h_month_year, "month": _h_month,
    "season": _h_season, "quarter": _h_quarter, "year": _h_year, "year_range": _h_year_range,
    "decade": _h_decade, "decade_word": _h_decade_word, "century": _h_century, "named": _h_named,
    "anaphor": _h_anaphor, "day_part": _h_day_part,
    "dayword": _h_dayword, "weekday": _h_weekday, "ordinal_day": _h_ordinal_day, "rel_unit": _h_rel_unit,
    "ago": _h_ago, "past": _h_past,
}  # fmt: skip


# ---------------------------------------------------------------- assembly


def _ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    """ "between 2008 and 2013", "from March to May 2015", "1990s–2000s", "November 30 – December 2, 2015"."""
    by_start: dict[int, list[_Cand]] = {}
    for c in cands:
        if c.rangeable and c.value is not None:
            by_start.setdefault(c.start, []).append(c)
    out = []
    for a in cands:
        if not a.rangeable or not (g := R.RANGE_GAP.match(text, a.end)) or g.end() not in by_start:
            continue
        b = max(by_start[g.end()], key=lambda c: c.end)
        bv = b.value
        pre = R.RANGE_PRE.search(text, max(0, a.start - 12), a.start)
        if g["w"] == "and" and not (pre and pre["p"].lower() == "between"):
            continue  # "in 2013 and 2014" is two years
        av = a.value
        if av is None:  # year-less first end takes the second end's year
            mo, d, q = a.info
            if q is not None or bv is None or bv.start is None:
                continue
            y = bv.start.year - ((mo, d or 1) > (bv.start.month, bv.start.day))
            av = day_value(_D(y, mo, d)) if d else month_value(y, mo)
        assert bv is not None and av.start and av.end and bv.start and bv.end
        if av.start > bv.start or av.end > bv.end:
            continue
        out.append(
            _Cand(pre.start() if pre else a.start, b.end, span_value(av.start, bv.end), prefixable=not pre)
        )
    return out


def _select(cands: list[_Cand], size: int) -> list[_Cand]:
    """Non-overlapping candidates, longest first, returned in text order."""
    taken = bytearray(size)
    chosen = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if taken.find(1, c.start, c.end) < 0:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_SAME_YEAR_REACH = 4000  # characters back that "the same year" may reach for its year

# A chronology's date: it opens its line and a colon or dash follows ("- March 22: China ripostes -",
# "12 May 2014 – the presidents sign ...") or it is the whole line (a year heading). A year-less one is of
# the year of the chronology's last date.
_LINE_OPENING = re.compile(r"[\s#*•·>\-–—]*")
_CHRONOLOGY_TAIL = re.compile(r"[ \t]*(?:[:–—-]|\n|$)")


def opens_chronology_line(text: str, start: int, end: int) -> bool:
    """Is the date at ``start:end`` a chronology's: opening its line, a colon or dash after it?"""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_LINE_OPENING.fullmatch(text, line_start, start) and _CHRONOLOGY_TAIL.match(text, end))


class _Context:
    """The latest dates read so far, for anaphora ("the previous year") and year-less dates."""

    def __init__(self) -> None:
        self.year: tuple[int, int, int] | None = None  # (end offset, first year, last year)
        self.month: tuple[int, int, int] | None = None  # (end offset, year, month)
        self.day: tuple[int, dt.date] | None = None
        self.century = 1900  # for "the sixties"
        self.chronology: _D | None = None  # the latest chronology date (its start)
        self.chronology_dates = 0
        self.last = -1  # end offset of the latest date read

    def update(self, end: int, v: TimeValue) -> None:
        if v.start is None:
            return
        self.last = end
        y1 = v.start.year if v.end is None else v.end.year
        # A year or a fiscal year ("2019-20") can be referred back to; after a longer span "the same year"
        # has no referent.
        self.year = (end, v.start.year, y1) if y1 - v.start.year <= 1 else None
        if v.end is not None and (v.start.year, v.start.month) == (v.end.year, v.end.month):
            self.month = (end, v.start.year, v.start.month)
        if v.start == v.end:
            self.day = (end, v.start)
        if y1 == v.start.year:
            self.century = 1800 if 1800 <= y1 < 1900 else 1900


def _anaphor(c: _Cand, text: str, ctx: _Context, anchor: _D | None) -> TimeValue | None:
    unit, k, in_this = c.info
    if unit == "year":
        # "the same year" refers to the latest year named, however many paragraphs back; "two years
        # later" only to a year close by
        same = k == 0 and ctx.year is not None and c.start - ctx.year[0] <= _SAME_YEAR_REACH
        if ctx.year and (
            same
            or R.near(text, ctx.year[0], c.start, 2)
            or _first_of_next_paragraph(text, ctx.year[0], c.start)
        ):
            return span_value(_D(ctx.year[1] + k, 1, 1), _D(ctx.year[2] + k, 12, 31), "relative")
        return year_value(anchor.year, "relative") if in_this and anchor else None
    if unit == "month":
        if ctx.month and R.near(text, ctx.month[0], c.start, 2):
            return month_value(*add_months(ctx.month[1], ctx.month[2], k), "relative")
        return None
    # "... left Mali on 15 August 2022. // On the same day, X wrote ...": the day the last sentence of
    # the paragraph before gave
    same_day = (
        unit == "day"
        and k == 0
        and ctx.day is not None
        and ctx.day[0] == ctx.last
        and R.near(text, ctx.day[0], max(ctx.day[0], text.find("\n\n", ctx.day[0])), 0)
    )
    if not (
        ctx.day
        and (
            R.near(text, ctx.day[0], c.start, 2)
            or (same_day and _first_of_next_paragraph(text, ctx.day[0], c.start))
        )
    ):
        if unit == "day" and ctx.month and _latest_in_paragraph(text, ctx, ctx.month[0], c.start):
            # "In late June 2022 a jet crossed the border. ... apologised a day later": the day after
            # some day of that month, the latest date of the paragraph
            first = _D(ctx.month[1], ctx.month[2], 1)
            last = _D(ctx.month[1], ctx.month[2], last_day(ctx.month[1], ctx.month[2]))
            return span_value(first + _DAYS(k), last + _DAYS(k), "relative")
        return None
    day = ctx.day[1]
    if unit in ("days", "weeks"):  # a week (four weeks) after or before the day, not the day itself
        reach = _DAYS(7 if unit == "days" else 28)
        lo, hi = (day + _DAYS(1), day + reach) if k > 0 else (day - reach, day - _DAYS(1))
        return span_value(lo, hi, "relative")
    if unit != "week":
        return day_value(day + _DAYS(k), "relative")
    if ctx.day[0] != ctx.last:
        return None  # "In May 2010 ... The following week": weeks count from a day, the latest date named
    if re.search(r"(?i)\b(later|earlier|afterwards|before|after)\b", text[c.start : c.end]):
        return day_value(day + _DAYS(7 * k), "relative")  # "a week earlier": that day, seven days back
    return span_value(*week_bounds(day + _DAYS(7 * k)), "relative")  # "the following week"


_OF_YEAR_AFTER = re.compile(
    r"(?i)\s+of\s+(that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year\b"
)

_PARAGRAPH_OPENING = re.compile(r"\s*(?:(?:[Oo]n|[Ii]n|[Bb]y|[Ff]rom)\s+)?")


# "withdrew the status it had granted Pakistan in 1996, and on February 16 it raised duties": a year in a
# relative clause in the past perfect describes a thing from an earlier time, not the year the story is
# at (while "Both had praised the ruling of January 2014, and in March they met" goes on in that year)
_PAST_PERFECT = re.compile(
    r"(?:\b(?:that|which|who)\s+|[a-z]\s+(?:it|they|he|she|we)\s+)"
    r"had\s+(?:not\s+|already\s+|been\s+)*[a-z]+(?:ed|en|wn|ne|t)\b[^,;:.]*$"
)


def in_anterior_clause(text: str, start: int) -> bool:
    """Is the time expression at ``start`` in a relative clause in the past perfect ("the status it had
    granted Pakistan in 1996", "the plan that had been proposed in May")?"""
    return _PAST_PERFECT.search(text, max(0, start - 100), start) is not None


def _opens_next_paragraph(text: str, year_end: int, start: int) -> bool:
    """Does the date at ``start`` open the paragraph right after the one whose year ends at ``year_end``?"""
    opening = text.rfind("\n\n", year_end, start)
    return (
        opening >= 0
        and "\n\n" not in text[year_end:opening]
        and bool(_PARAGRAPH_OPENING.fullmatch(text, opening, start))
    )


def _latest_in_paragraph(text: str, ctx: _Context, end: int, start: int) -> bool:
    """Is the date ending at ``end`` the latest read, two sentences before ``start`` or earlier in its
    paragraph?"""
    return R.near(text, end, start, 2) or (end == ctx.last and "\n\n" not in text[end:start])


def _first_of_next_paragraph(text: str, year_end: int, start: int) -> bool:
    """Is ``start`` in the first sentence of the paragraph right after the one whose year ends at
    ``year_end`` ("... a border war in 1998. // A peace deal was signed two years later")?"""
    opening = text.rfind("\n\n", year_end, start)
    return (
        opening >= 0
        and "\n\n" not in text[year_end:opening]
        and not R.SENT_END.search(text, opening + 2, start + 1)  # (+1: the end looks at what follows)
    )


def _partial(
    c: _Cand,
    text: str,
    ctx: _Context,
    anchor: _D | None,
    prep: str | None,
    narrative: bool = False,
    in_chronology: bool = False,
) -> TimeValue | None:
    mo, d, q = c.info
    if d is None and q is None and prep not in _MONTH_PREPS:
        return None  # a bare month name: "March" may be a name or a verb
    part = q if q in ("early", "mid", "late") else None
    if q == "following":
        # "in November 1977 ... Formal talks began the following September": after the month named last,
        # a paragraph or two back
        if ctx.month is None or c.start - ctx.month[0] > _SAME_YEAR_REACH:
            return None
        y = ctx.month[1] + (mo <= ctx.month[2])
    elif q in ("last", "next", "this"):
        if anchor is None:
            return None
        y = anchor.year
        if q == "last":
            y -= mo >= anchor.month
        elif q == "next":
            y += mo <= anchor.month
    # "In 2014, on November 4, ...": a year just before, in the same sentence; a more distant one yields
    # to the anchor ("trade in 2023, according to figures released on Jan. 13").
    elif (
        ctx.year
        and ctx.year[1] == ctx.year[2]
        and R.near(text, ctx.year[0], c.start, 0)
        and (anchor is None or c.start - ctx.year[0] <= 20)
        and not in_anterior_clause(text, ctx.year[0])
    ):
        y = ctx.year[1]
    elif ctx.year and ctx.year[1] == ctx.year[2] and (of_year := _OF_YEAR_AFTER.match(text, c.end)):
        # "signed in March 2007 and in force on 3 September of the same year"
        y = ctx.year[1] + {"following": 1, "next": 1, "previous": -1}.get(of_year.group(1).lower(), 0)
    elif ctx.chronology is not None and (in_chronology or ctx.chronology_dates >= 2):
        # in a chronology, a year-less date is of the year of its last date ("- July 6: trade war -" ...
        # "On September 24, Washington ..."), a year later when it looks ahead of that date; one date
        # opening a line may be a story's dateline, not a chronology
        y = ctx.chronology.year
        if R.is_future(text, c.start) and _D(y, mo, d or last_day(y, mo)) < ctx.chronology:
            y += 1
    elif (
        narrative
        and ctx.year
        and ctx.year[1] == ctx.year[2]
        and (R.near(text, ctx.year[0], c.start, 2) or _opens_next_paragraph(text, ctx.year[0], c.start))
    ):
        # a text dated from its content, or a backgrounder: "talks in Belarus in March 2022. ... held
        # talks in Antalya on 10 March" is the year the narrative is in, not the estimated date's; so is
        # a paragraph that opens with a year-less date after one that named the year
        y = ctx.year[1]
    elif (
        ctx.day is not None
        and ctx.year
        and ctx.day[0] == ctx.year[0]
        and d is not None
        and (mo, d) >= (ctx.day[1].month, ctx.day[1].day)
        and _opens_next_paragraph(text, ctx.year[0], c.start)
    ):
        # any story that tells a past episode day by day: "On 8 May 2020 India opened the road. ...
        # On 11 May Nepal summoned the envoy" opens a paragraph later in the same year, not of the
        # story's own year
        y = ctx.year[1]
    elif anchor is not None:
        y = anchor.year
        if R.is_future(text, c.start):
            y += _D(y, mo, d or last_day(y, mo)) < anchor
        else:
            y -= _D(y, mo, d or 1) > anchor + _DAYS(61)
    else:
        return None
    if d is None:
        return part_month(y, mo, part, "relative")
    try:
        return day_value(_D(y, mo, d), "relative")
    except ValueError:  # 29 February
        return None


def find_time_expressions(
    text: str, *, anchor: dt.date | None = None, narrative: bool = False
) -> list[TimeExpression]:
    """Time expressions in ``text``, sorted by start, non-overlapping (longest match wins).

    ``anchor`` is the document date; without it, expressions relative to the document date are skipped.
    ``narrative``: the anchor is an estimate from the content, so a year-less date takes the year the
    text was just speaking of (a sentence or two before, same paragraph) rather than the anchor's.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    cands: list[_Cand] = []
    for rules in (R.RULES, R.ANCHOR_RULES) if anchor else (R.RULES,):
        for name, core, pre, bad_left in rules:
            handler = _HANDLERS[name]
            for m in core.finditer(text):
                s = m.start()
                if s and (text[s - 1].isalnum() or text[s - 1] in bad_left):
                    continue  # inside a word or a number
                p = pre.search(text, max(0, s - _LOOKBACK), s) if pre is not None else None
                c = handler(_Hit(m, p if p is not None and p.start() < s else None), text, anchor)
                if c is not None:
                    cands.append(c)
    cands += _ranges(text, cands)
    out: list[TimeExpression] = []
    ctx = _Context()
    prev_end = 0
    for c in _select(cands, len(text)):
        s, prep = c.start, None
        if c.prefixable and (p := R.PREFIX.search(text, max(prev_end, s - 16), s)):
            s, prep = p.start(), p["p"].lower().split()[-1]
        in_chronology = opens_chronology_line(text, s, c.end)
        if c.kind == "anaphor":
            value = _anaphor(c, text, ctx, anchor)
        elif c.kind == "partial":
            value = _partial(c, text, ctx, anchor, prep, narrative, in_chronology)
        elif c.kind == "decade_word":  # "the sixties": the 1860s only in a text about the 19th century
            y0 = ctx.century + c.info[0]
            value = part_span(y0, c.info[1], DECADE_PARTS, decade_value(y0))
        else:
            value = c.value
        if value is None:
            continue
        if prep == "since" and value.end is not None:
            value = open_value(value)
        out.append(TimeExpression(text[s : c.end], s, c.end, value))
        prev_end = c.end
        if c.kind != "anaphor":
            ctx.update(c.end, value)
        if in_chronology and value.start and value.granularity in ("day", "month", "year"):
            ctx.chronology = value.start
            ctx.chronology_dates += 1
    return _join_month_of_year(text, _join_ago(text, out))


_AGO_TODAY = re.compile(r"(?i)^(?P<n>.+?)\s+years?\s+ago$")


def _join_ago(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """ "Forty years ago today" is one date: today's date that many years back (the anniversary formula)."""
    out: list[TimeExpression] = []
    for t in found:
        prev = out[-1] if out else None
        m = _AGO_TODAY.match(prev.text) if prev else None
        if (
            prev is not None
            and m
            and t.start - prev.end <= 1
            and t.value.basis == "relative"
            and t.text.lower() in ("today", "this week", "this month")
            and t.value.start
            and t.value.end
            and (n := R.number(m["n"].split()[-1])) is not None
        ):
            start, end = minus_years(t.value.start, n), minus_years(t.value.end, n)
            out[-1] = TimeExpression(
                text[prev.start : t.end], prev.start, t.end, span_value(start, end, "relative")
            )
            continue
        out.append(t)
    return out


_OF_YEAR = re.compile(r"(?i)^(?:of\s+)?(that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year$")
_OF_THIS_YEAR = re.compile(r"(?i)^(?:of\s+)?(?:last|this|next)\s+year$")


def _in_one_month(value: TimeValue) -> bool:
    """A month, a day, or a part of one month ("late November")."""
    start, end = value.start, value.end
    return start is not None and end is not None and (start.year, start.month) == (end.year, end.month)


def _in_year(value: TimeValue, year: int) -> TimeValue | None:
    """A month's, a part of a month's or a day's value moved to ``year`` (None for 29 February of a
    common year)."""
    if value.start is None or value.end is None:
        return None
    if value.granularity == "month":
        return month_value(year, value.start.month, "relative")
    if value.granularity == "day":
        try:
            return day_value(value.start.replace(year=year), "relative")
        except ValueError:
            return None
    month = value.start.month
    end = min(value.end.day, last_day(year, month))
    return span_value(_D(year, month, value.start.day), _D(year, month, end), "relative")


def _join_month_of_year(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """ "in July of that year", "on 3 September of the same year" is one month or day, of the year the
    text spoke of before it (not the anchor's); "in May last year", "in March of next year" one month of
    the year before or after the story's."""
    out: list[TimeExpression] = []
    for t in found:
        month = out[-1] if out else None
        if (
            month is not None
            and _in_one_month(month.value)
            and month.value.start
            and t.start - month.end <= 1
            and _OF_YEAR.match(t.text)
            and t.value.start
        ):
            offset = t.value.start.year - month.value.start.year  # what the anaphor added to its year
            earlier = [
                e
                for e in out[:-1]
                if e.value.basis == "explicit"
                and e.value.start
                and e.value.end
                and e.value.start.year == e.value.end.year
            ]
            if earlier:
                year = earlier[-1].value.start.year + offset  # type: ignore[union-attr]
                value = _in_year(month.value, year)
                if value is not None:
                    out[-1] = TimeExpression(text[month.start : t.end], month.start, t.end, value)
                    continue
        if (
            month is not None
            and _in_one_month(month.value)
            and t.start - month.end <= 1
            and _OF_THIS_YEAR.match(t.text)
            and t.value.start
            and (value := _in_year(month.value, t.value.start.year)) is not None
        ):
            # "in May last year": May of the year before the story's, one expression
            out[-1] = TimeExpression(text[month.start : t.end], month.start, t.end, value)
            continue
        out.append(t)
    return out
