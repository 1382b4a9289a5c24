"""Figures: trade, investment and arms values, growth rates and ranks, each with its source sentence.

For every quantity in a sentence (:mod:`dyad.extract.quantities`) the kind comes from cue words in the
narrowest scope around it (its parenthesis, its clause, the sentence); the direction from the roles of
the countries named there (:mod:`dyad.extract.figure_roles`); the year from the nearest time expression
that is not a comparison base ("over the previous year", "compared with 2017", "their level in 2014"),
else the year of the paragraph's previous figure or last explicit year. A change has a span: "tripled in
the decade that followed", "has since multiplied", "triple their level in 2014".

Conventions where ARCHITECTURE.md is silent: money lent, given or forgiven between the two (credits,
loans, aid, debt, write-offs) and goods hit by tariffs are kind ``other``; a fall is a negative growth
rate; a bare superlative ("India's largest arms supplier") is rank 1; a target ("a goal of $30 billion by
2025") is no figure; a conversion in parentheses ("50 billion rupees ($664 million)") is the same figure
again in the other currency; a figure with only the context's year that the document states elsewhere
with its own year (a headline) is dropped.

Direction conventions (ARCHITECTURE.md): export/import ``from`` = reporter, ``to`` = partner (``None``
for a total with the world); investment/arms ``from`` = origin, ``to`` = destination; the other kinds an
unordered pair.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from dyad.extract.event_dates import chronology_headings, is_heading
from dyad.extract.figure_roles import (
    COUNTRY_FORMS,
    NOUN_FORMS,
    Ref,
    Scope,
    Sent,
    find_parens,
    find_refs,
    ordered_sides,
    pair_sides,
    sentence_scopes,
)
from dyad.extract.mentions import Mention
from dyad.extract.quantities import (
    Quantity,
    currency_choices,
    currency_countries,
    find_fractions,
    find_quantities,
    parse_number_words,
)
from dyad.models import Document, Figure, Source, TimeExpression, TimeValue

__all__ = ["extract_figures"]

LOGGER = logging.getLogger(__name__)

_I = re.IGNORECASE
# ---------------------------------------------------------------- cue words
_ARMS = re.compile(
    r"\b(?:arms|weapon\w*|armament\w*|munitions|military\s+(?:equipment|hardware|aircraft|purchases?|supplies|"
    r"vehicles|helicopters|contracts?|deals?|sales|imports|exports)|defen[cs]e\s+(?:equipment|hardware|systems?|"
    r"contracts?|deals?)|helicopters?|fighter\s+(?:jets?|planes?|aircraft)|fighters|jets|tanks|missiles?|"
    r"warships?|frigates?|submarines?|rifles|air[- ]defen[cs]e\s+systems?|combat\s+aircraft)\b",
    _I,
)
# airliners are no arms: "a purchase of 50 737 MAX jets", "Airbus A320 jets", "passenger jets"
_CIVIL_BEFORE = re.compile(
    r"(?:\b(?:passenger|commercial|civil(?:ian)?|business|cargo|private|wide-?body|narrow-?body)\s+"
    r"|\b(?:Boeing|Airbus|Embraer|Bombardier|COMAC|ATR)\s+(?:[\w-]+\s+){0,2}"
    r"|\b(?:7[0-9]7|A3[0-9]{2}|MAX|Dreamliners?)\s+)$"
)


def _arms_cues(text: str) -> Iterator[re.Match[str]]:
    """The words for arms in a text, not jets that are airliners."""
    for m in _ARMS.finditer(text):
        if not (m.group().lower() in ("jets", "jet") and _CIVIL_BEFORE.search(text, 0, m.start())):
            yield m


_KIND_CUES = (
    ("other", re.compile(r"\b(?:trade\s+)?(?:deficit|surplus|balance)\b", _I)),
    # money lent, given or forgiven between the two, goods hit by tariffs, and losses: kind other
    (
        "aid",
        re.compile(
            r"\b(?:debts?|loans?|lines?\s+of\s+credit|credit\s+lines?|credits?|aid|assistance|subsid(?:y|ies)|"
            r"grants?|donations?|relief|humanitarian|compensation|bailout|write-?offs?|wr(?:ote|ites?|itten)\s+off|"
            r"forg(?:a|i)ven?|"
            r"(?:tariffs?|duties|sanctions)\s+on|los(?:e|es|ing|t|ses?)|"
            # "extends bilateral support of about USD 1 billion", "the 15 billion yuan currency swap"
            r"(?:financial|bilateral|budget(?:ary)?)\s+support|support\s+(?:of|worth)|(?:currency\s+)?swaps?)\b",
            _I,
        ),
    ),
    # money one side pays or spends: "Brazil pays Paraguay $360 million a year", "paying Singapore S$15
    # million in abortive costs", "has spent $100 million on the clean-up", "leases … at": kind other, unless
    # arms are bought ("will pay $5.4 billion for Russian air defence systems")
    (
        "payment",
        re.compile(
            r"\b(?:pa(?:y|ys|id|ying)|payments?|spen(?:d|ds|t|ding)|costs|leas(?:e|es|ed|ing)|damages)\b"
            # what a project of the two is expected to cost: "a projected cost estimated at $3-4 billion"
            r"|\b(?:projected|estimated)\s+(?:cost|price\s+tag)\b"
            # "will make 200 million euros available for …"
            r"|\bma(?:ke|kes|de|king)\s+[^.;]{0,40}?\bavailable\b"
            # goods one side took from the other: "oil worth about US$815 million had been taken"
            r"|\b(?:seiz(?:e|es|ed|ing)|confiscat(?:e|es|ed|ing)|impound(?:s|ed|ing)?|stolen|"
            r"(?:been|was|were)\s+(?:taken|diverted|withheld))\b",
            _I,
        ),
    ),
    (
        "investment",
        re.compile(
            r"\binvest\w*|\bFDI\b|\bcapital\s+(?:inflows?|flows?|stock)\b|\bpour(?:s|ed|ing)?\b"
            # a stake in a firm or project is an investment: "paid $1.3 billion for a 30% interest in"
            r"|\bpa(?:y|ys|id|ying)\s+[^.;]{0,40}?\bfor\s+(?:a|an|its|the)\s+(?:[\w%.-]+\s+){0,2}"
            r"(?:stake|interest|holding)\b|\b(?:stakes?|shareholdings?)\s+in\b",
            _I,
        ),
    ),
    (
        "export",
        re.compile(
            r"\bexport\w*|\bshipments?\b|\bship(?:s|ped|ping)?\b|\bsales?\s+(?:to|in)\b"
            r"|\bsold\b|\bsell(?:s|ing)?\s+to\b",
            _I,
        ),
    ),
    ("import", re.compile(r"\bimport\w*|\bpurchas\w*|\bbought\b|\bbuy(?:s|ing)?\b", _I)),
    (
        "trade_total",
        re.compile(
            r"\btrad(?:e|ed|ing)\b(?!\s+(?:agreements?|accords?|deals?|pacts?|treat(?:y|ies)|wars?|polic(?:y|ies)|"
            r"liberali[sz]ation|barriers?|disputes?|fairs?|missions?|unions?|ministers?|ministr(?:y|ies)|negotiations?|"
            r"talks|blocs?|zones?|organi[sz]ation|sanctions?|routes?|offices?))(?<!free\strade)(?<!World\sTrade)"
            r"|\bcommerce\b|\bcommercial\s+exchanges?\b|\bturnover\b|\bexchanges?\s+of\s+goods\b",
            _I,
        ),
    ),
    # amounts that are not figures of the relationship: the nearest of these makes the quantity no figure
    (
        "",
        re.compile(
            r"\b(?:GDP|gross\s+domestic\s+product|budgets?|tax\s+(?:credits?|breaks?)|(?:external|foreign|public|sovereign|"
            r"national|government)\s+(?:debts?|borrowing)|reserves|revenues?|income|salar(?:y|ies)|wages?|remittances|"
            r"fines?|capitali[sz]ation|tourists?|tourism|population|inhabitants|people|deaths?|"
            r"casualties|kilomet(?:er|re)s?|miles|"
            # money claimed in a dispute, not money that moved: "brought a claim of $10 billion against"
            r"claims?\s+(?:of|for|worth)|(?:claim\w*|su(?:e|es|ed|ing)|seek\w*|sought|demand\w*)\b[^.;]{0,60}damages)\b",
            _I,
        ),
    ),
)
_GROWTH = re.compile(
    r"\b(?:gr[eo]w(?:s|n|th|ing)?|increas\w*|ris(?:e|es|ing|en)|rose|jump\w*|surg\w*|soar\w*|climb\w*|"
    r"expan\w*|boost\w*|gain\w*|up|doubl\w*|tripl\w*|quadrupl\w*|fold|higher|more|multipl\w*|rebound\w*|"
    r"swell\w*|leapt|leap\w*|(?P<neg>fell|fall\w*|declin\w*|decreas\w*|drop\w*|dipped|plung\w*|slump\w*|"
    r"contract\w*|shr[ua]nk\w*|down|reduc\w*|lower|less|slip\w*|slid\w*|sank|sink\w*|sunk|eas(?:ed|ing)|"
    r"tumbl\w*|plummet\w*|dwindl\w*|retreat\w*|shed|los[st]|losing|collaps\w*))\b",
    _I,
)
_SHARE = re.compile(r"\bshare\b|\baccount(?:s|ed|ing)?\s+for\b|\brepresent\w*", _I)
_ECONOMIC = re.compile(
    r"\b(?:trad\w+|export\w*|import\w*|invest\w*|FDI|commerc\w*|turnover|sales|shipments|"
    r"arms|weapons|purchases)\b",
    _I,
)
_RATE_BLOCKERS = re.compile(
    r"\b(?:inflation|unemployment|interest\s+rates?|tariffs?|dut(?:y|ies)|GDP|gross\s+domestic\s+product|"
    r"economy|poverty|prices?|population|votes?|approval|turnout|wages?|salar(?:y|ies)|budget|debt|"
    r"stock\s+market|currency|peso|yuan|ruble|rouble|lira|real|dollar|euro)\b",
    _I,
)
_REFERENCE = re.compile(r"\b(?:this|that|the|which)\s+(?:figure|amount|value|volume|sum|number)\b", _I)
_RANK_CUE = re.compile(
    r"\b(?:partners?|markets?|exporters?|importers?|investors?|suppliers?|buyers?|"
    r"destinations?|economy|economies|trad\w+|exports?|imports?|sources?)\b",
    _I,
)
# A rank is a figure of the pair when a partner noun follows ("ninth-largest trading partner", "5th among
# Turkey's export markets") or a verb says so ("ranked 31st"), and not a rank in the world.
_RANK_NOUN_AFTER = re.compile(
    r"^[\s-]*(?:(?:largest|biggest|most\s+important|main|leading|top|highest)\s+)?(?:single\s+)?"
    # the words between may be an abbreviation with stops: "the eighth-largest U.S. trading partner"
    r"(?:[\w'’-]+(?:\.[\w'’-]+)*\.?\s+){0,4}?(?:partners?|markets?|exporters?|importers?|investors?|"
    r"suppliers?|buyers?|customers?|clients?|destinations?|sources?|origins?|creditors?|lenders?|providers?|"
    r"purchasers?)\b",
    _I,
)
_RANK_VERB_BEFORE = re.compile(r"\b(?:rank(?:s|ed|ing)?|placed|position(?:ed)?)\s+(?:\w+\s+){0,2}$", _I)
_WORLD_RANK = re.compile(
    r"\bworld['’]s?\s+(?:[\w-]+\s+)?$|^[\w\s-]{0,40}?\b(?:in|of)\s+the\s+world\b(?!['’])", _I
)
_SUPERLATIVE = re.compile(
    r"largest|biggest|main|principal|leading|top|foremost|most\s+important|number[\s-]one", _I
)
# A change, not a level: "grew by $2 billion", "up 17.9 percent ($49.2 billion)".
_DELTA = re.compile(
    r"\b(?:increas|gr[eo]w|rose|ris|fell|fall|declin|decreas|dropp|jump|climb)\w*\s+by\s*$"
    r"|(?:%|\bper\s?cent|\bpercent)\s*\(\s*[+-]?\s*$",
    _I,
)
# money given: "has committed $1.4 billion", "pledged some €500 million" (unless to invest or to buy)
_PLEDGED = re.compile(
    r"\b(?:commit(?:s|ted)|pledg(?:es|ed)|promis(?:es|ed)|donat(?:es|ed)|grant(?:s|ed)|provid(?:e|es|ed|ing))"
    r"\s+(?:[\w-]+\s+){0,2}$",
    _I,
)
_MARKET_KINDS = ("investment", "export", "import", "trade_total")
_LEVEL = re.compile(r"\b(?:reach\w*|to|stood\s+at|totall?ing|amounting\s+to|hitting|hit)\s*$", _I)
# ---------------------------------------------------------------- years
# A comparison base ("over the previous year", "compared with 2017", "from 2017") is not a figure's year.
_BASE_BEFORE = re.compile(
    r"\b(?:compared\s+(?:with|to)|than(?:\s+in)?|relative\s+to|versus|vs\.?|against|since)\s+"
    r"(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?$",
    _I,
)
# "nearly triple their level in 2014", "back to the level of 2010": the year of the level compared with
_BASE_LEVEL = re.compile(r"\b(?:(?:its|their)\s+(?:[\w-]+\s+)?|the\s+)levels?\s+(?:(?:in|of|at)\s+)?$", _I)
# the year of the level a change started from: "slumped to $1.5 billion from more than $2.5 billion a decade
# ago" (a base for the other amounts, the own year of that level)
_BASE_FROM_AMOUNT = re.compile(
    r"\bfrom\s+(?:(?:more|less)\s+than\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|over\s+|under\s+)?"
    r"[^\s\d]{0,3}\d[\d.,]*(?:\s*(?:bn|billion|million|mn|trillion|per\s?cent|percent|%))?"
    r"(?:\s+(?:a|per)\s+year)?\s+(?:in\s+)?$",
    _I,
)
_OWN_BASE_GAP = re.compile(r"(?:\s+(?:a|per)\s+year)?\s+(?:in\s+)?", _I)
# "the largest since its inception in 1974", "since relations were restored in 1992": the start of a span
_BASE_SINCE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,4}(?:in\s+)?$", _I)
_BASE_WEAK = re.compile(r"\b(?:over|from|on)\s+(?:the\s+)?$", _I)  # a base unless a period: "over 2010-2015"
_SAME_PERIOD_BEFORE = re.compile(
    r"\b(?:figure|level|value|total|than|compared\s+(?:with|to)|from|over|on|against|above|below)\s+"
    r"(?:for\s+|in\s+|of\s+)?(?:the\s+)?same\s+(?:period|quarter|months?|half)\s+(?:of\s+)?(?:the\s+)?$",
    _I,
)
_BASE_TEXT = re.compile(r"^(?:since|compared)\b", _I)
# "on the year before" read as one expression: a base as "on the previous year" is
_BASE_WEAK_TEXT = re.compile(r"^(?:from|over|on)\b", _I)
_RELATIVE_YEAR = re.compile(r"\b(?:previous|preceding|last|earlier|prior|same)\b|\byear\s+before\b", _I)
# a change told right before "on" and a bare year: "a rise of 9 percent on 2018", "up 12% on 2022"
_CHANGE_ON = re.compile(
    r"(?:%|\bper\s?cent|\b(?:up|down|higher|lower))\s+(?:(?:higher|lower|up|down)\s+)?on\s+$", _I
)
_LAST_YEARS = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(?:last|past|previous|preceding)\s+"
    r"(?:(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+years|(?P<decade>decade))\b",
    _I,
)
# forward from the year in view: "in the decade that followed", "over the next five years"
_NEXT_YEARS = re.compile(
    r"\b(?:in|over|during|within|for)\s+the\s+(?:(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+years|(?P<decade>decade))\s+"
    r"(?:that|which)\s+followed\b"
    r"|\b(?:in|over|during|within|for)\s+the\s+(?:following|next|subsequent|ensuing)\s+"
    r"(?:(?P<n2>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+years|(?P<decade2>decade))\b",
    _I,
)
# up to the latest data: "it has since multiplied", "has tripled since then"
_SINCE_THEN = re.compile(r"\b(?:has|have|had)\s+since\b|\bsince\s+then\b|\bever\s+since\b", _I)
# a growth that ends at a level: "slipping 12 percent to around $76 billion last year" takes that level's year
_TO_LEVEL = re.compile(r"\s*,?\s*to\s+\S", _I)
# an anaphoric year the figure's own context resolves better: "in July of that year"
_THAT_YEAR = re.compile(r"\b(?:that|the\s+same)\s+year\b", _I)
_PART_OF_YEAR = re.compile(
    r"\b(?:in|during|for|over)\s+the\s+(?P<n>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+"
    r"(?P<unit>quarter|half)\b(?!\s+of\b|\s+(?:1[89]|20)\d\d)",
    _I,
)
_PART_INDEX = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_SAME_PERIOD = re.compile(r"\b(?:same\s+(?:period|quarter|months?|half)|year\s+earlier)\b", _I)
# a target is not an observed value: "a goal of raising it to $30 billion", "agreed to raise trade to …"
_TARGET = re.compile(
    r"(?:\b(?:targets?|goals?|aims?|objectives?|ambitions?)\s+(?:of|to|for|is|was)\b"
    r"|\b(?:agree[sd]?|pledg\w+|vow\w*|promis\w+|plan(?:s|ned)?|aim(?:s|ed|ing)?|seek(?:s|ing)?|sought|"
    r"hop(?:es?|ed|ing)|want(?:s|ed)?|intend(?:s|ed)?|expect(?:s|ed)?)\s+to\s+(?:raise|boost|increase|double|"
    r"triple|lift|bring|expand|take|grow|reach|push)\b)[^;:,.]{0,60}$"
    # the change itself is the amount: "agreed to double trade by 2030"
    r"|\b(?:agree[sd]?|pledg\w+|vow\w*|promis\w+|plan(?:s|ned)?|aim(?:s|ed|ing)?|seek(?:s|ing)?|sought|"
    r"hop(?:es?|ed|ing)|want(?:s|ed)?|intend(?:s|ed)?)\s+to\s*$",
    _I,
)
# a forecast is not an observed value either: "expect trade to top $10 bn by 2025", "is set to reach"
_FORECAST = re.compile(
    r"\b(?:expect\w*|forecast\w*|project(?:ed|ions?)|predict\w*|estimated\s+to|set\s+to|(?:is|are)\s+to|"
    r"plan(?:s|ned|ning)?\s+to|intend(?:s|ed|ing)?\s+to|"
    # an offer: "our willingness to consider extending a line of credit", "offered to lend"
    r"willing(?:ness)?\s+to|consider(?:s|ed|ing)?\s+\w+ing|offer(?:s|ed|ing)?\s+to|(?:ready|prepared)\s+to|"
    # "may" in lower case: "until May 2020" is a month
    r"will|would|could|(?-i:may)|might|should|likely\s+to|on\s+track\s+to|poised\s+to|ceiling|cap(?:ped)?)\b"
    r"[^;:.]{0,60}$",
    _I,
)
# a conversion in parentheses: "50 billion rupees ($664 million)"
_CONVERSION = re.compile(
    r"\s*[(\[]\s*(?:(?:or|about|around|roughly|some|approximately|i\.e\.|equivalent\s+to)\s+)*$", _I
)
_FALLBACK_YEARS = re.compile(
    r"\b(?:between\s+(?P<a>1[89]\d\d|20\d\d)\s+and\s+(?P<b>1[89]\d\d|20\d\d)"
    r"|from\s+(?P<c>1[89]\d\d|20\d\d)\s+(?:to|until)\s+(?P<d>1[89]\d\d|20\d\d)"
    r"|(?P<e>1[89]\d\d|20\d\d)\s?[-–]\s?(?P<f>1[89]\d\d|20\d\d)"
    r"|(?:in|by|during|for|until|of|throughout)\s+(?P<y>1[89]\d\d|20\d\d))\b",
    _I,
)
_ORDERED = ("export", "import", "investment", "arms_value")


@dataclass(slots=True)
class _State:
    """What the previous sentences of the paragraph leave for the next: figures, year, subject."""

    paragraph: int = -1
    figures: list[Figure] = field(default_factory=list)
    year: TimeValue | None = None
    subject: str | None = None
    # when the paragraph itself gives none: the year of the previous paragraph's figures, else (news and
    # blogs) the document's date
    fallback_year: TimeValue | None = None
    latest: int | None = None  # the latest year of the document's figures so far: "has since" ends there
    story_year: TimeValue | None = None  # the year of the document's own date, when it speaks of its time
    arms_deal: tuple[str, str] | None = None  # (supplier, buyer) of the arms deal the last deal named was
    earlier: list[Figure] = field(default_factory=list)  # the figures of the paragraphs before

    def carried_year(self) -> TimeValue | None:
        return self.year or self.fallback_year


# ---------------------------------------------------------------- sentence analysis


def _sentence_timexes(
    text: str, offset: int, timexes: list[TimeExpression], starts: list[int]
) -> list[tuple[int, int, TimeValue, bool]]:
    """The sentence's time expressions (sentence offsets), each flagged when it is a comparison base."""
    first, last = bisect_left(starts, offset), bisect_left(starts, offset + len(text))
    found = [
        (t.start - offset, t.end - offset, t.value)
        for t in timexes[first:last]
        if t.end <= offset + len(text)
    ]
    if not found:
        found = [(m.start(), m.end(), v) for m in _FALLBACK_YEARS.finditer(text) if (v := _fallback_value(m))]
    durations = [m.span() for m in _LAST_YEARS.finditer(text)] + [
        m.span() for m in _NEXT_YEARS.finditer(text)
    ]
    out = []
    for start, end, value in found:
        if any(a <= start < b or start <= a < end for a, b in durations):
            continue
        out.append((start, end, value, _is_base(text, start, end, value)))
    return out


_MONTH_NUMBERS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
# twelve months that end with a month: "in the year to September", "the 12 months to June 2020"
_YEAR_TO = re.compile(
    r"\b(?:(?:12|twelve)\s+months|year)\s+(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?"
    r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    _I,
)


def _year_to(m: re.Match[str], doc_date: dt.date | None, state: _State) -> TimeValue | None:
    """The twelve months to the month named: of the year written, else the latest such month before the
    document's date, else of the paragraph's year."""
    month = _MONTH_NUMBERS[m["month"].lower()[:3]]
    if m["year"]:
        year = int(m["year"])
    elif doc_date is not None:
        year = doc_date.year if month <= doc_date.month else doc_date.year - 1
    else:
        carried = state.carried_year()
        if carried is None or carried.end is None:
            return None
        year = carried.end.year
    first = (year - 1, month + 1) if month < 12 else (year, 1)
    last_day = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    edtf = f"{first[0]}-{first[1]:02d}/{year}-{month:02d}"
    return TimeValue(edtf, dt.date(*first, 1), dt.date(year, month, last_day), "interval", "inferred")


def _resolve_in_context(
    text: str,
    found: list[tuple[int, int, TimeValue, bool]],
    state: _State,
    doc_year: TimeValue | None,
    doc_date: dt.date | None = None,
) -> list[tuple[int, int, TimeValue, bool]]:
    """ "of that year" is the paragraph's year; "in the first quarter" (no year) is the quarter after "the
    same period of 2009", else of the document's year, else of the paragraph's; "the year to September"
    is the twelve months to it."""
    for m in _YEAR_TO.finditer(text):
        value = _year_to(m, doc_date, state)
        if value is not None:
            found = [t for t in found if not (t[0] < m.end() and m.start() < t[1])]
            found.append((m.start(), m.end(), value, False))
    out: list[tuple[int, int, TimeValue, bool]] = []
    for start, end, value, base in found:
        if _THAT_YEAR.search(text[start:end]):
            earlier = [v for _a, b, v, _base in out if b <= start and v.basis == "explicit"]
            if earlier:  # "reached $16 billion in 2021–22; exports passed $2 billion that year"
                value = earlier[-1]
            elif state.year and state.year.start:
                value = _span(state.year.start.year, state.year.start.year, "inferred") or value
        out.append((start, end, value, base))
    for m in _PART_OF_YEAR.finditer(text):
        if any(a < m.end() and m.start() < b for a, b, _v, _b in out):
            continue
        same = [
            v for a, b, v, base in out if base and v.start and _SAME_PERIOD.search(text[max(0, a - 30) : b])
        ]
        year_of = same[0].start.year + 1 if same and same[0].start else None
        context = doc_year or state.carried_year()
        year = year_of or (context.start.year if context and context.start else None)
        if year is None:
            continue
        size = 3 if m["unit"].lower() == "quarter" else 6
        index = _PART_INDEX.get(m["n"].lower(), 12 // size)
        first, last = (index - 1) * size + 1, index * size
        edtf = f"{year}-{first:02d}/{year}-{last:02d}"
        stop = dt.date(year, last, 30 if last in (6, 9) else 31)
        value = TimeValue(edtf, dt.date(year, first, 1), stop, "interval", "inferred")  # type: ignore[arg-type]
        out.append((m.start(), m.end(), value, False))
    return sorted(out, key=lambda t: t[0])


def _is_base(text: str, start: int, end: int, value: TimeValue) -> bool:
    """A comparison base: "compared with 2017", "than in 2012", "since 2008", "since its founding in
    1974", "over 2016", "on the previous year"; not a period ("from 2005 to 2008", "over 2010-2015")
    nor a date ("on 24 November")."""
    own = text[start:end]
    before = text[:start]
    if _BASE_BEFORE.search(before) or _BASE_TEXT.match(own) or _BASE_LEVEL.search(before):
        return True
    if _BASE_SINCE.search(before[-60:]) or _BASE_FROM_AMOUNT.search(before[-60:]):
        return True
    if _SAME_PERIOD_BEFORE.search(before[-40:]):
        return True  # "more than double the figure for the same quarter a year earlier"
    weak = _BASE_WEAK.search(text[:start]) or _BASE_WEAK_TEXT.match(own)
    if not weak or "/" in value.edtf.strip("/"):
        return False
    if weak.group(0).lower().startswith("from") and not _GROWTH.search(before):
        return False  # no change told: "imposed bans on $20 billion of exports from 2020" is when it began
    on = weak.group(0).lower().startswith("on")
    bare_year = re.fullmatch(r"(?:on\s+)?(?:19|20)\d\d", own, _I)
    if on and bare_year and _CHANGE_ON.search((before + own[:-4])[-44:]):
        return True  # "a rise of 9 percent on 2018", "up 12% on 2022": the year compared with
    return not on or bool(_RELATIVE_YEAR.search(own))


def _fallback_value(m: re.Match[str]) -> TimeValue | None:
    a, b = m["a"] or m["c"] or m["e"], m["b"] or m["d"] or m["f"]
    if a and b:
        return _span(int(a), int(b), "explicit")
    return _span(int(m["y"]), int(m["y"]), "explicit") if m["y"] else None


def _span(first: int, last: int, basis: str) -> TimeValue | None:
    if first > last or first < 1:
        return None
    edtf = str(first) if first == last else f"{first}/{last}"
    granularity = "year" if first == last else "interval"
    return TimeValue(edtf, dt.date(first, 1, 1), dt.date(last, 12, 31), granularity, basis)  # type: ignore[arg-type]


# ---------------------------------------------------------------- kind


def _distance(q: Quantity, start: int, end: int, text: str) -> float:
    if end <= q.start:
        return q.start - end
    if start >= q.end:
        gap = text[q.end : start]
        linked = re.fullmatch(r"\s*(?:worth\s+of|in|of|in\s+the\s+form\s+of)\s+(?:[\w-]+\s+){0,2}", gap, _I)
        return (start - q.end) * (1 if linked else 2)
    return 0


def _money_kind(q: Quantity, st: Sent, scopes: list[Scope]) -> tuple[str, int] | None:
    """(kind, scope level) from the nearest cue in the narrowest scope that has one."""
    for level, scope in enumerate(scopes):
        masked = _hide(scope.mask(st.text), q)
        cues = []
        balance = [m.span() for m in _KIND_CUES[0][1].finditer(masked)]
        # "our exports to Pakistan were about $2 billion and imports from Pakistan …": the subject of the
        # verb before the amount is its cue; a cue after it begins the next clause
        subject_first = bool(_COPULA_BEFORE.search(masked[: q.start]))
        for kind, pattern in _KIND_CUES:
            for m in pattern.finditer(masked):
                if kind != "other" and any(a <= m.start() < b for a, b in balance):
                    continue
                if subject_first and kind and m.start() >= q.end:
                    continue
                cues.append((_distance(q, m.start(), m.end(), st.text), kind))
        arms = [_distance(q, m.start(), m.end(), st.text) for m in _arms_cues(masked)]
        nearest = min(cues) if cues else None
        if _PLEDGED.search(masked[: q.start]) and not any(k in _MARKET_KINDS for _d, k in cues):
            return "other", level  # "Washington has committed $1.4 billion in helicopters and training"
        aid_first = bool(arms) and nearest is not None and nearest[1] == "aid" and nearest[0] < min(arms)
        if arms and not aid_first and (not nearest or min(arms) <= 60 or min(arms) <= nearest[0]):
            return "arms_value", level  # unless aid is nearer: "military aid worth $300 million" is other
        if nearest:
            kind = "other" if nearest[1] in ("aid", "payment") else nearest[1]
            return (kind, level) if kind else None
        # "agreements worth about $5 billion", "a deal valued at $2.5 billion": a deal right beside the
        # amount (not "under the deal …, India will acquire …, for a total cost of …")
        if any(_distance(q, m.start(), m.end(), st.text) <= 40 for m in _DEAL.finditer(masked)):
            return "other", level
    return None


# a deal named again, whose kind a sentence before gave
_THE_DEAL = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:deals?|contracts?|orders?|sale)\b", _I)
_A_DEAL = re.compile(r"\b(?:deals?|contracts?|orders?)\b", _I)


def _arms_deal(st: Sent, pair: tuple[str, str] | None) -> tuple[str, str] | Literal[False] | None:
    """(supplier, buyer) when the sentence names a deal for arms and who sells to whom; False when it names
    a deal of another kind; None when it names none, or does not say who sells to whom."""
    if not _THE_DEAL.search(st.text) and not _A_DEAL.search(st.text):
        return None
    arms = next(_arms_cues(st.text), None)
    if arms is None or _KIND_CUES[1][1].search(st.text):
        return False  # a deal of something else, or of aid ("military aid")
    cue = Quantity(arms.start(), arms.end(), arms.group(), 0.0, "USD")
    sides = ordered_sides(cue, st, sentence_scopes(st, cue), "arms_value", pair, [])
    if sides is None or sides[2] < 2 or not sides[0] or not sides[1]:
        return None  # an arms deal whose sides it leaves to the sentences around it
    return sides[0], sides[1]


# the value of a deal between the two, when nothing says what flow it is: kind other
_DEAL = re.compile(
    r"\b(?:deals?|agreements?|contracts?|accords?|memorand(?:um|a)|MoUs?)\b(?!\s+(?:on|to|for)\b)", _I
)


_COPULA_BEFORE = re.compile(
    r"\b(?:were|was|are|is|stood\s+at|totall?ed|amounted\s+to|came\s+to)\s+"
    r"(?:(?:worth|valued\s+at|about|around|roughly|nearly|almost|some|over|under|more\s+than|less\s+than|"
    r"just|an\s+estimated)\s+)*$",
    _I,
)


def _hide(masked: str, q: Quantity) -> str:
    return masked[: q.start] + " " * (q.end - q.start) + masked[q.end :]


# a share of a flow keeps the flow's kind: "9.6% of Peru's exports", "a fifth of its imports", "14% of all
# sales abroad", "37 per cent of the industry's export earnings"
_FLOW = (
    r"(?P<flow>export\s+(?:earnings|revenues?|receipts|sales)|exports?|imports?|(?:sales|purchases)\s+abroad|"
    r"(?:foreign\s+)?(?:direct\s+)?investments?|FDI|(?:external\s+|foreign\s+|overseas\s+)?trade|"
    # "16% of everything India imported", "a third of what Chile exports"
    r"(?:everything|what)\s+(?:[\w'’.-]+\s+){0,2}?(?:imported|exported|imports|exports|buys|bought|sells|sold))\b"
)
_SHARE_OF_FLOW = re.compile(r"\s*(?:of|in)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’.-]+\s+){0,3}?" + _FLOW, _I)
# the flow named before its share: "Pakistan's share of Afghanistan's imports fell from 40 per cent",
# "… a third of Australia's exports; in 2023 its share was 32.5 per cent"
_SHARE_WORD = re.compile(r"\bshare\b", _I)
_SHARE_OF_ECONOMY = re.compile(
    r"\s*of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’.-]+\s+){0,2}?(?:GDP|gross\s+domestic\s+product|economy|"
    r"output|budget|population|workforce)\b",
    _I,
)
_SHARE_BEFORE = re.compile(r"\bshare\b[^;:]{0,70}$", _I)
# a share "of the total" when the sentence is about the pair's trade
_OF_THE_TOTAL = re.compile(r"\s*of\s+(?:the|that)\s+total\b", _I)
_BILATERAL = re.compile(r"\b(?:bilateral|two-way)\b", _I)
# the flow that takes the share is the subject: "Mexican exports accounting for roughly 65% of the total"
_FLOW_TAKES = re.compile(
    r"\b" + _FLOW + r"\s+(?:account(?:s|ed|ing)?\s+for|represent(?:s|ed|ing)?|ma(?:de|ke|kes|king)\s+up)\s+"
    r"(?:(?:about|around|roughly|approximately|close\s+to|nearly|almost|some|over|under|just|more\s+than|"
    r"less\s+than)\s+)*$",
    _I,
)
_FLOW_BEFORE = re.compile(r"\b" + _FLOW, _I)
_FLOW_KINDS = {
    "export": "export",
    "sales": "export",
    "sel": "export",
    "sold": "export",
    "import": "import",
    "purchases": "import",
    "bu": "import",
    "bought": "import",
}
_TRADE_FLOW = re.compile(r"(?:\w+\s+)?trade$", _I)


def _flow_kind(flow: str) -> str:
    if _TRADE_FLOW.fullmatch(flow):
        return "trade_total"
    words = flow.lower().split()
    for word in (
        words[-1],
        words[0],
    ):  # "everything India imported": its verb; "sales abroad", "export earnings"
        kind = next((k for stem, k in _FLOW_KINDS.items() if word.startswith(stem)), None)
        if kind:
            return kind
    return "investment"


# the part of a flow a tariff cut covers, told after it in its clause: "will enter the UK duty-free", "will
# face zero tariffs", "are now free of duties"
_FREE_OF_DUTY = re.compile(
    r"[^.;:,]{0,60}?\b(?:(?:duty|tariff|quota)[\s-]free|free\s+of\s+(?:duty|duties|tariffs?)|"
    r"zero[\s-](?:duty|duties|tariffs?))\b",
    _I,
)


def _flow_of_share(q: Quantity, st: Sent) -> tuple[str, int, int] | None:
    """(kind, start, end) of the flow a percentage is a share of: named after it, or named earlier in
    the sentence when the percentage is "its share" of it."""
    if q.unit != "percent":
        return None
    m = _SHARE_OF_FLOW.match(st.text, q.end)
    if m:
        return _flow_kind(m["flow"]), q.end, m.end()
    m = _FLOW_TAKES.search(st.text[: q.start])
    if m:  # "with Mexican exports accounting for roughly 65% of the total"
        return _flow_kind(m["flow"]), max(0, m.start() - 40), m.end("flow")
    if not _SHARE_BEFORE.search(st.text[: q.start]):
        return None
    flows = list(_FLOW_BEFORE.finditer(st.text[: q.start]))
    if not flows:
        return None
    last = flows[-1]
    return _flow_kind(last["flow"]), max(0, last.start() - 40), last.end()


def _share_kind(q: Quantity, st: Sent) -> str | None:
    found = _flow_of_share(q, st)
    return found[0] if found else None


def _share_sides(q: Quantity, st: Sent) -> tuple[str, str | None] | None:
    """A share of a flow: the reporter owns the flow ("of Brazil's exports", "of Peruvian imports"), the
    partner is the other country the sentence names ("China accounted for 32% of Brazil's exports"), or
    where the flow goes or comes from ("20 percent of Peru's imports are from Chile")."""
    found = _flow_of_share(q, st)
    if found is None:
        return None
    _kind, lo, hi = found
    owners = [r for r in st.refs if lo <= r.start < hi and not r.context]
    if not owners:
        return None
    reporter = owners[-1].iso3
    # the partner is named as a country and before the share ("China took", "Russia accounted for"); a
    # company's home ("its subsidiaries exported … 15 percent of Vietnam's exports") is no partner
    others = [
        r
        for r in st.refs
        if r.iso3 != reporter
        and r.start < q.start
        and r.form in ("name", "adjective", "metonym", "historical")
        and not r.context
        and not r.comparison
    ]
    after = [r for r in st.refs if r.start >= hi and r.prep in ("from", "to", "into") and r.iso3 != reporter]
    if others:
        partner: str | None = min(others, key=lambda r: abs(r.start - q.start)).iso3
    else:
        partner = (
            after[0].iso3 if after and not _BOUNDARY_AFTER.search(st.text[hi : after[0].start]) else None
        )
    return reporter, partner


_BOUNDARY_AFTER = re.compile(r"[;:,]")


def _rate_kind(q: Quantity, st: Sent, scopes: list[Scope], state: _State) -> tuple[str, int, float] | None:
    """growth_rate (with the sign of the change) or other (shares, ranks) for percent, factor and rank;
    a share of a flow takes the flow's kind."""
    if q.unit == "percent" and _SHARE_OF_ECONOMY.match(st.text, q.end):
        return None  # "trade accounts for 40% of Nepal's GDP": a share of an economy, not of a flow
    if (
        q.unit == "percent"
        and (m := _SHARE_OF_FLOW.match(st.text, q.end))
        and _FREE_OF_DUTY.match(st.text, m.end())
    ):
        return None  # "99% of India's exports will enter the UK duty-free": what a tariff cut covers, no rate
    if q.unit == "percent" and (flow := _share_kind(q, st)):
        # a share of trade is of the pair's trade only with the partner named: "India accounted for 64% of
        # Nepal's trade", not "80% of Nepal's trade passes through Kolkata"
        sides = _share_sides(q, st) if flow == "trade_total" else None
        if flow != "trade_total" or (sides and sides[1]):
            return flow, 0, 1.0
    if q.unit == "percent" and _held_share(q, st, scopes[-2]):
        return "other", 0, 1.0
    economic = _ECONOMIC.search(st.text) or (_REFERENCE.search(st.text) and state.figures)
    if not economic:
        return None
    for level, scope in enumerate(scopes):
        masked = _hide(scope.mask(st.text), q)
        if q.unit == "rank":
            if _is_rank(q, st, masked):
                return "other", level, 1.0
            continue
        if q.unit == "factor" and level == 0 and re.search(r"\b(?:doubl|tripl|quadrupl)", q.text, _I):
            return "growth_rate", level, 1.0
        growth = sorted((_distance(q, m.start(), m.end(), st.text), m) for m in _GROWTH.finditer(masked))
        rate = growth or (q.unit == "percent" and _SHARE.search(masked))
        if rate and _about_something_else(q, st, masked, state):
            return None
        if growth:
            sign = -1.0 if growth[0][1]["neg"] and q.unit == "percent" else 1.0
            return "growth_rate", level, sign
        if q.unit == "percent" and _SHARE.search(masked):
            return "other", level, 1.0
    return None


_OF_OWNER = re.compile(r"\s*of\s+(?:the\s+|all\s+)?", _I)


def _held_share(q: Quantity, st: Sent, clause: Scope) -> bool:
    """A share of something one side owns that the other side holds, supplies or takes: "Indian nationals
    held nearly 40 per cent of Canadian study permits", "Israeli gas covers 15 per cent of Egypt's
    consumption". The owner is written right after "of" (a possessive or an adjective); the holder is a
    country the clause names before the share, not after a preposition ("In Peru, 40% of Russian …")."""
    owners = [
        r
        for r in st.refs
        if _OF_OWNER.fullmatch(st.text, q.end, r.start)
        and (r.possessive or r.form == "adjective")
        and not r.context
    ]
    if not owners:
        return False
    return any(
        r.end <= q.start
        and clause.sees(r.start, r.end)
        and r.iso3 != owners[0].iso3
        and r.form in ("name", "adjective", "metonym", "historical")
        and r.prep in (None, "and")  # a subject, maybe of a clause after "and"
        and not r.context
        and not r.comparison
        for r in st.refs
    )


def _is_rank(q: Quantity, st: Sent, masked: str) -> bool:
    """A rank among the partners of one of the pair; a bare superlative ("India's largest arms supplier")
    needs two countries named, the ranked one and the one it serves."""
    before, after = st.text[: q.start], st.text[q.end :]
    if _WORLD_RANK.search(before) or _WORLD_RANK.match(after):
        return False
    if _RANK_NOUN_AFTER.match(after):
        if not _SUPERLATIVE.fullmatch(q.text):
            return True
        named = {r.iso3 for r in st.refs if r.form in COUNTRY_FORMS and not r.comparison and r.iso3}
        return len(named) >= 2
    return bool(_RANK_VERB_BEFORE.search(before) and _RANK_CUE.search(masked))


# the words between a noun and a flow its prepositional phrase names: "tariffs on the rest of their imports"
_MODIFIER_OF_HEAD = re.compile(
    r"\s+(?:on|of|for)\s+(?:(?!(?:is|are|was|were|has|have|had)\b)[\w'’-]+\s+){0,4}", _I
)


def _about_something_else(q: Quantity, st: Sent, masked: str, state: _State) -> bool:
    """A rate whose nearest topic is no figure of the relationship: inflation, GDP, tariffs, votes."""
    blockers = list(_RATE_BLOCKERS.finditer(masked))
    topics = [(_distance(q, m.start(), m.end(), st.text), False) for m in blockers]
    # a flow inside the phrase a blocker heads is no topic of its own: "the tariff on the rest of their
    # imports may drop from 25% to 12%" is about the tariff
    heads = [b.end() for b in blockers]
    topics += [
        (_distance(q, m.start(), m.end(), st.text), True)
        for m in _ECONOMIC.finditer(masked)
        if not any(_MODIFIER_OF_HEAD.fullmatch(masked, end, m.start()) for end in heads if end <= m.start())
    ]
    if state.figures:
        topics += [(_distance(q, m.start(), m.end(), st.text), True) for m in _REFERENCE.finditer(masked)]
    return bool(topics) and not min(topics)[1]


# ---------------------------------------------------------------- year


def _year(
    q: Quantity, st: Sent, scopes: list[Scope], kind: str, state: _State
) -> tuple[TimeValue | None, bool]:
    """(year, explicit in the sentence)."""
    stamp = _YEAR_STAMP.match(st.text, q.end) or _LABEL_STAMP.search(st.text[: q.start])
    if stamp:  # "about USD 24 billion (2022)", "Bilateral trade (2022): US$4.2 billion"
        return _span(int(stamp["first"]), int(stamp["last"] or stamp["first"]), "explicit"), True
    stamps = [m.span(1) for m in _STAMP_AFTER_AMOUNT.finditer(st.text)]
    # "the declaration of 25 July 2009, under which Brazil agreed to pay … $360 million"
    if kind != "growth_rate" and (dated := _antecedent_year(q, st)) is not None:
        return dated, True
    own = [v for s, e, v, base in st.timexes if base and _OWN_BASE_GAP.fullmatch(st.text, q.end, s)]
    if own and _FROM_LEVEL.search(st.text[: q.start]):
        return own[0], True  # the level changed from: "from $2.5 billion a decade ago"
    point = None
    for scope in scopes:
        seen = [
            (abs((s + e) / 2 - (q.start + q.end) / 2), e, v)
            for s, e, v, base in st.timexes
            if not base
            and (scope.sees(s, e) or any(a <= s and e <= b for a, b in stamps))
            and not (kind != "growth_rate" and _until(st.text, s, e))
            and not (s >= q.end and _RELATIVE_AFTER.search(st.text, q.end, s))
        ]
        if seen:
            _, end, point = min(seen, key=lambda x: x[0])
            if (
                kind != "growth_rate"
                and end <= q.start
                and point.start
                and point.end
                and point.start.year < point.end.year
                and (point.end - point.start).days > 370  # years, not twelve months to June
                and _LEVEL.search(st.text[: q.start])
            ):
                point = _span(point.end.year, point.end.year, point.basis)  # "..., reaching $20 billion"
            break
    if kind == "growth_rate":
        level_year = _level_year(q, st, scopes[-2])
        point = level_year or point
        for m in _LAST_YEARS.finditer(st.text):
            n = 10 if m["decade"] else (int(m["n"]) if m["n"].isdigit() else parse_number_words(m["n"]))
            end_year = point or state.carried_year()
            if n and end_year and end_year.end:
                last = end_year.end.year
                return _span(last - int(n), last, "inferred"), point is not None
        period = _growth_period(q, st, scopes[-2], point, state)
        if period is not None:
            return period, True
    if point is not None:
        return point, True
    if state.story_year is not None and _STOCK_TO_DATE.search(st.text[: q.start]):
        return state.story_year, False  # "remains the largest investor, with cumulative investment of …"
    now = kind != "growth_rate" and _NOW.search(scopes[-2].mask(st.text)[: q.start])
    if state.story_year is not None and now:
        return state.story_year, False  # "Israeli supplies now cover around 15 per cent of Egypt's gas"
    carried = state.carried_year()
    bases = [v for _s, _e, v, base in st.timexes if base and v.granularity == "year" and v.start]
    if carried is None and kind == "growth_rate" and len(bases) == 1 and bases[0].start:
        year = bases[0].start.year + 1  # "grew 12% over 2016": the change to 2017
        return _span(year, year, "inferred"), False
    return carried, False


# the end of another state of things, not when an amount was paid or traded: "agreed to suspend the project
# until May 2020, with Malaysia paying S$15 million"
_UNTIL = re.compile(
    r"\b(?:until|till)(?:\s+the\s+end\s+of)?(?:\s+(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?(?:\s+\d{1,2},?)?)?\s*$",
    _I,
)


# a relative clause after the amount dates the noun it follows, not the amount: "NPR 1,000 crore for
# reconstruction in the districts, which were struck by an earthquake on November 3, 2023"
_RELATIVE_AFTER = re.compile(r",\s+(?:which|who|whose|where)\b", _I)


# a clause on what a dated instrument did: "the declaration of 25 July 2009, under which …"
_UNDER_WHICH = re.compile(r",\s+(?:under|by|through|in)\s+which\b|,\s+whereby\b", _I)


def _antecedent_year(q: Quantity, st: Sent) -> TimeValue | None:
    """The date of the noun a "…, under which" clause holding the amount follows, when the clause gives the
    amount no date of its own."""
    opened = [
        m
        for m in _UNDER_WHICH.finditer(st.text, 0, q.start)
        if not re.search(r"[;:]", st.text[m.end() : q.start])
    ]
    if not opened:
        return None
    marker = opened[-1]
    dated = [
        (e, v) for s, e, v, base in st.timexes if not base and marker.start() - 40 <= e <= marker.start()
    ]
    stop = re.compile(r"[,;:]").search(st.text, q.end)
    own = [s for s, e, v, base in st.timexes if marker.end() <= s < (stop.start() if stop else len(st.text))]
    return dated[-1][1] if dated and not own else None


def _until(text: str, start: int, end: int) -> bool:
    own = re.match(r"(?:until|till)\b", text[start:end], _I)
    return bool(own or _UNTIL.search(text[:start]))


# a year of its own in parentheses right after an amount dates it, as fact sheets write: "USD 3.1 billion
# (2023)"; the other amounts of the sentence see it too (not a citation's year: "Lee (2019) puts trade at
# …" follows a name)
_YEAR_STAMP = re.compile(r"\s*\((?P<first>(?:19|20)\d\d)(?:\s?[–/-]\s?(?P<last>(?:19|20)\d\d))?\)")
# a label's year in parentheses right before the colon that gives its amount: "Bilateral trade (2022): …"
_LABEL_STAMP = re.compile(r"\((?P<first>(?:19|20)\d\d)(?:\s?[–/-]\s?(?P<last>(?:19|20)\d\d))?\)\s*[:–—]\s*$")
_STAMP_AFTER_AMOUNT = re.compile(
    r"(?:\d|\bbn|\bmn|illions?|\btn)\s*(\((?:19|20)\d\d(?:\s?[–/-]\s?(?:19|20)\d\d)?\))"
)


# a stock counted up to the story's own day, not to the year the paragraphs before were about
_STOCK_TO_DATE = re.compile(
    r"\b(?:cumulative(?:ly)?|to\s+date|so\s+far|up\s+to\s+now|as\s+of\s+(?:today|now))\b[^.;]*$", _I
)


# the time of writing, in the clause of an amount whose own year the sentence does not give
_NOW = re.compile(r"\b(?:now|current(?:ly)?(?!\s+account)|at\s+present)\b(?![\s,]+(?:that|than)\b)", _I)


_YEARS_AHEAD = re.compile(
    r"\b(?:in|over|during|within|for)\s+the\s+(?:next|coming)\s+(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+years\b",
    _I,
)


def _years_ahead(text: str, state: _State) -> TimeValue | None:
    """A plan over "the next four years" spans them from the story's year: 2023/2026 in a 2023 story."""
    m = _YEARS_AHEAD.search(text)
    now = state.story_year
    if m is None or now is None or now.start is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else parse_number_words(m["n"])
    return _span(now.start.year, now.start.year + int(n) - 1, "inferred") if n else None


def _years_of(value: TimeValue | None) -> tuple[int, int] | None:
    return (value.start.year, value.end.year) if value and value.start and value.end else None


def _level_year(q: Quantity, st: Sent, clause: Scope) -> TimeValue | None:
    """ "… before slipping 12 percent to around $76 billion last year": the year of the level reached."""
    if not _TO_LEVEL.match(st.text[q.end :]):
        return None
    after = [
        (s, v) for s, e, v, base in st.timexes if not base and q.end < s <= q.end + 50 and clause.sees(s, e)
    ]
    return min(after, key=lambda t: t[0])[1] if after else None


def _growth_period(
    q: Quantity, st: Sent, clause: Scope, point: TimeValue | None, state: _State
) -> TimeValue | None:
    """The span of a change: "tripled in the decade that followed" (from the year in view), "has since
    multiplied" (to the latest data), "triple their level in 2014" (from that base to the year in view)."""
    masked = clause.mask(st.text)
    before = [v for s, e, v, base in st.timexes if not base and e <= q.start]
    anchor = _years_of(before[-1] if before else state.carried_year())
    forward = _NEXT_YEARS.search(masked)
    if forward and anchor:
        words = forward["n"] or forward["n2"]
        n = 10 if not words else int(words) if words.isdigit() else parse_number_words(words)
        return _span(anchor[1], anchor[1] + int(n), "inferred") if n else None
    here = _years_of(point or state.carried_year())
    if _SINCE_THEN.search(masked) and here and state.latest and state.latest > here[0]:
        return _span(here[0], state.latest, "inferred")
    # a year-on-year change ("double the figure for the same quarter a year earlier") is of the later period
    bases = [
        _years_of(v)
        for s, e, v, base in st.timexes
        if base and clause.sees(s, e) and not _SAME_PERIOD_BEFORE.search(st.text[max(0, s - 40) : s])
    ]
    if q.unit == "factor" and bases and bases[0] and here and bases[0][0] < here[1]:
        return _span(bases[0][0], here[1], "inferred")
    return None


# ---------------------------------------------------------------- figures


# the levels a change goes from and to: "fell from close to 40 per cent to under a fifth"
_LEVEL_QUALIFIER = (
    r"(?:(?:about|around|close\s+to|nearly|almost|some|over|under|just|more\s+than|less\s+than)\s+)*"
)
_FROM_LEVEL = re.compile(r"\bfrom\s+" + _LEVEL_QUALIFIER + "$", _I)
_TO_LEVEL_AFTER_FROM = re.compile(r"\bfrom\s+[^;:]{1,40}\s+to\s+" + _LEVEL_QUALIFIER + "$", _I)


def _span_end(state: _State, st: Sent, *, first: bool) -> TimeValue | None:
    """The earliest (or latest) year of the paragraph's earlier figures when they span more than one:
    the start (or end) of "the same period" that a change from one level to another covers."""
    years = {
        f.year.edtf: f.year
        for f in state.figures
        if f.year and f.year.start and f.source.start != st.sentence.start
    }
    if len(years) < 2:
        return None
    pick = min if first else max
    return pick(years.values(), key=lambda v: v.start or dt.date.max)


def _list_item(q: Quantity, st: Sent) -> Ref | None:
    """ "… such as Chile (925 million dollars)": the country right before a parenthesis holding only q."""
    for a, b in st.parens:
        if a <= q.start and q.end <= b and st.text[a] == "(":
            rest = (st.text[a + 1 : q.start] + st.text[q.end : b - 1]).strip(" ,;.")
            if rest and not re.fullmatch(r"(?:in\s+)?\d{4}", rest):
                return None
            before = [r for r in st.refs if r.end <= a and not st.text[r.end : a].strip()]
            return before[-1] if before else None
    return None


def _confidence(level: int, explicit_sides: int, explicit_year: bool) -> float:
    score = 0.5 + (0.15 if level <= 1 else 0.05) + 0.1 * explicit_sides + (0.05 if explicit_year else 0)
    return min(0.9, score)


def _list_base(q: Quantity, state: _State) -> Figure | None:
    """The figure a list item follows (same sort of unit), whose kind, reporter and year it inherits."""
    for f in reversed(state.figures):
        if f.unit == q.unit or (q.is_money and f.unit not in ("percent", "factor", "rank")):
            return f
    return None


_GOODS_UNITS = ("tonne", "barrel", "head", "m3", "MW")
# an amount per unit of goods or service: "US$9.48 per barrel", "$40 a tonne", "€3/passenger"
_PER_UNIT = re.compile(
    r"\s*(?:per|a|an|/)\s*(?:barrels?|bbl|tonnes?|tons?|units?|kilo(?:gram)?s?|kg|lit(?:re|er)s?|containers?|"
    r"passengers?|head|cubic\s+met(?:re|er)s?|m3|mmbtu|kwh|megawatt[\s-]hours?|MWh)\b",
    _I,
)
# "the 900 MW Arun III hydropower project", "a capacity of 456 MW": a plant's size
_CAPACITY_AFTER = re.compile(
    r"[\s-]*(?:[A-Z][\w-]*\s+){0,3}(?:(?:hydro(?:power|electric|-electric)?|solar|wind|thermal|nuclear|gas-fired|"
    r"coal-fired|power)\s+)?(?:plants?|projects?|stations?|dams?|units?|reactors?|farms?|parks?|schemes?|"
    r"capacity)\b",
    _I,
)
_CAPACITY_BEFORE = re.compile(r"\b(?:capacity|installed|generat\w*)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}$", _I)
# what one of the pair charges the other per unit: a fee, not a market price
_FEE = re.compile(r"\b(?:fees?|tariffs?|tolls?|charges|transit|royalt(?:y|ies)|levy|levies|rent)\b", _I)


def _kind(q: Quantity, st: Sent, scopes: list[Scope], state: _State) -> tuple[str, int, float] | None:
    """(kind, scope level of its cue, sign of the value)."""
    if q.is_money:
        if _DELTA.search(st.text[: q.start]):
            return None
        if _PER_UNIT.match(st.text, q.end):  # a price: a fee between the two, else no figure of theirs
            return ("other", len(scopes) - 1, 1.0) if _FEE.search(st.text) else None
        found = _money_kind(q, st, scopes)
        return (*found, 1.0) if found else None
    if q.unit == "MW" and (
        _CAPACITY_AFTER.match(st.text, q.end) or _CAPACITY_BEFORE.search(st.text[: q.start])
    ):
        return None  # the size of a plant, not power sold
    if q.unit in _GOODS_UNITS:  # "bought five million tons of sugar": goods traded, not money
        found = _money_kind(q, st, scopes)
        return (*found, 1.0) if found and found[0] in _MARKET_KINDS[1:] else None
    if q.unit in ("percent", "factor", "rank"):
        return _rate_kind(q, st, scopes, state)
    return None


def _figure(
    q: Quantity, st: Sent, doc: Document, pair: tuple[str, str] | None, state: _State
) -> tuple[Figure, bool] | None:
    """The figure a quantity gives, and whether its sentence states the year."""
    scopes = sentence_scopes(st, q)
    clause = scopes[-2]
    before = clause.mask(st.text)[clause.lo : q.start]
    planned = bool(_TARGET.search(before) or _FORECAST.search(before))
    item = _list_item(q, st)
    found = _kind(q, st, scopes, state)
    if found is not None and _whole_of_a_part(q, st):
        return None
    # "… such as Chile (925 million dollars)" with no cue of its own: the previous figure's kind and reporter
    base = _list_base(q, state) if item is not None and (found is None or found[1] >= 2) else None
    if base is not None:
        found = (base.kind, 1, 1.0)
    if found is None:
        return None
    kind, level, sign = found
    named_bilateral = _BILATERAL.search(st.text, max(0, q.start - 40), q.start) is not None
    if kind == "other" and q.is_money and any(clause.sees(a, b) for a, b in st.igos) and not named_bilateral:
        return None  # a loan from the IMF, aid from the EU: not money between the two ("bilateral" is)
    deal = state.arms_deal if kind == "other" and _THE_DEAL.search(clause.mask(st.text)) else None
    year, explicit_year = _year(q, st, scopes, kind, state)
    if planned and kind != "growth_rate" and not explicit_year:
        year = _years_ahead(clause.mask(st.text), state) or state.story_year or year
    if not explicit_year and kind != "growth_rate":
        before = st.text[: q.start]
        if _FROM_LEVEL.search(before):
            year = _span_end(state, st, first=True) or year
        elif _TO_LEVEL_AFTER_FROM.search(before):
            year = _span_end(state, st, first=False) or year
    if base is not None:
        year = year if explicit_year else base.year
        frm, to, explicit = base.from_, item.iso3 or None if item else None, 1
    elif deal is not None:  # "The deal is worth $5.7 billion" after "… signed a deal to export tanks to …"
        kind, (frm, to), explicit = "arms_value", deal, 1
    elif kind in _ORDERED and (share := _share_sides(q, st)) is not None:
        frm, to, explicit = share[0], share[1], 2
        pairs_trade = st.has_pair_phrase or _BILATERAL.search(st.text) is not None
        if to is None and pair and frm in pair and pairs_trade and _OF_THE_TOTAL.match(st.text, q.end):
            # "bilateral trade of $2.6 billion, with Mexican exports accounting for 65% of the total"
            to = pair[1] if frm == pair[0] else pair[0]
    elif kind in _ORDERED:
        ordered = ordered_sides(q, st, scopes[level:], kind, pair, state.figures, state.earlier)
        if ordered is None:
            return None
        frm, to, explicit = ordered
    else:
        frm, to, explicit = pair_sides(q, st, scopes[level:], kind, pair, state.figures)
    if base is None and item is not None and item.iso3 and item.iso3 not in (frm, to):
        to = item.iso3  # "exports to Germany were $16 billion, ahead of France (7 billion dollars)"
    source = Source(doc.name, st.text, st.sentence.start, st.sentence.end)
    confidence = round(_confidence(level, explicit, explicit_year), 2)
    figure = Figure(
        kind,
        q.value * sign,
        _unit(q, pair),
        year,
        frm,
        to,
        q.qualifier,
        source,
        q.text,
        confidence,
        value_max=q.high * sign if q.high is not None else None,
        status="planned" if planned else "occurred",
    )
    return figure, explicit_year


# "$566 billion in 2017, of which $375 billion was with China": the amount before is the whole, over all
# partners (but "$30 billion, of which $20 billion in mining" is still the pair's, its part a sector)
_OF_WHICH = re.compile(r"(?:\s+in\s+\d{4})?\s*,?\s+of\s+which\s+[^,;:]{0,80}?\b(?:with|to|from)\s+$", _I)


def _whole_of_a_part(q: Quantity, st: Sent) -> bool:
    """The amount is a whole whose part, with a country of its own, follows: "…, of which … with China"."""
    return any(ref.start > q.end and _OF_WHICH.fullmatch(st.text, q.end, ref.start) for ref in st.refs)


def _unit(q: Quantity, pair: tuple[str, str] | None) -> str:
    """A currency name or symbol several countries use ("rupees", "Rs", "pounds") is the currency of the
    one of the document's pair that uses it: Nepal's rupee in a Nepal–India story is still ambiguous and
    keeps the default, Pakistan's in a Pakistan–China one does not."""
    choices = currency_choices(q.text) if q.is_money else ()
    ours = [c for c in choices if set(currency_countries(c)) & set(pair or ())]
    return ours[0] if len(ours) == 1 else q.unit


def _converted(
    q: Quantity, previous: tuple[Quantity, Figure, bool] | None, text: str
) -> tuple[Figure, bool] | None:
    """ "worth more than 50 billion rupees ($664 million)": the same figure in another currency."""
    if previous is None or not q.is_money:
        return None
    first, figure, explicit_year = previous
    if not first.is_money or first.unit == q.unit or not re.match(r"\s*[)\]]", text[q.end :]):
        return None
    if not _CONVERSION.fullmatch(text[first.end : q.start]):
        return None
    qualifier = figure.qualifier if q.qualifier == "exact" else q.qualifier
    return replace(figure, value=q.value, unit=q.unit, qualifier=qualifier, text=q.text), explicit_year


def _quantities(st: Sent) -> list[Quantity]:
    """The sentence's quantities, and its written fractions that a share's change reaches ("its share of
    Peru's imports fell to under a fifth") or that a country named before takes of a flow ("India supplies
    nearly two thirds of Nepal's imports"), unless the sentence gives the share as a number too ("about a
    third …, 32.5 per cent"). A bare "a fifth of Peru's exports" is left: often a company's part."""
    found = find_quantities(st.text)
    if not (_SHARE_WORD.search(st.text) or _FRACTION_OF.search(st.text)):
        return found
    for fraction in find_fractions(st.text, found):
        restated = any(
            q.unit == "percent" and abs(q.value - fraction.value) <= 0.15 * fraction.value for q in found
        )
        share = _SHARE_BEFORE.search(st.text[: fraction.start])
        # a country is the subject of the verb before the fraction: "(in which) India supplies nearly two
        # thirds of Nepal's imports", not "…; Samsung alone accounted for close to a fifth of Vietnam's
        # exports" nor "Russia remains India's largest supplier, accounting for nearly half of its imports"
        country_takes = _SHARE_OF_FLOW.match(st.text, fraction.end) and any(
            r.form in ("name", "metonym")
            and r.prep is None
            and not r.context
            and _SUBJECT_GAP.fullmatch(st.text, r.end, fraction.start)
            for r in st.refs
        )
        if restated or not (share or country_takes):
            continue
        if _flow_of_share(fraction, st) is not None:
            found.append(fraction)
    return sorted(found, key=lambda q: q.start)


_SUBJECT_GAP = re.compile(r"\s+(?:[a-z]+\s+){1,3}")
_FRACTION_OF = re.compile(r"\b(?:half|thirds?|quarters?|fifths?|tenths?)\s+of\b", _I)


def _document_year(doc: Document) -> TimeValue | None:
    """The year of a news item's, blog post's or dated statement's date: what its present-tense figures most
    likely mean. A readout or briefing read as `other` is dated to the day; a paper's or an encyclopaedia
    page's figures are of the years it names."""
    date = doc.published or doc.date_estimate
    if not date or not re.match(r"\d{4}", date):
        return None
    dated_to_the_day = bool(doc.published and re.fullmatch(r"\d{4}-\d\d-\d\d", doc.published))
    if doc.kind not in ("news", "blog") and not (doc.kind in ("other", "record") and dated_to_the_day):
        return None
    return _span(int(date[:4]), int(date[:4]), "inferred")


def _document_day(doc: Document) -> dt.date | None:
    date = doc.published or doc.date_estimate or ""
    try:
        return dt.date.fromisoformat(date[:10]) if re.fullmatch(r"\d{4}-\d\d-\d\d", date[:10]) else None
    except ValueError:
        return None


def _is_igo(m: Mention) -> bool:
    return m.kind == "organisation" and m.form == "igo"


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]


# a minister's title whose remit names a flow among others: "Minister of Economy, Trade and Industry",
# "Minister for Foreign Affairs and Trade" name a person's office, not trade
_INSTITUTION = re.compile(
    r"\bMinister\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w-]*,?\s+(?:and\s+)?){1,4}"
    r"(?:Trade|Commerce|Investments?|Exports?|Imports?)\b(?:\s+and\s+[A-Z][\w-]*)*"
    r"|\bMinister\s+(?:of|for)\s+(?:Trade|Commerce|Investments?|Exports?|Imports?)\s+and\s+[A-Z][\w-]*"
)


def _mask_names(text: str, offset: int, mentions: list[Mention]) -> str:
    """``text`` with the letters of organisation and forum names, and of ministers' titles that name a flow,
    replaced by "x" (offsets unchanged)."""
    chars = list(text)
    spans = [(m.start - offset, m.end - offset) for m in mentions if m.kind in ("organisation", "forum")]
    spans += [m.span() for m in _INSTITUTION.finditer(text)]
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            if chars[i].isalpha():
                chars[i] = "x"
    return "".join(chars)


def extract_figures(
    doc: Document, mentions: list[Mention], timexes: list[TimeExpression], pair: tuple[str, str] | None
) -> list[Figure]:
    """Figures of one clean document, in text order, each with its sentence as source."""
    starts = _paragraph_starts(doc.text)
    mentions = sorted(mentions, key=lambda m: m.start)
    m_starts = [m.start for m in mentions]
    timexes = sorted(timexes, key=lambda t: t.start)
    t_starts = [t.start for t in timexes]
    doc_year = _document_year(doc)
    doc_date = _document_day(doc)
    doc_year_end = doc_year.end.year if doc_year and doc_year.end else None
    state, out, seen, undated = _State(fallback_year=doc_year, story_year=doc_year), [], set(), set()
    lead: TimeValue | None = None  # the year of a lead-in ending in a colon, for the list under it
    headings = chronology_headings(doc, timexes)
    for sentence in doc.sentences:
        paragraph = bisect_right(starts, sentence.start) - 1
        if paragraph != state.paragraph:
            # a target's year ("$150 billion by 2030") is not the year the story goes on in
            occurred = [f for f in state.figures if f.status == "occurred"]
            previous = occurred[-1].year if occurred else None
            fallback = previous or state.fallback_year
            state = _State(
                paragraph,
                subject=state.subject,
                fallback_year=fallback,
                latest=state.latest,
                story_year=doc_year,
                arms_deal=state.arms_deal,
                earlier=(state.earlier + occurred)[-20:],
            )
            state.year = lead
        if (heading := headings.get(sentence.start)) is not None and heading.start is not None:
            # a chronology's dated heading ("- July 6: trade war -"): the figures told under it are of its
            # year, not of the year the figures of the section before were of
            state.figures, state.fallback_year = [], _span(heading.start.year, heading.start.year, "inferred")
        lo, hi = bisect_right(m_starts, sentence.start - 1), bisect_right(m_starts, sentence.end - 1)
        inside = [m for m in mentions[lo:hi] if m.end <= sentence.end]
        refs = find_refs(sentence.text, sentence.start, inside, pair, state.subject)
        own_timexes = _sentence_timexes(sentence.text, sentence.start, timexes, t_starts)
        own_timexes = _resolve_in_context(sentence.text, own_timexes, state, doc_year, doc_date)
        st = Sent(
            sentence,
            paragraph,
            refs,
            own_timexes,
            find_parens(sentence.text),
            any(m.kind == "pair" for m in inside),
            [(m.start - sentence.start, m.end - sentence.start) for m in inside if _is_igo(m)],
            _mask_names(sentence.text, sentence.start, inside),
        )
        last: tuple[Quantity, Figure, bool] | None = None
        for q in _quantities(st):
            found = _converted(q, last, st.text) or _figure(q, st, doc, pair, state)
            if found is None:
                continue
            figure, explicit_year = found
            last = (q, figure, explicit_year)
            key = (
                figure.kind,
                figure.value,
                figure.unit,
                figure.year.edtf if figure.year else None,
                figure.from_,
                figure.to,
            )
            state.figures.append(figure)
            if figure.year is not None and figure.status == "occurred":
                state.year = figure.year
                if figure.year.end and figure.year.end.year <= (doc_year_end or 9999):
                    state.latest = max(state.latest or 0, figure.year.end.year)
            if key not in seen:
                seen.add(key)
                out.append(figure)
                if not explicit_year:
                    undated.add(id(figure))
        years = [v for _s, _e, v, base in st.timexes if not base]
        if years and not any(f.source.start == sentence.start for f in state.figures):
            state.year = years[-1]
        # "The ministry's figures for 2024–25:" and the items under it ("- Exports to China: $14.3 billion"),
        # or a heading with a year over a list ("**Key figures (2023)**")
        if sentence.text.rstrip().endswith(":") or (years and is_heading(doc, sentence)):
            lead = years[-1] if years else None
        elif not _LIST_ITEM.match(sentence.text):
            lead = None
        if (deal := _arms_deal(st, pair)) is not None:
            state.arms_deal = deal or None
        nouns = [r for r in refs if r.form in NOUN_FORMS and r.prep is None]
        if nouns:
            state.subject = nouns[0].iso3
    out = [_canonical_pair(f) for f in _drop_restated(out, undated)]
    LOGGER.debug("%s: %d figures", doc.name, len(out))
    return out


_LIST_ITEM = re.compile(r"\s*(?:[-–•*·]|\d{1,2}[.)])\s")


def _canonical_pair(figure: Figure) -> Figure:
    """Trade between two countries has no direction: its pair is written in one order (the codes' own), so
    that "trade between Kazakhstan and China" and "China's trade with Kazakhstan" are one figure in the
    record, whichever document gives it."""
    if figure.kind == "trade_total" and figure.from_ and figure.to and figure.to < figure.from_:
        return replace(figure, from_=figure.to, to=figure.from_)
    return figure


def _drop_restated(figures: list[Figure], undated: set[int]) -> list[Figure]:
    """A figure whose year is only the context's, stated again elsewhere with its own year (a headline
    "$76 billion trade relationship" and the body's "$76 billion last year"), is that other figure."""

    def same(a: Figure, b: Figure) -> bool:
        return (
            (a.kind, a.unit) == (b.kind, b.unit)
            and abs(a.value - b.value) <= 0.01 * abs(b.value)
            and {a.from_, a.to} == {b.from_, b.to}
        )

    dated = [f for f in figures if id(f) not in undated]
    return [f for f in figures if id(f) not in undated or not any(same(f, g) for g in dated)]
