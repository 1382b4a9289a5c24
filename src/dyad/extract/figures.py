"""Figures: trade, investment and arms values, growth rates and ranks, each with its source sentence.

For every quantity in a sentence (:mod:`dyad.extract.quantities`) the kind comes from cue words in the
narrowest scope around it (its parenthesis, its clause, the sentence); the direction from the roles of
the countries named there (subject of a verb, "to X", "from X", "in X", "Russian weapons", "Peru's
exports"); the year from the nearest time expression that is not a comparison base ("over the previous
year", "compared with 2017"), else the year of the paragraph's previous figure or last explicit year.

Direction conventions (ARCHITECTURE.md): export/import ``from`` = reporter, ``to`` = partner (``None``
for a total with the world); investment/arms ``from`` = origin, ``to`` = destination; the other kinds an
unordered pair.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from dyad.extract.context import resolve_descriptor
from dyad.extract.mentions import Mention
from dyad.extract.quantities import Quantity, find_quantities, parse_number_words
from dyad.models import Document, Figure, Sentence, Source, TimeExpression, TimeValue

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
_KIND_CUES = (
    ("other", re.compile(r"\b(?:trade\s+)?(?:deficit|surplus|balance)\b", _I)),
    ("investment", re.compile(r"\binvest\w*|\bFDI\b|\bcapital\s+(?:inflows?|flows?|stock)\b", _I)),
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
            r"\b(?:GDP|gross\s+domestic\s+product|budgets?|debts?|loans?|credit\s+lines?|credits?|"
            r"aid|grants?|donations?|reserves|revenues?|income|salar(?:y|ies)|wages?|remittances|fines?|"
            r"capitali[sz]ation|bailout|tourists?|tourism|population|inhabitants|people|deaths?|"
            r"casualties|kilomet(?:er|re)s?|miles)\b",
            _I,
        ),
    ),
)
_GROWTH = re.compile(
    r"\b(?:gr[eo]w(?:s|n|th|ing)?|increas\w*|ris(?:e|es|ing|en)|rose|jump\w*|surg\w*|soar\w*|climb\w*|"
    r"expan\w*|boost\w*|gain\w*|up|doubl\w*|tripl\w*|quadrupl\w*|fold|higher|more|"
    r"(?P<neg>fell|fall\w*|declin\w*|decreas\w*|drop\w*|dipped|plung\w*|slump\w*|contract\w*|shr[ua]nk\w*|"
    r"down|reduc\w*|lower|less))\b",
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
_TOTAL = re.compile(r"\b(?:total|overall|worldwide|global|altogether)\b|\bto\s+the\s+world\b", _I)
_TOTAL_AFTER = re.compile(r"\s*(?:in\s+total|of\s+(?:its|their)?\s*total)", _I)
# A change, not a level: "grew by $2 billion", "up 17.9 percent ($49.2 billion)".
_DELTA = re.compile(
    r"\b(?:increas|gr[eo]w|rose|ris|fell|fall|declin|decreas|dropp|jump|climb)\w*\s+by\s*$"
    r"|(?:%|\bper\s?cent|\bpercent)\s*\(\s*[+-]?\s*$",
    _I,
)
_LEVEL = re.compile(r"\b(?:reach\w*|to|stood\s+at|totall?ing|amounting\s+to|hitting|hit)\s*$", _I)
# ---------------------------------------------------------------- roles of countries
_VERBS = {
    "seller": re.compile(
        r"\b(?:export(?:s|ed|ing)?|ship(?:s|ped)|s(?:old|ells?|elling)|suppl(?:y|ies|ied)|"
        r"deliver(?:s|ed)?|provid(?:es?|ed)|transferr?(?:s|ed)?)\b",
        _I,
    ),
    "buyer": re.compile(
        r"\b(?:import(?:s|ed|ing)?|b(?:ought|uys?|uying)|purchas(?:es?|ed|ing)|"
        r"acquir(?:es?|ed)|order(?:s|ed)|procur(?:es?|ed)|receiv(?:es?|ed)|spen[dt]s?)\b",
        _I,
    ),
    "investor": re.compile(r"\b(?:invest(?:s|ed|ing)?|pour(?:s|ed)|fund(?:s|ed)|plac(?:es|ed))\b", _I),
    "host": re.compile(
        r"\b(?:receiv(?:es?|ed)|attract(?:s|ed)?|dr[ae]w|got|obtain(?:s|ed)?|"
        r"absorb(?:s|ed))\b",
        _I,
    ),
}
_HEADS = {
    "export": "exports export shipments sales exporters",
    "import": "imports import purchases importers",
    "market": "market markets consumers buyers customers",
    "goods": "products goods origin commodities merchandise manufactures machinery suppliers producers "
    "brands",
    "invest": "investment investments investors investor capital fdi",
    "firms": "companies company firms firm businesses enterprises banks corporations groups",
    "arms": "arms weapons weaponry helicopters aircraft jets fighters tanks missiles equipment hardware "
    "warships submarines armaments",
    "recipient": "armed army navy military",
}
_HEAD_OF = {w: cat for cat, words in _HEADS.items() for w in words.split(" ")}
_NOT_MODIFIERS = frozenset(
    re.findall(
        r"\w+",
        """
    to from in into of and or with by for at on as than is are was were be been has have had will would
    can could may might should must do does did not also only bought sold buys sells signed agreed plans
    that which who the a an""",
    )
)
_PREP = re.compile(
    r"\b(to|into|towards?|from|in|with|by|of|for|between|and|than|as|like|among|against|"
    r"on|at|including|over|about|via)\s+(?:the\s+|a\s+)?$",
    _I,
)
_CONTEXT = re.compile(
    r"\b(?:conflict|war|dispute|border|tensions?|clash\w*|rivalry|hostilities|frictions?|"
    r"fight\w*|disputes?)\s+(?:\w+\s+)?(?:with|against)\s+(?:the\s+)?$",
    _I,
)
_BETWEEN_AND = re.compile(r"\bbetween\s+(?:the\s+)?\S+(?:\s+\S+)?\s+and\s+(?:the\s+)?$", _I)
_FORCES = re.compile(r"\s*(?:armed\s+forces|army|navy|military|air\s+force)", _I)
_PRONOUN = re.compile(r"\b(?:its|it|it['’]s|the\s+country(?:['’]s)?)\b", _I)
_NOUN_FORMS = ("name", "metonym", "historical", "descriptor", "organisation")
# ---------------------------------------------------------------- clauses and years
_BOUNDARY = re.compile(
    r";|:(?!\d)|\s[-–—]\s|,\s+(?:while|whereas|but|and|although|though)\b"
    r"|\s(?:while|whereas)\s|\bbut\s",
    _I,
)
# a dash opening or closing an aside: spaced on one side or next to punctuation (not "Peru–Russia")
_DASH = re.compile(r"\s[–—]\s?|[–—](?=[\s,.;:])|\s-\s")
# A comparison base ("over the previous year", "compared with 2017", "from 2017") is not a figure's year.
_BASE_BEFORE = re.compile(
    r"\b(?:compared\s+(?:with|to)|than(?:\s+in)?|relative\s+to|versus|vs\.?|against|since)\s+"
    r"(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?$",
    _I,
)
_BASE_WEAK = re.compile(r"\b(?:over|from|on)\s+(?:the\s+)?$", _I)  # a base unless a period: "over 2010-2015"
_BASE_TEXT = re.compile(r"^(?:since|compared)\b", _I)
_BASE_WEAK_TEXT = re.compile(r"^(?:from|over)\b", _I)
_RELATIVE_YEAR = re.compile(r"\b(?:previous|preceding|last|earlier|prior|same)\b", _I)
_LAST_YEARS = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+(?:last|past|previous|preceding)\s+"
    r"(?:(?P<n>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+years|(?P<decade>decade))\b",
    _I,
)
_FALLBACK_YEARS = re.compile(
    r"\b(?:between\s+(?P<a>1[89]\d\d|20\d\d)\s+and\s+(?P<b>1[89]\d\d|20\d\d)"
    r"|from\s+(?P<c>1[89]\d\d|20\d\d)\s+(?:to|until)\s+(?P<d>1[89]\d\d|20\d\d)"
    r"|(?P<e>1[89]\d\d|20\d\d)\s?[-–]\s?(?P<f>1[89]\d\d|20\d\d)"
    r"|(?:in|by|during|for|until|of|throughout)\s+(?P<y>1[89]\d\d|20\d\d))\b",
    _I,
)
_ORDERED = ("export", "import", "investment", "arms_value")
_REGION = ""  # the iso3 of a region reference


@dataclass(slots=True)
class _Ref:
    """A country named (or referred to) in a sentence; offsets relative to the sentence."""

    start: int
    end: int
    iso3: str
    form: str
    prep: str | None = None
    head: str | None = None
    possessive: bool = False
    context: bool = False


@dataclass(slots=True)
class _Scope:
    lo: int
    hi: int
    hidden: list[tuple[int, int]]

    def sees(self, start: int, end: int) -> bool:
        return self.lo <= start and end <= self.hi and not any(a <= start < b for a, b in self.hidden)

    def mask(self, text: str) -> str:
        chars = [c if self.lo <= i < self.hi else " " for i, c in enumerate(text)]
        for a, b in self.hidden:
            chars[a:b] = " " * (b - a)
        return "".join(chars)


@dataclass(slots=True)
class _Sent:
    sentence: Sentence
    paragraph: int
    refs: list[_Ref]
    timexes: list[tuple[int, int, TimeValue, bool]]  # start, end, value, is a comparison base
    parens: list[tuple[int, int]]
    has_pair_phrase: bool

    @property
    def text(self) -> str:
        return self.sentence.text


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

    def carried_year(self) -> TimeValue | None:
        return self.year or self.fallback_year


# ---------------------------------------------------------------- sentence analysis


def _parens(text: str) -> list[tuple[int, int]]:
    """Parenthetical spans: ( ... ) and pairs of dashes "– ... –", "- ... -" (outer offsets)."""
    spans, stack = [], []
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            spans.append((stack.pop(), i + 1))
    dashes = [m for m in _DASH.finditer(text)]
    for a, b in zip(dashes[::2], dashes[1::2], strict=False):
        spans.append((a.start(), b.end()))
    return sorted(spans)


def _clause(text: str, pos: int) -> tuple[int, int]:
    lo, hi = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


def _scopes(st: _Sent, q: Quantity) -> list[_Scope]:
    """Narrowest first: q's parenthesis, q's clause, the sentence (other parentheses hidden)."""
    text, out = st.text, []
    around = [p for p in st.parens if p[0] <= q.start and q.end <= p[1]]
    others = [p for p in st.parens if not (p[0] <= q.start and q.end <= p[1])]
    if around:
        lo, hi = max(around)
        out.append(_Scope(lo, hi, [p for p in others if lo <= p[0] and p[1] <= hi]))
    outer = min(around) if around else None
    hidden = [p for p in others if outer is None or not (outer[0] <= p[0] and p[1] <= outer[1])]
    pos = outer[0] if outer else q.start
    lo, hi = _clause(_Scope(0, len(text), hidden).mask(text), pos)
    out.append(_Scope(lo, hi, hidden))
    out.append(_Scope(0, len(text), hidden))
    return out


def _role(text: str, ref: _Ref) -> _Ref:
    before = text[: ref.start]
    m = _PREP.search(before)
    if m:
        ref.prep = m.group(1).lower()
        if ref.prep == "and" and _BETWEEN_AND.search(before):
            ref.prep = "between"
    ref.context = bool(_CONTEXT.search(before))
    after = text[ref.end :]
    pm = re.match(r"['’]s?\b|['’]", after)
    ref.possessive = bool(pm) and ref.form != "adjective"
    after = after[pm.end() :] if pm else after
    after = re.sub(r"^\s*\([^()]*\)", "", after)  # "its (mainly non-traditional) exports"
    made = re.match(r"-(?:made|built|produced|manufactured|supplied|origin)\b", after, _I)
    modifier = ref.possessive or made or ref.form in ("adjective", "pronoun_possessive")
    words = re.findall(r"[\w-]+|[^\w\s]", after[made.end() if made else 0 :])[: 4 if modifier else 1]
    for w in words:
        cat = _HEAD_OF.get(w.lower())
        if cat:
            ref.head = cat
            if cat != "recipient":  # "Russian military equipment": look on for an arms word
                break
            continue
        if not re.fullmatch(r"[\w-]+", w) or w.lower() in _NOT_MODIFIERS or re.fullmatch(r"[a-z]+ed", w):
            break
    if made and ref.head is None:
        ref.head = "goods"
    if ref.head == "recipient" and not _FORCES.match(after):
        ref.head = None
    return ref


def _refs(
    text: str,
    offset: int,
    mentions: list[Mention],
    pair: tuple[str, str] | None,
    previous_subject: str | None,
) -> list[_Ref]:
    refs = []
    for m in mentions:
        iso3: str | None = None
        if m.kind == "country":
            iso3 = resolve_descriptor(m, pair) if m.form == "descriptor" else m.value
        elif m.kind == "organisation" and m.attrs.get("iso3"):
            iso3 = m.attrs["iso3"]
        if iso3:
            form = "organisation" if m.kind == "organisation" else (m.form or "name")
            refs.append(_Ref(m.start - offset, m.end - offset, iso3, form))
        elif m.kind == "region":  # "to Latin America": a partner but no country; never filled from the pair
            refs.append(_Ref(m.start - offset, m.end - offset, _REGION, "region"))
    for p in _PRONOUN.finditer(text):
        if any(r.start <= p.start() < r.end for r in refs):
            continue
        earlier = [r for r in refs if r.end <= p.start() and r.form in _NOUN_FORMS]
        target = earlier[-1].iso3 if earlier else previous_subject
        if target:
            form = "pronoun_possessive" if p.group(0).lower().startswith("its") else "pronoun"
            refs.append(_Ref(p.start(), p.end(), target, form))
    refs.sort(key=lambda r: r.start)
    return [_role(text, r) for r in refs]


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
    durations = [m.span() for m in _LAST_YEARS.finditer(text)]
    out = []
    for start, end, value in found:
        if any(a <= start < b or start <= a < end for a, b in durations):
            continue
        out.append((start, end, value, _is_base(text, start, end, value)))
    return out


def _is_base(text: str, start: int, end: int, value: TimeValue) -> bool:
    """A comparison base: "compared with 2017", "than in 2012", "since 2008", "over 2016", "on the
    previous year"; not a period ("from 2005 to 2008", "over 2010-2015") nor a date ("on 24 November")."""
    own = text[start:end]
    if _BASE_BEFORE.search(text[:start]) or _BASE_TEXT.match(own):
        return True
    weak = _BASE_WEAK.search(text[:start]) or _BASE_WEAK_TEXT.match(own)
    if not weak or "/" in value.edtf.strip("/"):
        return False
    on = weak.group(0).lower().startswith("on")
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


def _money_kind(q: Quantity, st: _Sent, scopes: list[_Scope]) -> tuple[str, int] | None:
    """(kind, scope level) from the nearest cue in the narrowest scope that has one."""
    for level, scope in enumerate(scopes):
        masked = _hide(scope.mask(st.text), q)
        cues = []
        balance = [m.span() for m in _KIND_CUES[0][1].finditer(masked)]
        for kind, pattern in _KIND_CUES:
            for m in pattern.finditer(masked):
                if kind != "other" and any(a <= m.start() < b for a, b in balance):
                    continue
                cues.append((_distance(q, m.start(), m.end(), st.text), kind))
        arms = [_distance(q, m.start(), m.end(), st.text) for m in _ARMS.finditer(masked)]
        if arms and (not cues or min(arms) <= 60 or min(arms) <= min(cues)[0]):
            return "arms_value", level
        if cues:
            kind = min(cues)[1]
            return (kind, level) if kind else None
    return None


def _hide(masked: str, q: Quantity) -> str:
    return masked[: q.start] + " " * (q.end - q.start) + masked[q.end :]


def _rate_kind(q: Quantity, st: _Sent, scopes: list[_Scope], state: _State) -> tuple[str, int, float] | None:
    """growth_rate (with the sign of the change) or other (shares, ranks) for percent, factor and rank."""
    economic = _ECONOMIC.search(st.text) or (_REFERENCE.search(st.text) and state.figures)
    if not economic:
        return None
    for level, scope in enumerate(scopes):
        masked = _hide(scope.mask(st.text), q)
        if q.unit == "rank":
            if _RANK_CUE.search(masked):
                return "other", level, 1.0
            continue
        if q.unit == "factor" and level == 0 and q.text.lower().startswith(("doubl", "tripl", "quadrupl")):
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


def _about_something_else(q: Quantity, st: _Sent, masked: str, state: _State) -> bool:
    """A rate whose nearest topic is no figure of the relationship: inflation, GDP, tariffs, votes."""
    topics = [(_distance(q, m.start(), m.end(), st.text), False) for m in _RATE_BLOCKERS.finditer(masked)]
    topics += [(_distance(q, m.start(), m.end(), st.text), True) for m in _ECONOMIC.finditer(masked)]
    if state.figures:
        topics += [(_distance(q, m.start(), m.end(), st.text), True) for m in _REFERENCE.finditer(masked)]
    return bool(topics) and not min(topics)[1]


# ---------------------------------------------------------------- direction


def _subject(refs: list[_Ref], verb: re.Pattern[str], masked: str, anchor: int) -> _Ref | None:
    """The country right before a verb of the class (nearest noun-form reference with no preposition)."""
    for m in sorted(verb.finditer(masked), key=lambda m: abs(m.start() - anchor)):
        before = [
            r
            for r in refs
            if r.end <= m.start()
            and m.start() - r.end <= 80
            and r.prep is None
            and not r.possessive
            and r.form in (*_NOUN_FORMS, "pronoun", "region")
        ]
        if before and not re.search(r"[;:]", masked[before[-1].end : m.start()]):
            return before[-1]
    return None


def _object(refs: list[_Ref], verb: re.Pattern[str], masked: str) -> _Ref | None:
    """The country right after a verb of the class: "sold Peru helicopters", "supplied India with"."""
    for m in verb.finditer(masked):
        after = [r for r in refs if r.start >= m.end() and not masked[m.end() : r.start].strip(" ")]
        if after and after[0].form in _NOUN_FORMS:
            return after[0]
    return None


def _pick(refs: list[_Ref], anchor: int, *tests: object) -> _Ref | None:
    """The reference nearest to ``anchor`` that passes the first test any reference passes."""
    for test in tests:
        passing = [r for r in refs if not r.context and test(r)]  # type: ignore[operator]
        if passing:
            return min(passing, key=lambda r: abs(r.start - anchor))
    return None


def _sides(kind: str, refs: list[_Ref], masked: str, anchor: int) -> tuple[str | None, str | None]:
    """(from, to) from the roles of the countries visible in one scope, nearest to ``anchor`` first."""

    def side(*tests: object) -> _Ref | None:
        return _pick(refs, anchor, *tests)

    def subject(verbs: str) -> _Ref | None:
        return _subject(refs, _VERBS[verbs], masked, anchor)

    if kind == "export":
        a = side(lambda r: r.head == "export", lambda r: r.prep == "from")
        a = a or subject("seller")
        a = a or side(lambda r: r.head == "goods" and r.prep in (None, "of"))
        b = side(
            lambda r: r.prep in ("to", "into", "towards", "toward") and r.head in (None, "market"),
            lambda r: r.head in ("market", "import"),
        )
        b = b or _object(refs, _VERBS["seller"], masked)
    elif kind == "import":
        a = side(lambda r: r.head == "import", lambda r: r.prep == "into")
        a = a or subject("buyer")
        b = side(lambda r: r.prep == "from", lambda r: r.head in ("goods", "export"))
    elif kind == "investment":
        a = side(
            lambda r: r.head == "invest" or (r.head == "firms" and r.prep not in ("in", "into")),
            lambda r: r.prep in ("from", "by"),
        )
        a = a or subject("investor")
        b = side(lambda r: r.prep in ("in", "into", "to") and r.head != "invest")
        b = b or subject("host")
    else:  # arms_value
        a = side(
            lambda r: r.head in ("arms", "goods") and r.prep != "to" and r.form not in _NOUN_FORMS,
            lambda r: r.prep == "from",
        )
        a = a or subject("seller") or side(lambda r: r.head == "export")
        b = subject("buyer") or _object(refs, _VERBS["seller"], masked)
        b = b or side(lambda r: r.prep in ("to", "for"), lambda r: r.head in ("recipient", "import"))
    if a is None and b is None:  # a bare subject: the reporter, the investor, or (arms news) the buyer
        bare = side(lambda r: r.prep is None and not r.possessive and r.form in _NOUN_FORMS)
        a, b = (None, bare) if kind == "arms_value" else (bare, None)
    frm, to = (a.iso3 if a else None), (b.iso3 if b else None)
    return (frm, None) if frm == to else (frm, to)


def _pair_of(refs: list[_Ref], st: _Sent, pair: tuple[str, str] | None) -> tuple[str | None, str | None]:
    codes: list[str] = []
    for r in refs:
        if not r.context and r.iso3 not in codes:
            codes.append(r.iso3)
    if _REGION in codes:  # "Russia's trade with Latin America": one country and no second one
        return next((c for c in codes if c), None), None
    if len(codes) >= 2:
        return codes[0], codes[1]
    if len(codes) == 1:
        if pair and codes[0] in pair:
            return codes[0], pair[1] if codes[0] == pair[0] else pair[0]
        return codes[0], None
    return pair if pair else (None, None)


def _fill(
    frm: str | None, to: str | None, pair: tuple[str, str] | None, total: bool
) -> tuple[str | None, str | None]:
    if not pair:
        return frm, to
    other = {pair[0]: pair[1], pair[1]: pair[0]}
    if frm and not to and not total and frm in other:
        to = other[frm]
    elif to and not frm and to in other:
        frm = other[to]
    return frm, to


# ---------------------------------------------------------------- year


def _year(
    q: Quantity, st: _Sent, scopes: list[_Scope], kind: str, state: _State
) -> tuple[TimeValue | None, bool]:
    """(year, explicit in the sentence)."""
    point = None
    for scope in scopes:
        seen = [
            (abs((s + e) / 2 - (q.start + q.end) / 2), e, v)
            for s, e, v, base in st.timexes
            if not base and scope.sees(s, e)
        ]
        if seen:
            _, end, point = min(seen, key=lambda x: x[0])
            if (
                kind != "growth_rate"
                and end <= q.start
                and point.start
                and point.end
                and point.start.year < point.end.year
                and _LEVEL.search(st.text[: q.start])
            ):
                point = _span(point.end.year, point.end.year, point.basis)  # "..., reaching $20 billion"
            break
    if kind == "growth_rate":
        for m in _LAST_YEARS.finditer(st.text):
            n = 10 if m["decade"] else (int(m["n"]) if m["n"].isdigit() else parse_number_words(m["n"]))
            end_year = point or state.carried_year()
            if n and end_year and end_year.end:
                last = end_year.end.year
                return _span(last - int(n), last, "inferred"), point is not None
    if point is not None:
        return point, True
    carried = state.carried_year()
    bases = [v for _s, _e, v, base in st.timexes if base and v.granularity == "year" and v.start]
    if carried is None and kind == "growth_rate" and len(bases) == 1 and bases[0].start:
        year = bases[0].start.year + 1  # "grew 12% over 2016": the change to 2017
        return _span(year, year, "inferred"), False
    return carried, False


# ---------------------------------------------------------------- figures


def _list_item(q: Quantity, st: _Sent) -> _Ref | None:
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


def _kind(q: Quantity, st: _Sent, scopes: list[_Scope], state: _State) -> tuple[str, int, float] | None:
    """(kind, scope level of its cue, sign of the value)."""
    if q.is_money:
        if _DELTA.search(st.text[: q.start]):
            return None
        found = _money_kind(q, st, scopes)
        return (*found, 1.0) if found else None
    if q.unit in ("percent", "factor", "rank"):
        return _rate_kind(q, st, scopes, state)
    return None


def _ordered_sides(
    q: Quantity, st: _Sent, scopes: list[_Scope], kind: str, pair: tuple[str, str] | None, state: _State
) -> tuple[str | None, str | None, int] | None:
    """(from, to, number of sides the text gives) for export, import, investment, arms_value."""
    frm, to = None, None
    for scope in scopes:
        f2, t2 = _sides(
            kind, [r for r in st.refs if scope.sees(r.start, r.end)], scope.mask(st.text), q.start
        )
        frm, to = frm or f2, to or (t2 if t2 != (frm or f2) else None)
    region = _REGION in (frm, to)
    total = to == _REGION or (kind in ("export", "import") and _is_total(q, scopes[0].mask(st.text)))
    frm, to = frm or None, None if total else (to or None)
    explicit = (frm is not None) + (to is not None or total)
    if frm is None and to is None:
        prior = next((f for f in reversed(state.figures) if f.kind == kind), None)
        if prior is None and not (st.has_pair_phrase or state.figures):
            return None  # no country anywhere near: whose figure it is stays unknown
        frm, to = (prior.from_, prior.to) if prior else (pair or (None, None))
    if not region:
        frm, to = _fill(frm, to, pair, total)
    return frm, to, explicit


def _pair_sides(
    q: Quantity, st: _Sent, scopes: list[_Scope], kind: str, pair: tuple[str, str] | None, state: _State
) -> tuple[str | None, str | None, int]:
    """The unordered pair of trade_total, growth_rate, other: the countries named, else the context's."""
    refs = [r for r in st.refs if scopes[-1].sees(r.start, r.end)]
    narrow = [r for r in refs if scopes[0].sees(r.start, r.end)]
    prior = next((f for f in reversed(state.figures) if f.from_ and f.to), None)
    if not refs and not st.has_pair_phrase and prior is not None:
        return prior.from_, prior.to, 0
    frm, to = _pair_of(narrow if len({r.iso3 for r in narrow}) >= 2 else refs, st, pair)
    if kind == "trade_total" and len({r.iso3 for r in refs}) == 1 and _is_total(q, scopes[0].mask(st.text)):
        to = None  # "Brazil's total trade"
    return frm, to, 2 if refs or st.has_pair_phrase else 0


def _figure(
    q: Quantity, st: _Sent, doc: Document, pair: tuple[str, str] | None, state: _State
) -> Figure | None:
    scopes = _scopes(st, q)
    item = _list_item(q, st)
    found = _kind(q, st, scopes, state)
    # "… such as Chile (925 million dollars)" with no cue of its own: the previous figure's kind and reporter
    base = _list_base(q, state) if item is not None and (found is None or found[1] >= 2) else None
    if base is not None:
        found = (base.kind, 1, 1.0)
    if found is None:
        return None
    kind, level, sign = found
    year, explicit_year = _year(q, st, scopes, kind, state)
    if base is not None:
        year = year if explicit_year else base.year
        frm, to, explicit = base.from_, item.iso3 or None if item else None, 1
    elif kind in _ORDERED:
        sides = _ordered_sides(q, st, scopes[level:], kind, pair, state)
        if sides is None:
            return None
        frm, to, explicit = sides
    else:
        frm, to, explicit = _pair_sides(q, st, scopes[level:], kind, pair, state)
    if base is None and item is not None and item.iso3 and item.iso3 not in (frm, to):
        to = item.iso3  # "exports to Germany were $16 billion, ahead of France (7 billion dollars)"
    source = Source(doc.name, st.text, st.sentence.start, st.sentence.end)
    confidence = round(_confidence(level, explicit, explicit_year), 2)
    return Figure(kind, q.value * sign, q.unit, year, frm, to, q.qualifier, source, q.text, confidence)


def _is_total(q: Quantity, masked: str) -> bool:
    """A total with the world: "total", "overall", "worldwide" close to the quantity, no number between."""
    before = masked[max(0, q.start - 40) : q.start]
    before = re.split(r"\d", before)[-1]
    after = re.split(r"\d", masked[q.end : q.end + 30])[0]
    return bool(_TOTAL.search(before) or _TOTAL_AFTER.match(after))


def _document_year(doc: Document) -> TimeValue | None:
    """The year of a news item's or blog post's date: what its present-tense figures most likely mean."""
    date = doc.published or doc.date_estimate
    if doc.kind not in ("news", "blog") or not date or not re.match(r"\d{4}", date):
        return None
    return _span(int(date[:4]), int(date[:4]), "inferred")


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]


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
    state, out, seen = _State(fallback_year=doc_year), [], set()
    for sentence in doc.sentences:
        paragraph = bisect_right(starts, sentence.start) - 1
        if paragraph != state.paragraph:
            previous = state.figures[-1].year if state.figures else None
            fallback = previous or state.fallback_year
            state = _State(paragraph=paragraph, subject=state.subject, fallback_year=fallback)
        lo, hi = bisect_right(m_starts, sentence.start - 1), bisect_right(m_starts, sentence.end - 1)
        inside = [m for m in mentions[lo:hi] if m.end <= sentence.end]
        refs = _refs(sentence.text, sentence.start, inside, pair, state.subject)
        own_timexes = _sentence_timexes(sentence.text, sentence.start, timexes, t_starts)
        st = _Sent(
            sentence,
            paragraph,
            refs,
            own_timexes,
            _parens(sentence.text),
            any(m.kind == "pair" for m in inside),
        )
        for q in find_quantities(sentence.text):
            figure = _figure(q, st, doc, pair, state)
            if figure is None:
                continue
            key = (
                figure.kind,
                figure.value,
                figure.unit,
                figure.year.edtf if figure.year else None,
                figure.from_,
                figure.to,
            )
            state.figures.append(figure)
            if figure.year is not None:
                state.year = figure.year
            if key not in seen:
                seen.add(key)
                out.append(figure)
        years = [v for _s, _e, v, base in st.timexes if not base]
        if years and not any(f.source.start == sentence.start for f in state.figures):
            state.year = years[-1]
        nouns = [r for r in refs if r.form in _NOUN_FORMS and r.prep is None]
        if nouns:
            state.subject = nouns[0].iso3
    LOGGER.debug("%s: %d figures", doc.name, len(out))
    return out
