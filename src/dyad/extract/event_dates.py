"""When an act happened: the time expression its sentence gives for it, a chronology item's or a year
heading's year, the paragraph's date moved on ("two months after"), anniversaries, or the story's date.

Used by the event extractor for both its trigger patterns and the predicates read from the parse; the
parse, when there is one, tells which time expressions belong to the act's own phrase.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Any

from dyad.extract.predicates import governs, phrase_of, word_at
from dyad.extract.timex import in_anterior_clause, opens_chronology_line
from dyad.extract.timex_rules import number
from dyad.extract.timex_values import add_months, day_value, minus_years, month_value, year_value
from dyad.ingest.kind import ISSUER_TITLE
from dyad.models import Document, Sentence, TimeExpression, TimeValue

# "- 11 November 2013: ...", "- **4 November 2010** – ..." (the date in bold)
_LIST_HEAD = re.compile(r"^\W{0,3}[^:;.]{4,40}?\d{4}[*_]{0,2}\s*[:–—-]\s")

_REPORTED = re.compile(
    r"\b(reported|said|announced|told|added|stated|according\s+to\s+\w+)\s+(on\s+)?$", re.I
)

_ANNIVERSARY = re.compile(r"\b(\d{1,3})(st|nd|rd|th)\s+anniversary\s+of\s+(the\s+)?$", re.IGNORECASE)

_UNTIL = re.compile(
    r"\b(continued|lasted|remained|persisted|went on)\b[^.;]{0,40}\b(until|till|up to|through)\s+$", re.I
)

_VAGUE = ("century", "open")

# "its lowest point since diplomatic relations were established in 1972": the start of a stretch the story
# measures from, which does not carry to the sentences after it
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;:.()\n]{0,60}$", re.IGNORECASE)

# "The talks will resume in March.": a time still to come, which does not carry to the acts told after it
_AHEAD = re.compile(
    r"\b(?:will|shall|'ll|would(?!\s+have)|is\s+to|are\s+to|is\s+due|are\s+due|scheduled|set\s+(?:to|for)|"
    r"slated|plans?\s+to|planned|expected\s+to|going\s+to|to\s+be\s+held|takes?\s+place|upcoming)\b[^.;:!?]*$",
    re.IGNORECASE,
)

# "on his first trip since becoming minister in October", "the worst crisis since the wars of the 1990s":
# the start of a stretch of time that the act came after, not the act's date.
_SINCE_CLAUSE = re.compile(
    r"\bsince\s+(?:(?:\w+\s+)?\w+ing\b[^,;:()]*|(?:the|its|their|his|her)\s+[^,;:()]{0,50})$", re.I
)


# "the first British foreign secretary to visit Tehran since 2003", "for the first time since 2017": the
# since-phrase measures how long no such act had happened; the act itself is of the sentence's other time.
_FIRST_BEFORE = re.compile(r"\bfirst\b[^;:()]{0,120}$", re.I)


def first_since(text: str, timex: TimeExpression, base: int) -> bool:
    """Is ``timex`` (in the sentence ``text`` starting at ``base``) the "since" of an act told as the first
    since then?"""
    before = text[: timex.start - base]
    opens = timex.text.lower().startswith("since") or before.lower().rstrip().endswith("since")
    return opens and _FIRST_BEFORE.search(before) is not None


# "Buhari, who arrived on Wednesday, held talks": a clause describing a participant, its date that of
# another act. (Only where the clause opens after a comma: "the day on which ..." restricts, and dates.)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whom|whose)\b[^,;:()]*$", re.I)


def _clause_around(text: str, start: int, hit_start: int) -> bool:
    """Does a relative clause describing a participant hold the date at ``start`` of the sentence
    ``text``, and not the act at ``hit_start`` too?"""
    clause = _RELATIVE_CLAUSE.search(text[:start])
    return clause is not None and not (
        clause.start() < hit_start and "," not in text[clause.start() + 1 : hit_start]
    )


@dataclass(slots=True)
class Span:
    """A stretch of a sentence: offsets inside it."""

    start: int  # offsets inside the sentence
    end: int


def distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


# A dateline at the head of a story's first sentence: "LIMA, 12 March 2019 -", "Tokyo, 5 June 2023:".
_DATELINE_HEAD = re.compile(r"[A-Z][\w .'’/-]{1,40},\s*")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[-–—:]")


def without_dateline(sentence: Sentence, timexes: list[TimeExpression]) -> list[TimeExpression]:
    """The sentence's time expressions less a dateline's date at its head ("Lima, 12 March 2019 - ...
    signed on Monday": the story's date, not the act's), unless the sentence has no other."""
    rest = [
        t
        for t in timexes
        if not (
            _DATELINE_HEAD.fullmatch(sentence.text[: t.start - sentence.start])
            and _DATELINE_TAIL.match(sentence.text[t.end - sentence.start :])
        )
    ]
    return rest if rest else timexes


def _pick_timex(sentence: Sentence, hit: Span, timexes: list[TimeExpression]) -> TimeExpression | None:
    span = (sentence.start + hit.start, sentence.start + hit.end)
    usable = []
    for t in timexes:
        before = sentence.text[: t.start - sentence.start]
        reported = _REPORTED.search(before)
        # "..., EFE reported Tuesday": the report's date, unless the report is the act ("said on 4 March
        # that the claim was untenable")
        if t.start >= span[1] and reported and sentence.start + reported.start() != span[0]:
            continue
        if _SINCE_CLAUSE.search(before) and not _SINCE_CLAUSE.search(sentence.text[: hit.start]):
            continue  # the date of a since-clause the act is not inside
        since = _SINCE_BEFORE.search(before)
        if since and hit.start < since.start():
            continue  # "the first talks since relations were restored in 1952": that restoring's date
        if _clause_around(sentence.text, t.start - sentence.start, hit.start):
            continue  # "X, who arrived on Sunday, held talks": the date of another act
        if first_since(sentence.text, t, sentence.start):
            continue  # "the first visit since 2019": when the stretch without one began
        penalty = 1000 if t.value.granularity in _VAGUE else 0
        head = _LIST_HEAD.match(sentence.text)
        if head and t.start - sentence.start < head.end():
            penalty -= 10_000  # "- 11 November 2013: the two presidents sign ...": the item's date
        after = sentence.text[t.end - sentence.start : t.end - sentence.start + 2]
        if re.fullmatch(r"\d{4}", t.text) and before.endswith("the ") and after[1:2].islower():
            penalty += 500  # "the 1915 massacres": a year naming another event, not this one's date
        if re.match(r"(?i)by\s", t.text) or re.search(r"(?i)\bby\s+$", before):
            penalty += 500  # "ordered the ambassador on Monday to leave by 7 February": a deadline
        usable.append((distance(span, (t.start, t.end)) + penalty, t.start < span[0], t))
    return min(usable, key=lambda x: (x[0], x[1]))[2] if usable else None


# "the 1973 Itaipu Treaty", "the 2007 row", "Russia's 2022 invasion": a year that names a thing, not the
# time a story has reached.
_THING_BEFORE = re.compile(r"(?:\bthe|['’]s)\s+$", re.IGNORECASE)


# "the 1990s war", "the 1980s debt crisis": a decade that names a thing (a verb after it, "the 1990s
# saw", is the time itself)
_DECADE_THING = re.compile(r"(?:the\s+)?\d{3}0s", re.IGNORECASE)
_DECADE_VERB = re.compile(r"\s+(?:saw|were|was|brought|began|ended|had|witnessed)\b")


def _names_a_thing(text: str, timex: TimeExpression) -> bool:
    """Is ``timex`` a bare year written as part of the name of a treaty, a war, a row ("the 1973 Itaipu
    Treaty", "the 1990s war")? Such a year dates that thing, and does not carry to the sentences after
    it."""
    after = text[timex.end : timex.end + 2]
    if after[:1] != " " or not after[1:2].isalpha():
        return False
    if timex.text[:4].lower() == "the " and _DECADE_THING.fullmatch(timex.text):
        return after[1:2].islower() and not _DECADE_VERB.match(text, timex.end)
    return (
        re.fullmatch(r"\d{4}", timex.text) is not None
        and _THING_BEFORE.search(text[max(0, timex.start - 8) : timex.start]) is not None
    )


# Words of the name a year begins ("the 1973 Itaipu Treaty", "the 2007 row"), up to the act's word.
_NAME_WORDS = re.compile(r"(?:\s+[\w'’-]+){0,4}\s+")
# A time frame the thing gives: "during the 2008 war", "after Russia's 2022 invasion".
_FRAME_BEFORE = re.compile(
    r"\b(?:in|during|after|before|since|until|amid|throughout|following)\s+(?:the|[\w'’-]+['’]s)\s+$", re.I
)
# Between the act's word and the year of the thing it acts on: "signed the 1973 Treaty", "ratified its".
_OBJECT_GAP = re.compile(r"\s+(?:[\w-]+\s+)?(?:the|its|their|his|her|[\w'’-]+['’]s)\s+", re.I)


def _names_another_thing(sentence: Sentence, hit: Span, timex: TimeExpression) -> bool:
    """Is ``timex`` a year naming a thing (:func:`_names_a_thing`) of which the act at ``hit`` is not the
    head ("the talks on the 1973 Itaipu Treaty would remain frozen", against "signed the 1973 Itaipu
    Treaty")? It dates the thing, not the act."""
    base = sentence.start
    local = replace(timex, start=timex.start - base, end=timex.end - base)
    if not _names_a_thing(sentence.text, local) or hit.start <= local.start < hit.end:
        return False  # not a thing's year, or one inside the act's own words ("signed the 1973 Treaty")
    if _FRAME_BEFORE.search(sentence.text, 0, local.start):
        return False  # "during the 2008 war, jets bombed ...": the thing is the time the act is told in
    if hit.start >= local.end:
        return not _NAME_WORDS.fullmatch(sentence.text, local.end, hit.start)
    return not _OBJECT_GAP.fullmatch(sentence.text, hit.end, local.start)  # "signed the 1973 Treaty"


def _anterior(text: str, timex: TimeExpression) -> bool:
    """Is ``timex`` the date of a relative clause in the past perfect ("the plan he had proposed in Sochi
    in May this year")? It describes a thing from before the time the story is at, and does not carry to
    the sentences after it."""
    return in_anterior_clause(text, timex.start)


def _dates_the_anniversary(sentence: Sentence, hit: Span, timex: TimeExpression, mark: int) -> bool:
    """Does the date belong to the anniversary ("In 2019 ... celebrated the 50th anniversary of X") rather
    than to X itself ("the 50th anniversary of relations, established on 15 August 1974")?"""
    at = timex.start - sentence.start
    if at < mark:
        return True
    between = sentence.text[hit.end : at]
    return bool(re.search(r"\b(marked|celebrated|commemorated|observed|held)\b", between, re.IGNORECASE))


def _shift_years(value: TimeValue, years: int) -> TimeValue | None:
    if value.start is None or value.end is None:
        return None
    start, end = minus_years(value.start, years), minus_years(value.end, years)
    y, rest = value.edtf[:4], value.edtf[4:]
    edtf = (
        f"{int(y) - years:04d}{rest}"
        if y.isdigit() and "/" not in rest
        else f"{start.isoformat()}/{end.isoformat()}"
    )
    return TimeValue(edtf, start, end, value.granularity, "inferred")


def _span_between(first: TimeValue, last: TimeValue) -> TimeValue:
    """From the start of ``first`` to the end of ``last`` (a dynamic that began then and lasted until)."""
    if first.start is None or last.end is None or first.start > last.end:
        return last
    edtf = f"{first.edtf.split('/')[0]}/{last.edtf.split('/')[-1]}"
    return TimeValue(edtf, first.start, last.end, "interval", "inferred")


# "Two months after Macron's trip, …", "Three days later, …": the date of the context, moved on.
_LATER = re.compile(
    r"^\W*(\w+(?:-\w+)?)\s+(day|week|month|year)s?\s+(?:later\b|after\b[^,;]{0,60},)", re.IGNORECASE
)


# A chronology item that starts with its year: "- 1963 – Diplomatic relations established (14 December)."
_ITEM_YEAR = re.compile(r"^\W{0,3}(1[6-9]\d\d|20\d\d)\b")


# A line that is only a year, or a heading with one ("2011", "## 2011", "2011:"): the section's year.
_YEAR_LINE = re.compile(r"(?m)^[#*\s]*(1[6-9]\d\d|20\d\d)\s*[:–—-]?[*\s]*$")


def _section_year(text: str, start: int) -> int | None:
    """The year of the section a sentence is in, when the document heads its sections with years."""
    found = None
    for m in _YEAR_LINE.finditer(text, 0, start):
        found = int(m.group(1))
    return found


def _in_item_year(text: str, timex: TimeExpression, section: int | None = None) -> TimeExpression:
    """A day or month without a year inside a chronology item, or under a year heading, is of that year,
    not of the story's date."""
    m = _ITEM_YEAR.match(text)
    value = timex.value
    year = int(m.group(1)) if m else section
    if year is None or re.search(r"\d{4}", timex.text) or value.granularity not in ("day", "month"):
        return timex
    if not value.start:
        return timex
    if value.granularity == "month":
        shifted = month_value(year, value.start.month, "inferred")
    else:
        try:
            shifted = day_value(value.start.replace(year=year), "inferred")
        except ValueError:  # 29 February
            return timex
    return TimeExpression(timex.text, timex.start, timex.end, shifted)


# "Later that year a row escalated …" after a sentence dated to a month: some time in that year
_LATER_THAT_YEAR = re.compile(r"\W*(?:later|earlier)\s+(?:that|the\s+same)\s+year\b", re.IGNORECASE)


def _later(text: str, value: TimeValue) -> TimeValue:
    if _LATER_THAT_YEAR.match(text) and value.start is not None and value.granularity in ("month", "day"):
        return year_value(value.start.year, "inferred")
    m = _LATER.match(text)
    n = number(m.group(1)) if m else None
    if not m or not n:
        return value
    return _moved(value, n, m.group(2).lower())


# "His visit came 19 months after Lula's trip to Beijing in April 2023", "expelled the envoy a week
# before the vote on 3 May": the act is that long after (before) the date that follows.
_APART = re.compile(r"\b([\w-]+)\s+(day|week|month|year)s?\s+(after|before)\b[^.;:]{0,80}$", re.IGNORECASE)


def _apart(sentence: Sentence, hit: Span, chosen: TimeExpression) -> TimeValue | None:
    """The date of an act told as so long after or before another's date, which follows it."""
    at = chosen.start - sentence.start
    m = _APART.search(sentence.text, hit.end, at) if at >= hit.end else None
    n = number(m.group(1)) if m else None
    if not m or not n:
        return None
    return _moved(chosen.value, n if m.group(3).lower() == "after" else -n, m.group(2).lower())


# "Japan protested on Tuesday after Russia announced it was leaving the talks": the act of an after-clause
# that follows the day of the main clause came before it, that day or in the days before. (The act comes
# before any comma that may close the clause: in "On 7 May, after the talks failed, the army shelled the
# town" the shelling is the day's.)
_AFTER_GAP = re.compile(r"[^.;:]{0,60}?\bafter\b[^.;:,]{0,120}", re.IGNORECASE)


def _before_the_day(sentence: Sentence, hit: Span, chosen: TimeExpression) -> TimeValue | None:
    """The week up to the day of the main clause, for an act told in a clause opened by "after"."""
    day, end = chosen.value.start, chosen.end - sentence.start
    if chosen.value.granularity != "day" or day is None or hit.start < end:
        return None
    if _AFTER_GAP.fullmatch(sentence.text, end, hit.start) is None:
        return None
    week = day - dt.timedelta(days=7)
    return TimeValue(f"{week.isoformat()}/{day.isoformat()}", week, day, "interval", "inferred")


def _moved(value: TimeValue, n: int, unit: str) -> TimeValue:
    """``value`` moved on ``n`` days, weeks, months or years (back when ``n`` is negative)."""
    if value.start is None:
        return value
    if unit == "year":
        return year_value(value.start.year + n, "inferred")
    if unit == "month" and value.granularity in ("month", "day"):
        y, mo = add_months(value.start.year, value.start.month, n)
        return month_value(y, mo, "inferred")
    if unit in ("day", "week") and value.granularity == "day":
        return day_value(value.start + dt.timedelta(days=n * (7 if unit == "week" else 1)), "inferred")
    return value


# A time that opens the sentence ("Later that year a row escalated into a trade war, with Serbia banning
# Croatian goods", "In 2015, ...") sets the time of all its acts, those of its with-clauses too.
_OPENS = re.compile(r"\W*(?:(?:and|but|then|later|earlier|also|so)\s+)?", re.IGNORECASE)


def owned_timexes(
    parse: Any, sentence: Sentence, timexes: list[TimeExpression], start: int
) -> list[TimeExpression]:
    """The sentence's time expressions that can date the act whose word starts at ``start``: not those
    of a clause describing a participant ("X, who arrived on Sunday, held talks")."""
    if parse is None:
        return timexes
    word = word_at(parse, start)
    if word is None:
        return timexes
    base = sentence.start
    return [
        t
        for t in timexes
        if governs(parse, word, t.start - base, t.end - base)
        or _OPENS.fullmatch(sentence.text, 0, t.start - base)
    ]


def own_phrase_first(
    parse: Any, sentence: Sentence, span: Span, timexes: list[TimeExpression]
) -> list[TimeExpression]:
    """The time expressions written inside the act's own phrase ("sovereignty was transferred on 27
    December 1949"), when there are any: they date it before any nearer one of a coordinated clause."""
    phrase = phrase_of(parse, span.start, span.end) if parse is not None else None
    if phrase is None:
        return timexes
    base = sentence.start
    inside = [
        t
        for t in timexes
        if phrase[0] <= t.start - base
        and t.end - base <= phrase[1]
        and not first_since(sentence.text, t, base)  # "the first visit since 2019": not its time
    ]
    return inside or timexes


def event_date(
    doc: Document,
    sentence: Sentence,
    hit: Span,
    s_timex: list[TimeExpression],
    prev_timex: list[TimeExpression],
    anchor: TimeValue | None,
    occasion: TimeValue | None = None,
    section: TimeValue | None = None,
) -> TimeValue | None:
    """The date of an act at ``hit``: a time expression of its sentence (a chronology item's own, the
    nearest, shifted for anniversaries and spans), else the paragraph's latest, else the date heading its
    chronology section, else (news) the week before the story's date, else the date of the occasion the
    document is about."""
    if s_timex and all(_names_another_thing(sentence, hit, t) for t in s_timex):
        return None  # the sentence dates only the thing the act is about: the act's own time is unknown
    chosen = _pick_timex(sentence, hit, s_timex)
    if chosen is not None:
        chosen = _in_item_year(sentence.text, chosen, _section_year(doc.text, sentence.start))
    carried = [
        t
        for t in prev_timex
        if t.value.granularity not in _VAGUE
        and not _names_a_thing(doc.text, t)
        and not _anterior(doc.text, t)
        and not _SINCE_BEFORE.search(doc.text, max(0, t.start - 70), t.start)
        and not _AHEAD.search(doc.text, max(0, t.start - 60), t.start)
    ]
    if chosen is not None:
        start_of = chosen.value.start
        gap = sentence.text[chosen.end - sentence.start : hit.start]
        if chosen.value.granularity == "open" and start_of and re.match(r"\s*,\s*when\b", gap):
            # "no relations since 1978, when Bolivia broke them off": the when-clause is the start
            return year_value(start_of.year, chosen.value.basis)
        anniversary = _ANNIVERSARY.search(sentence.text[: hit.start])
        if anniversary and _dates_the_anniversary(sentence, hit, chosen, anniversary.start()):
            return _shift_years(chosen.value, int(anniversary.group(1)))
        if (apart := _apart(sentence, hit, chosen)) is not None:
            return apart
        if (before := _before_the_day(sentence, hit, chosen)) is not None:
            return before
        until = _UNTIL.search(
            sentence.text[: chosen.start - sentence.start] + chosen.text.split(" ")[0] + " "
        )
        if until and carried and hit.start < chosen.start - sentence.start:
            return _span_between(carried[-1].value, chosen.value)  # "...continued until the nineties"
        return chosen.value
    if carried:
        return _later(sentence.text, carried[-1].value)
    if section is not None:
        return section  # told below a chronology's dated heading
    if anchor is not None and doc.kind == "news" and anchor.granularity != "day" and anchor.start:
        return anchor  # the story's month (or week): as precise as its date can be
    if anchor is not None and doc.kind == "news" and anchor.granularity == "day" and anchor.start:
        return _week_up_to(anchor.start)
    return occasion if not s_timex else None  # "years ago": a time of its own, however vague


_WEEK_BEFORE = 6  # days before a story's or a post's date that are still its news


def _week_up_to(day: dt.date) -> TimeValue:
    """The week up to ``day`` (its own day and the six before), inferred: when an undated act of a story,
    a report or a blog post dated ``day`` happened."""
    week = day - dt.timedelta(days=_WEEK_BEFORE)
    return TimeValue(f"{week.isoformat()}/{day.isoformat()}", week, day, "interval", "inferred")


_OCCASION_DAYS = 7  # the longest span a title may give as the days of one occasion (a visit, a summit)


def title_days(doc: Document, timexes: list[TimeExpression]) -> TimeValue | None:
    """The days a readout's title gives its occasion ("Visit of the Minister to Nepal (January 04-05,
    2024)"): a day, or a span of up to a week, written in the title (basis inferred for the acts it
    dates); None for a title with no such date ("Relations 2019-2024")."""
    at = doc.text.find(doc.title) if doc.title else -1
    if doc.title is None or at < 0:
        return None
    for t in timexes:
        value = t.value
        inside = at <= t.start and t.end <= at + len(doc.title)
        short = value.start and value.end and (value.end - value.start).days <= _OCCASION_DAYS
        if inside and value.basis == "explicit" and short:
            return TimeValue(value.edtf, value.start, value.end, value.granularity, "inferred")
    return None


def occasion_days(doc: Document, day: TimeValue) -> TimeValue:
    """The days an undated act of a page dated ``day`` is of: that day in an issuer's own record (a
    readout, a joint statement, a briefing), the week up to it in another page (a report its layout does
    not mark as news: "had recently imposed a ban", "has recalled its ambassador")."""
    if day.granularity != "day" or day.start is None or (doc.title and ISSUER_TITLE.search(doc.title)):
        return day
    return _week_up_to(day.start)


def post_news_days(doc: Document, timexes: list[TimeExpression], anchor: TimeValue | None) -> list[int]:
    """Where a blog post dated to a day tells a day of the week up to its date against that date ("On
    Monday Erdoğan landed in Baghdad", "yesterday"): the offsets of those expressions. A post tells its
    news by such days; what it recalls it dates by months and years."""
    if doc.kind != "blog" or anchor is None or anchor.granularity != "day" or anchor.start is None:
        return []
    first = anchor.start - dt.timedelta(days=_WEEK_BEFORE)
    return [
        t.start
        for t in timexes
        if t.value.basis == "relative"
        and t.value.granularity == "day"
        and t.value.start is not None
        and first <= t.value.start <= anchor.start
    ]


def post_week(
    doc: Document, sentence: Sentence, told: list[int], anchor: TimeValue | None
) -> TimeValue | None:
    """The week up to a blog post's date, for the undated acts of a paragraph that tells one of its days
    (``told``, from ``post_news_days``) or follows one that does ("On Monday Erdoğan landed in Baghdad …
    // What came out of it? The two governments signed 26 agreements"); None elsewhere in the post."""
    if not told or anchor is None or anchor.start is None:
        return None
    paragraph = doc.text.rfind("\n\n", 0, sentence.start)
    before = doc.text.rfind("\n\n", 0, paragraph) if paragraph > 0 else -1
    first = before + 2 if before >= 0 else 0
    if not any(first <= at < sentence.end for at in told):
        return None
    return _week_up_to(anchor.start)


def chronology_headings(doc: Document, timexes: list[TimeExpression]) -> dict[int, TimeValue]:
    """The short lines that head a chronology's sections with a date ("- July 6: trade war -"), by the
    offset of their sentence: the acts told below one, up to the next heading, are of its date. Only in a
    document with at least two such dates (one may be a story's dateline)."""
    chronology = [t for t in timexes if opens_chronology_line(doc.text, t.start, t.end)]
    if len(chronology) < 2:
        return {}
    starts = [s.start for s in doc.sentences]
    headings = {}
    for t in chronology:
        i = bisect_right(starts, t.start) - 1
        sentence = doc.sentences[i] if i >= 0 else None
        if sentence is not None and t.start < sentence.end and is_heading(doc, sentence):
            headings[sentence.start] = t.value
    return headings


_TEXT_END = re.compile(r"\s*\Z")


def is_heading(doc: Document, sentence: Sentence) -> bool:
    """A sentence that is a whole short paragraph without a full stop: a heading."""
    text = doc.text
    alone = (sentence.start == 0 or text.endswith("\n\n", 0, sentence.start)) and (
        text.startswith("\n\n", sentence.end) or _TEXT_END.match(text, sentence.end) is not None
    )
    ends_sentence = sentence.text.rstrip().endswith((".", "!", "?", '"', "”"))
    return alone and len(sentence.text) <= 90 and not ends_sentence
