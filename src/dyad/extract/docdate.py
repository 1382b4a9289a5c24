"""A document's reference date: its publication date, else an estimate from its content (basis inferred).

The estimate works as an analyst would: a summit the text names (forum + host city + leaders in office,
from the summit calendar and terms of office) dates a news story to just after the summit opened — to the
weekday of a wire attribution ("EFE reported Tuesday") when there is one. Failing that, the latest full
date in the text, then its latest year — or the first year after it that the titled office-holders of its
lead served through most of, when they did not serve through that one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from dyad.extract.mentions import Mention
from dyad.extract.timex_rules import is_future
from dyad.extract.timex_values import add_months, day_value, month_value, parse_edtf, span_value, year_value
from dyad.knowledge import Knowledge, Summit, Term
from dyad.models import Document, TimeExpression, TimeValue

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ATTRIBUTION = re.compile(
    r"\b(reported|said|announced|told\s+\w+|stated|declared)\s+(on\s+)?(" + "|".join(_WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
_LEADER_ROLES = ("head_of_state", "head_of_government", "party_leader")
_YEARS_LATER = 3  # how many years after the latest year a text names its yearless dateline may be
HEADING = 300  # characters at the top of a text where a date is the document's own
_LEAD = 2 * HEADING  # characters at the top of a text that tell its news (its title and lead)
_SUMMIT_WEEK = dt.timedelta(days=7)  # how far from a summit's days the dateline of a story about it may be


def _summit_score(
    summit: Summit,
    lowered: str,
    editions: set[str],
    leaders: list[tuple[list[Term], int]],
    latest_year: int | None,
    hosts: set[str],
) -> float:
    score = 0.0
    if hosts:  # a summit the text places in a country is not one held in another
        score += 2 if summit.country in hosts else -4
    if summit.edition in editions:
        score += 3
    if (
        summit.city
        and summit.city.lower() in lowered
        and re.search(rf"\b{re.escape(summit.city.lower())}\b", lowered)
    ):
        score += 2
    # Leaders in office at the summit count for it, those out of office against, each by how often the
    # text names them (a predecessor named once weighs less than the president named throughout).
    inside = sum(n for terms, n in leaders if any(t.covers(summit.start, summit.end) for t in terms))
    total = sum(n for _terms, n in leaders)
    if total:
        score += 2 * (2 * inside - total) / total
    if latest_year is not None and summit.start.year < latest_year:
        score -= 3  # a text rarely reports a summit years older than the latest year it names
    return score


# "the BRICS summit in South Africa", "the G20 in India", "the Group of 20 major economies in India": the
# country that hosted the meeting.
_HOSTED_IN = re.compile(
    r"\s+(?:summit\s+|meeting\s+|(?:major|leading|largest|industriali[sz]ed|emerging)\s+(?:economies|nations)\s+)?"
    r"(?:held\s+)?in\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _hosts_named(text: str, mentions: list[Mention]) -> set[str]:
    """The countries the text names as a forum's host, just after the forum ("the BRICS summit in South
    Africa"; a capital counts for its country)."""
    return {
        place.value
        for forum, place in zip(mentions, mentions[1:], strict=False)
        if forum.attrs.get("forum")
        and place.kind == "country"
        and _HOSTED_IN.fullmatch(text, forum.end, place.start)
    }


def _summit(doc: Document, mentions: list[Mention], k: Knowledge, latest_year: int | None) -> Summit | None:
    forums = {m.attrs["forum"] for m in mentions if m.attrs.get("forum")}
    candidates = [s for s in k.summits if s.forum in forums]
    lowered = doc.text.lower()
    editions = {m.attrs["edition"] for m in mentions if m.attrs.get("edition")}
    people = Counter(m.value for m in mentions if m.kind == "person")
    leaders = [
        (terms, n)
        for name, n in people.items()
        if (terms := [t for t in k.terms_of(name) if t.role in _LEADER_ROLES])
    ]
    hosts = _hosts_named(doc.text, mentions)
    scored = sorted(
        ((_summit_score(s, lowered, editions, leaders, latest_year, hosts), s) for s in candidates),
        key=lambda x: (x[0], x[1].start),
        reverse=True,
    )
    if not scored or scored[0][0] < 3:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two summits fit equally well: no guess
    return scored[0][1]


# A summit the story looks forward or back to: "the G20 summit in Toronto next month", "the summit in
# New Delhi the previous week".
_SHIFT = re.compile(
    r"\b(next|last|later this|earlier this|the previous|the following)\s+(week|month|year)\b"
    r"|\b(upcoming|forthcoming)\b",
    re.IGNORECASE,
)
_SAME_AS = {"the previous": "last", "the following": "next"}


def _other_edition(summit: Summit, window: str, k: Knowledge) -> bool:
    """Does ``window`` place its forum in the city of another edition and not in this one's ("spoke at a
    BRICS gathering in Johannesburg last year" in a story of the Kazan summit)?"""
    lowered = window.lower()

    def named(city: str) -> bool:
        return bool(city) and re.search(rf"\b{re.escape(city.lower())}\b", lowered) is not None

    return not named(summit.city) and any(
        s.forum == summit.forum and s.city != summit.city and named(s.city) for s in k.summits
    )


def _relative_to_summit(summit: Summit, text: str, mentions: list[Mention], k: Knowledge) -> TimeValue | None:
    """The story's date when it places the summit relative to itself, at the precision that allows."""
    for m in mentions:
        if not m.attrs.get("forum") or m.attrs["forum"] != summit.forum:
            continue
        window = text[max(0, m.start - 80) : m.end + 80]
        if _other_edition(summit, window, k):
            continue  # "last year" of another edition, not of this one
        shift = _SHIFT.search(window)
        if not shift:
            continue
        when, unit = (shift.group(1) or "next").lower(), (shift.group(2) or "month").lower()
        when = _SAME_AS.get(when, when)
        ahead = when in ("next", "later this") or shift.group(3) is not None
        if unit == "year":
            year = summit.start.year - 1 if when == "next" else summit.start.year + (when == "last")
            return year_value(year, "inferred")
        if unit == "week":  # "next week": the week before; "later this week": the days just before
            days = {"next": (-13, -1), "later this": (-6, -1), "earlier this": (1, 6), "last": (1, 13)}
            lo, hi = days.get(when, (-13, -1) if ahead else (1, 13))
            base = summit.start if lo < 0 else summit.end
            return span_value(base + dt.timedelta(days=lo), base + dt.timedelta(days=hi), "inferred")
        step = -1 if when == "next" else 1 if when == "last" else 0
        return month_value(*add_months(summit.start.year, summit.start.month, step), "inferred")
    return None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A wire dateline without a year: "BEIJING, Sept 3 (Reuters) -", "LIMA, 24 Nov. -", and the date after
# the place's region and the agency: "KYIV, Ukraine (AP) — Oct. 4 —"; places written with their accents
# ("ASUNCIÓN, April 1 -").
_DATELINE = re.compile(
    r"^[A-ZÀ-Þ][A-ZÀ-Þ .'/-]{2,40}(?:,\s+[A-Z][a-z][\w .'-]{0,30}?)?"
    r"(?:\s*\([A-Za-z][\w .&/-]{0,30}\))?(?:,|\s*[—–-])\s+"
    r"(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8})\.?)\b",
    re.MULTILINE,
)


def _dateline(text: str) -> tuple[int, int, int] | None:
    """(month, day, end offset) of a yearless wire dateline at the top of ``text``."""
    m = _DATELINE.search(text[: HEADING * 3])
    if not m or (month := (m["m1"] or m["m2"]).lower()[:3]) not in _MONTHS:
        return None
    return _MONTHS.index(month) + 1, int(m["d1"] or m["d2"]), m.end()


def _on(year: int, month: int, day: int) -> dt.date | None:
    """That day, or None when the year has no such day (29 February, a misread 31st)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dateline_day(text: str, around: TimeValue) -> TimeValue | None:
    """The day a yearless wire dateline gives, when it falls inside the estimated interval."""
    line = _dateline(text)
    if line is None or around.start is None or around.end is None:
        return None
    for year in {around.start.year, around.end.year}:
        day = _on(year, line[0], line[1])
        if day is not None and around.start <= day <= around.end:
            return day_value(day, "inferred")
    return None


def _news_day(summit: Summit, text: str) -> dt.date:
    attribution = _ATTRIBUTION.search(text)
    if attribution:
        weekday = _WEEKDAYS.index(attribution.group(3).lower())
        return summit.start + dt.timedelta(days=(weekday - summit.start.weekday()) % 7 or 7)
    return summit.start + dt.timedelta(days=1)


def published_value(published: str) -> TimeValue | None:
    try:
        return parse_edtf(published, "explicit")
    except ValueError:
        return None


def estimate_document_date(
    doc: Document, mentions: list[Mention], explicit: list[TimeExpression], k: Knowledge
) -> TimeValue | None:
    """The date relative expressions of ``doc`` are read against; ``None`` when nothing tells."""
    if doc.published:
        value = published_value(doc.published)
        if value is not None:
            return value
    # a date the text looks ahead to ("the anniversary, which will fall in 2018") is after the story
    dated = [
        t.value
        for t in explicit
        if t.value.basis == "explicit" and t.value.start and t.value.end and not is_future(doc.text, t.start)
    ]
    years = [v.end.year for v in dated if v.granularity in ("day", "month", "year") and v.end]
    latest_year = max(years) if years else None
    summit = _summit(doc, mentions, k, latest_year)
    if summit is not None:
        relative = _relative_to_summit(summit, doc.text, mentions, k)
        if relative is not None:
            return _dateline_day(doc.text, relative) or relative
        # "NEW DELHI, Oct 22 (Wire) -" in a story of a summit that opened that day: the dateline's day
        around = span_value(summit.start - _SUMMIT_WEEK, summit.end + _SUMMIT_WEEK, "inferred")
        return _dateline_day(doc.text, around) or day_value(_news_day(summit, doc.text), "inferred")
    heading = [
        t.value.start
        for t in explicit
        if t.start < HEADING and t.value.granularity == "day" and t.value.start
    ]
    if heading:  # a full date at the top is the story's own date line
        return day_value(max(heading), "inferred")
    days = [v.start for v in dated if v.granularity == "day" and v.start]
    if days and (latest_year is None or max(days).year >= latest_year):
        return day_value(max(days), "inferred")
    if latest_year is not None:
        year = TimeValue(
            str(latest_year), dt.date(latest_year, 1, 1), dt.date(latest_year, 12, 31), "year", "inferred"
        )
        # "LIMA, Nov 24 (Reuters) -" in the latest year named, or a later year when the day is not the
        # weekday the lead gives in that one (a story of February that recalls "last June", or "the
        # invasion in February 2022", names only earlier years): the one year that fits the weekday and the
        # terms of the office-holders it names, else the only one that fits the weekday a year or three on
        later = _later_year(doc.text, mentions, k, latest_year)
        if later is None:  # "President Donald Trump ... Petro, who was elected in 2022": 2025
            later = _year_in_office(doc.text, mentions, k, latest_year)
        if later is not None:
            year = year_value(later, "inferred")
        return _dateline_day(doc.text, year) or year
    return _dateline_in_terms(doc.text, mentions, k)


def year_beyond_text(reference: TimeValue, explicit: list[TimeExpression]) -> bool:
    """Is ``reference`` a year estimated for a story that names no date in it (the year its office-holders
    serve in, the one its dateline's weekday falls in)? Such a year is the story's own time, not the
    latest year of its background, and its days ("on Sunday") can be told against it."""
    if reference.granularity != "year" or reference.basis != "inferred" or reference.start is None:
        return False
    year = reference.start.year
    return not any(
        t.value.start and t.value.start.year <= year <= (t.value.end or t.value.start).year for t in explicit
    )


def _later_year(text: str, mentions: list[Mention], k: Knowledge, latest_year: int) -> int | None:
    """The year after ``latest_year`` of a yearless dateline whose day is not, in ``latest_year``, the
    weekday its lead names; None when that year fits or no single later one does."""
    today = dt.date.today().year
    if latest_year in _weekday_years(text, {latest_year}) or (line := _dateline(text)) is None:
        return None
    fitting = _weekday_years(text, set(range(latest_year + 1, today + 1)))
    in_office = _years_in_office(text, mentions, k, line[0], line[1], fitting)
    if in_office is not None and len(in_office) == 1:
        return in_office.pop()
    near = {y for y in fitting if y <= latest_year + _YEARS_LATER}
    if in_office is not None:
        near &= in_office
    return near.pop() if len(near) == 1 else None


def _days_held(terms: list[Term], roles: set[str], year: int, today: dt.date) -> int:
    """How many days of ``year`` the terms in one of ``roles`` cover (an open term up to ``today``)."""
    first, last = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
    return sum(
        max(0, (min(t.end or today, last) - max(t.start, first)).days + 1) for t in terms if t.role in roles
    )


def _year_in_office(text: str, mentions: list[Mention], k: Knowledge, latest_year: int) -> int | None:
    """The first year after ``latest_year``, at most ``_YEARS_LATER`` on, through most of which every
    office-holder the story's lead names with the title of an office held that office, when they did not
    through ``latest_year``: a story that names only earlier years is of a time the office-holders of its
    news serve in ("US President Donald Trump on Sunday announced ... Petro, who was elected in 2022":
    2025). Holders named further down may be recalled from another time. None when the lead names no
    titled office-holder, they fit ``latest_year``, or no near year fits them all."""
    lead = [m for m in mentions if m.start < _LEAD]
    people = {name: roles for name, roles in offices_named(text, lead, k).items() if roles}
    today = dt.date.today()
    if not people:
        return None

    def fits(year: int) -> bool:
        return all(
            2 * _days_held(k.terms_of(name), roles, year, today) > 365 for name, roles in people.items()
        )

    if fits(latest_year):
        return None
    last = min(latest_year + _YEARS_LATER, today.year)
    return next((year for year in range(latest_year + 1, last + 1) if fits(year)), None)


# The office a title names just before a person ("Prime Minister Aleksandar Vučić", "Croatian PM
# Milanović"): a leader who held several offices is counted in the one the story gives him.
_TITLED = (
    ("head_of_government", re.compile(r"\b(?:Prime\s+Minister|Premier|PM|Chancellor|Taoiseach)\s+$")),
    ("foreign_minister", re.compile(r"\b(?:Foreign\s+(?:Minister|Secretary)|Secretary\s+of\s+State)\s+$")),
    ("head_of_state", re.compile(r"\b(?:President|King|Queen|Emir|Emperor|Sultan)\s+$")),
)
_FORMER = re.compile(r"\b(?:former|ex-|late|then-)\s*(?:[A-Z]\w+\s+){0,2}$", re.I)


def offices_named(text: str, mentions: list[Mention], k: Knowledge) -> dict[str, set[str]]:
    """Each office-holder the text names with known terms, with the offices its titles give them (empty:
    any of their offices); one it names as a former holder ("former President X") is left out."""
    named: dict[str, set[str]] = {}
    former: set[str] = set()
    for x in mentions:
        if x.kind != "person" or not k.terms_of(x.value):
            continue
        before = text[max(0, x.start - 60) : x.start]
        titled = next(((role, m) for role, title in _TITLED if (m := title.search(before))), None)
        if titled is not None and _FORMER.search(before[: titled[1].start()]):
            former.add(x.value)
            continue
        roles = named.setdefault(x.value, set())
        if titled is not None and any(t.role == titled[0] for t in k.terms_of(x.value)):
            roles.add(titled[0])
    return {name: roles for name, roles in named.items() if name not in former or roles}


def _years_in_office(
    text: str, mentions: list[Mention], k: Knowledge, month_no: int, day_no: int, years: set[int]
) -> set[int] | None:
    """Those of ``years`` in which the most office-holders the text names held an office on that day (the
    office its title gives them, when it gives one; a predecessor it recalls does not rule out the year
    of the others); None when it names none whose terms are known, or none of them held office in any
    of those years."""
    people = offices_named(text, mentions, k)
    serving: dict[int, int] = {}
    for year in years:
        day = _on(year, month_no, day_no)
        if day is not None:
            serving[year] = sum(
                any(t.covers(day, day) and (not roles or t.role in roles) for t in k.terms_of(name))
                for name, roles in people.items()
            )
    most = max(serving.values(), default=0)
    return {year for year, n in serving.items() if n == most} if most else None


def _weekday_years(text: str, years: set[int]) -> set[int]:
    """The years in which a yearless dateline's day is a weekday the story's first paragraph names ("Feb
    25 (Wire) - ... said on Thursday"), of several such years those in which it is the day a report was
    made on ("said on Friday"); all of them when it names none, or the text has no dateline."""
    line = _dateline(text)
    if line is None:
        return years
    month, day_no, start = line
    end = text.find("\n\n", start)
    lead = text[start : end if end != -1 else start + 2000]
    named = {w for w in _WEEKDAYS if re.search(rf"\b{w}\b", lead, re.IGNORECASE)}
    if not named:
        return years
    days = {year: _on(year, month, day_no) for year in years}
    fitting = {year for year, day in days.items() if day is not None and _WEEKDAYS[day.weekday()] in named}
    # a lead that names several days ("over Wednesday's strike, the minister said on Friday"): the day
    # the report was made is the dateline's
    reported = {m.group(3).lower() for m in _ATTRIBUTION.finditer(lead)}
    by_report = {y for y in fitting if (day := days[y]) is not None and _WEEKDAYS[day.weekday()] in reported}
    return by_report if len(fitting) > 1 and by_report else fitting


def _dateline_in_terms(text: str, mentions: list[Mention], k: Knowledge) -> TimeValue | None:
    """A yearless dateline in a text that names no year: the year in which the office-holders the text
    names were all in office on that day; when several years fit, the one in which the day is the
    weekday the story's first paragraph gives ("SANTIAGO, Nov 18 - ... signed on Monday")."""
    line = _dateline(text)
    if line is None:
        return None
    month_no, day_no, _end = line
    first = min(
        (t.start.year for x in mentions if x.kind == "person" for t in k.terms_of(x.value)), default=None
    )
    if first is None:
        return None
    years = _years_in_office(text, mentions, k, month_no, day_no, set(range(first, dt.date.today().year + 1)))
    if years is None:
        return None
    if len(years) > 1:
        years = _weekday_years(text, years)
    if len(years) != 1:
        return None
    return day_value(dt.date(years.pop(), month_no, day_no), "inferred")
