"""Countries in a sentence and their roles in a figure: reporter and partner, investor and host, supplier
and buyer, or just the pair.

:func:`find_refs` lists the countries a sentence names or refers to ("its", "the country") with the
preposition before each ("to", "from", "in", "between"), the head noun after it ("Russian *weapons*",
"Peru's *exports*", "its Vietnamese *subsidiaries*") and whether it is only a comparison ("more than twice
*Brazil's* trade with *the United States*", "overtook *the United Kingdom* as …", "after *China and Spain*").
:func:`sentence_scopes` gives the spans a quantity sees (its parenthesis, its clause, the sentence);
:func:`ordered_sides` reads (from, to) of export, import, investment and arms figures from the roles, and
:func:`pair_sides` the unordered pair of the others ("bilateral", "two-way": the document's pair).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dyad.extract.context import resolve_descriptor
from dyad.extract.mentions import Mention
from dyad.extract.quantities import Quantity, currency_is_name
from dyad.models import Figure, Sentence, TimeValue

__all__ = [
    "COUNTRY_FORMS",
    "NOUN_FORMS",
    "REGION",
    "Ref",
    "Scope",
    "Sent",
    "find_parens",
    "find_refs",
    "ordered_sides",
    "pair_sides",
    "sentence_scopes",
]

_I = re.IGNORECASE
REGION = ""  # the iso3 of a region reference
_VERBS = {
    "seller": re.compile(
        r"\b(?:export(?:s|ed|ing)?(?!\s+(?:earnings|revenues?|receipts|markets?|volumes?|values?|data))|"
        r"ship(?:s|ped)|s(?:old|ells?|elling)|suppl(?:y|ies|ied)|"
        r"deliver(?:s|ed)?|provid(?:es?|ed)|transferr?(?:s|ed)?)\b",
        _I,
    ),
    "buyer": re.compile(
        r"\b(?:import(?:s|ed|ing)?|b(?:ought|uys?|uying)|purchas(?:es?|ed|ing)|"
        r"acquir(?:es?|ed)|order(?:s|ed)|procur(?:es?|ed)|receiv(?:es?|ed)|spen[dt]s?|pa(?:ys?|id|ying))\b",
        _I,
    ),
    "investor": re.compile(r"\b(?:invest(?:s|ed|ing)?|pour(?:s|ed|ing)?|fund(?:s|ed)|plac(?:es|ed))\b", _I),
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
    "firms": "companies company firms firm businesses enterprises banks corporations groups subsidiaries "
    "subsidiary affiliates affiliate plants plant factories factory units",
    "arms": "arms weapons weaponry helicopters aircraft jets fighters tanks missiles equipment hardware "
    "warships submarines armaments",
    "recipient": "armed army navy military",
}
_HEAD_OF = {w: cat for cat, words in _HEADS.items() for w in words.split(" ")}
# a country's investors from abroad: "Viet Nam's largest foreign investor", "Kenya's top investors"
_INVESTORS_IN = re.compile(
    r"\s*(?:(?:single|largest|biggest|top|main|leading|major|\w+-largest|\w+-biggest|foreign|overseas)\s+)+"
    r"investors?\b",
    _I,
)
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
# a country named as a place on the way, not a side: "stopping short of the Ugandan border"
_PLACE_AFTER = re.compile(
    r"\s+(?:border|frontier)\b(?!\s*(?:-\s*)?(?:trade|commerce|crossings?\s+trade))", _I
)
_SEAT_IN = re.compile(
    r"\b(?:tribunal|court|chamber|commerce|council|talks|summit|meeting|conference|forum|embassy|consulate|"
    r"office|headquarter(?:s|ed)|based|held|hosted)\s+(?:[\w-]+\s+){0,3}?in\s+$",
    _I,
)
_TRIP_TO = re.compile(r"\b(?:visits?|trips?|tours?|journeys?|travel(?:l?ed|s)?)\s+to\s+(?:the\s+)?$", _I)
_OWNER = re.compile(r"['’]")  # "in Beijing's view": the capital as its government
_BETWEEN_AND = re.compile(r"\bbetween\s+(?:the\s+)?\S+(?:\s+\S+)?\s+and\s+(?:the\s+)?$", _I)
_FORCES = re.compile(r"\s*(?:armed\s+forces|army|navy|military|air\s+force)", _I)
_PRONOUN = re.compile(r"\b(?:its|it|it['’]s|the\s+country(?:['’]s)?)\b", _I)
NOUN_FORMS = ("name", "metonym", "historical", "descriptor", "organisation")
# Forms that name a country itself (not "it", not one of its companies).
COUNTRY_FORMS = ("name", "adjective", "metonym", "historical", "descriptor")
# A comparison: "more than (twice the value of) X", "overtook X as", "ahead of X", "after X and Y".
_COMPARED = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|ahead\s+of|behind|after|overt(?:ook|akes?|aking|aken)|"
    r"surpass(?:ed|es|ing)?|outpac(?:ed|es|ing|e)|outstrip\w*|unlike|versus|vs\.?|instead\s+of|"
    r"followed\s+by)\s+(?:(?:twice|thrice|double|triple|half|\w+\s+times|that|those|the|its|their|value|"
    r"level|volume|size|figure|of|with|for|in|to)\s+){0,5}$",
    _I,
)
# the next country of a list or phrase that began with a comparison: "after China and the United States",
# "the value of Brazil's trade with the United States"
_COMPARED_CHAIN = re.compile(
    r"(?:['’]s?)?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s+[\w-]+\s+(?:with|to|and)\s+)(?:the\s+)?",
    _I,
)

_TWO_WAY = re.compile(r"\btwo[\s-]way\b", _I)
_TOTAL = re.compile(r"\b(?:total|overall|worldwide|global|altogether)\b|\bto\s+the\s+world\b", _I)
_TOTAL_AFTER = re.compile(r"\s*(?:in\s+total|of\s+(?:its|their)?\s*total)", _I)
_BOUNDARY = re.compile(
    # an absolute clause opens a new one: "rose to EUR 5.8 billion, with Turkish exports worth …"
    r";|:(?!\d)|\s[-–—]\s|,\s+(?:while|whereas|but|and|although|though|with(?!\s+wh))\b"
    # "exports were $2 billion and imports from Chile $1 billion": an amount, then a new flow
    r"|(?:(?<=\d)|(?<=bn)|(?<=lion)|(?<=lars)|(?<=euros)|(?<=cent)|(?<=%))\s+and\s+"
    r"(?=(?:its\s+|their\s+|the\s+)?(?:exports?|imports?)\b)"
    r"|\s(?:while|whereas)\s|\bbut\s",
    _I,
)
# a dash opening or closing an aside: spaced on one side or next to punctuation (not "Peru–Russia")
_DASH = re.compile(r"\s[–—]\s?|[–—](?=[\s,.;:])|\s-\s")


@dataclass(slots=True)
class Ref:
    """A country named (or referred to) in a sentence; offsets relative to the sentence."""

    start: int
    end: int
    iso3: str
    form: str
    prep: str | None = None
    head: str | None = None
    possessive: bool = False
    context: bool = False
    comparison: bool = False  # named only as a comparison: "more than with Canada", "after China"
    arms_maker: bool = False  # a defence company: a supplier of arms


def _role(text: str, ref: Ref) -> Ref:
    before = text[: ref.start]
    m = _PREP.search(before)
    if m:
        ref.prep = m.group(1).lower()
        if ref.prep == "and" and _BETWEEN_AND.search(before):
            ref.prep = "between"
    after = text[ref.end :]
    ref.context = bool(
        _CONTEXT.search(before)
        or (ref.form == "adjective" and _PLACE_AFTER.match(after))
        # a capital a body sits or meets in is a place: "a tribunal at the ICC in Paris ruled"
        or (ref.form == "metonym" and _SEAT_IN.search(before) and not _OWNER.match(after))
        # where someone travelled: "came home from a state visit to China with pledges of $24 billion"
        or bool(_TRIP_TO.search(before))
    )
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
    if ref.head == "invest" and ref.possessive and _INVESTORS_IN.match(after):
        ref.head = "host"  # "Viet Nam's largest foreign investor": the one invested in
    if ref.head == "recipient" and not _FORCES.match(after):
        ref.head = None
    return ref


def find_refs(
    text: str,
    offset: int,
    mentions: list[Mention],
    pair: tuple[str, str] | None,
    previous_subject: str | None,
) -> list[Ref]:
    refs = []
    for m in mentions:
        iso3: str | None = None
        if m.kind == "country" and _names_a_currency(text, m.end - offset):
            continue  # "4.2 billion US dollars", "50 billion Indian rupees": a currency, not a side
        if m.kind == "country":
            iso3 = resolve_descriptor(m, pair) if m.form == "descriptor" else m.value
        elif m.kind == "organisation" and m.attrs.get("iso3"):
            iso3 = m.attrs["iso3"]
        if iso3:
            form = "organisation" if m.kind == "organisation" else (m.form or "name")
            ref = Ref(m.start - offset, m.end - offset, iso3, form)
            ref.arms_maker = m.form == "company" and m.attrs.get("dimension") == "military"
            refs.append(ref)
        elif m.kind == "region":  # "to Latin America": a partner but no country; never filled from the pair
            refs.append(Ref(m.start - offset, m.end - offset, REGION, "region"))
    for p in _PRONOUN.finditer(text):
        if any(r.start <= p.start() < r.end for r in refs):
            continue
        target = _antecedent(text, refs, p.start(), previous_subject)
        owner = p.group(0).lower().startswith("its") or p.group(0).lower().endswith("s")
        if owner and (subject := _clause_subject(text, refs, p.start())) is not None:
            target = subject  # "Japan relies on Russia for 9% of its imports": Japan's, not Russia's
        if target:
            form = "pronoun_possessive" if p.group(0).lower().startswith("its") else "pronoun"
            refs.append(Ref(p.start(), p.end(), target, form))
    refs.sort(key=lambda r: r.start)
    out = [_role(text, r) for r in refs]
    for i, r in enumerate(out):
        before = text[max(0, r.start - 60) : r.start]
        gap = text[out[i - 1].end : r.start] if i else ""
        chained = i > 0 and out[i - 1].comparison and _COMPARED_CHAIN.fullmatch(gap)
        r.comparison = bool(chained or _COMPARED.search(before))
    return out


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _names_a_currency(text: str, end: int) -> bool:
    """Whether the country word ending at ``end`` is the first word of a currency's name: "US dollars"."""
    m = _NEXT_WORD.match(text, end)
    return bool(m and currency_is_name(m.group(1)))


def _antecedent(text: str, refs: list[Ref], before: int, previous_subject: str | None) -> str | None:
    """The country a pronoun refers to: the latest one named before it that is no object of a preposition
    (a subject, or a possessive: "Peru imported $1.9 billion from Mexico, while its exports …" is Peru's),
    else the latest one named. A country that a small clause makes something ("making Iraq one of its
    largest markets", "making China the country's largest supplier") is not what its complement's
    pronoun refers to."""
    earlier = [r for r in refs if r.end <= before and r.form in NOUN_FORMS]
    made = [r for r in earlier if _SMALL_CLAUSE.search(text[: r.start]) and "," not in text[r.end : before]]
    if made:
        earlier = [r for r in earlier if r.iso3 != made[-1].iso3]
    if not earlier:
        return previous_subject
    unmarked = [r for r in earlier if _PREP.search(text[: r.start]) is None]
    return (unmarked or earlier)[-1].iso3


# a verb whose object is followed by what the object becomes: "making Iraq one of its markets"
_SMALL_CLAUSE = re.compile(
    r"\b(?:mak(?:e|es|ing)|made|leav(?:e|es|ing)|left|turn(?:s|ed|ing)?|render(?:s|ed|ing)?)\s+(?:the\s+)?$",
    _I,
)


def _clause_subject(text: str, refs: list[Ref], before: int) -> str | None:
    """The country a clause opens with, when a possessive later in it ("its", "the country's") is the
    subject's: "Japan relies on Russia for …", "Paraguayan exports to Brazil …". Only when the clause's
    first country comes first in it (no preposition before it) and a later one follows a preposition."""
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, before)), default=0)
    inside = [
        _role(text, Ref(r.start, r.end, r.iso3, r.form)) for r in refs if lo <= r.start and r.end <= before
    ]
    named = [r for r in inside if r.form in COUNTRY_FORMS]
    if len({r.iso3 for r in named}) < 2 or named[0].prep is not None:
        return None
    if not all(r.prep is not None for r in named[1:] if r.iso3 != named[0].iso3):
        return None
    return named[0].iso3


_CLAUSE_BREAK = re.compile(
    r"[;:]|\band\s+(?=(?:it|its|the\s+country)\b)|\bwhile\b|\bwhereas\b", re.IGNORECASE
)


def _subject(refs: list[Ref], verb: re.Pattern[str], masked: str, anchor: int) -> Ref | None:
    """The country right before a verb of the class (nearest noun-form reference with no preposition)."""
    for m in sorted(verb.finditer(masked), key=lambda m: abs(m.start() - anchor)):
        before = [
            r
            for r in refs
            if r.end <= m.start()
            and m.start() - r.end <= 80
            and r.prep is None
            and not r.possessive
            and r.form in (*NOUN_FORMS, "pronoun", "region")
        ]
        if before and not re.search(r"[;:]", masked[before[-1].end : m.start()]):
            return before[-1]
    return None


def _object(refs: list[Ref], verb: re.Pattern[str], masked: str) -> Ref | None:
    """The country right after a verb of the class: "sold Peru helicopters", "supplied India with"."""
    for m in verb.finditer(masked):
        after = [r for r in refs if r.start >= m.end() and not masked[m.end() : r.start].strip(" ")]
        if after and after[0].form in NOUN_FORMS:
            return after[0]
    return None


def _pick(refs: list[Ref], anchor: int, *tests: object) -> Ref | None:
    """The reference nearest to ``anchor`` that passes the first test any reference passes."""
    for test in tests:
        passing = [r for r in refs if not r.context and test(r)]  # type: ignore[operator]
        if passing:
            return min(passing, key=lambda r: abs(r.start - anchor))
    return None


def _sides(kind: str, refs: list[Ref], masked: str, anchor: int) -> tuple[str | None, str | None]:
    """(from, to) from the roles of the countries visible in one scope, nearest to ``anchor`` first."""

    def side(*tests: object) -> Ref | None:
        return _pick(refs, anchor, *tests)

    def subject(verbs: str) -> Ref | None:
        return _subject(refs, _VERBS[verbs], masked, anchor)

    if kind == "export":
        # the exporter named before the amount first: "Russian exports to Kazakhstan were worth $18.9
        # billion and Kazakh exports to Russia $9 billion"
        a = side(
            lambda r: r.head == "export" and r.end <= anchor,
            lambda r: r.head == "export",
            lambda r: r.prep == "from",
        )
        a = a or subject("seller")
        a = a or side(lambda r: r.head in ("goods", "firms") and r.prep in (None, "of"))
        b = side(
            lambda r: r.prep in ("to", "into", "towards", "toward") and r.head in (None, "market"),
            lambda r: r.head in ("market", "import"),
        )
        b = b or _object(refs, _VERBS["seller"], masked)
        if a is None and b is None and (buyer := subject("buyer")) is not None:
            # told from the buyer's side: "China bought $1bn of Australian wine, 37% of export earnings"
            a, b = side(lambda r: r.prep == "of" and r.form == "adjective" and r.iso3 != buyer.iso3), buyer
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
        b = side(lambda r: r.prep in ("in", "into", "to") and r.head != "invest", lambda r: r.head == "host")
        b = b or subject("host")
        if a is None and b is not None and b.head == "host":  # "Japan remains Peru's largest investor"
            a = side(
                lambda r: r.prep is None and not r.possessive and r.form in NOUN_FORMS and r.iso3 != b.iso3
            )
    else:  # arms_value
        a = side(
            lambda r: r.head in ("arms", "goods") and r.prep != "to" and r.form not in NOUN_FORMS,
            lambda r: r.prep == "from",
            lambda r: r.arms_maker,
            lambda r: r.prep == "for" and r.form == "adjective",  # "paid … for Russian air defence systems"
        )
        a = a or subject("seller") or side(lambda r: r.head == "export")
        b = subject("buyer") or _object(refs, _VERBS["seller"], masked)
        b = b or side(
            lambda r: r.prep in ("to", "for") and r.form != "adjective",
            lambda r: r.head in ("recipient", "import"),
        )
    if a is None and b is None:  # a bare subject: the reporter, the investor, or (arms news) the buyer
        bare = side(lambda r: r.prep is None and not r.possessive and r.form in NOUN_FORMS)
        a, b = (None, bare) if kind == "arms_value" else (bare, None)
    frm, to = (a.iso3 if a else None), (b.iso3 if b else None)
    return (frm, None) if frm == to else (frm, to)


def _pair_of(refs: list[Ref], pair: tuple[str, str] | None) -> tuple[str | None, str | None]:
    codes: list[str] = []
    for r in refs:
        if not r.context and r.iso3 not in codes:
            codes.append(r.iso3)
    if REGION in codes:  # "Russia's trade with Latin America": one country and no second one
        return next((c for c in codes if c), None), None
    if len(codes) >= 2:
        return codes[0], codes[1]
    if len(codes) == 1:
        if pair and codes[0] in pair:
            return codes[0], pair[1] if codes[0] == pair[0] else pair[0]
        return codes[0], None
    return pair if pair else (None, None)


def _fill_pair(
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


@dataclass(slots=True)
class Scope:
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
class Sent:
    sentence: Sentence
    paragraph: int
    refs: list[Ref]
    timexes: list[tuple[int, int, TimeValue, bool]]  # start, end, value, is a comparison base
    parens: list[tuple[int, int]]
    has_pair_phrase: bool
    igos: list[tuple[int, int]]  # international bodies: "owes the IMF", "the EU pledged"
    # The sentence with the letters of organisations' names hidden, so that "the Export-Import Bank of
    # China" gives no export or import cue; same length, so offsets hold.
    masked: str = ""

    @property
    def text(self) -> str:
        return self.masked or self.sentence.text


def find_parens(text: str) -> list[tuple[int, int]]:
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


# between a label's colon and its amount: "Trade: about USD 3 billion"
_LABEL_GAP = re.compile(
    r"\s*(?:(?:about|around|roughly|some|nearly|almost|approximately|an\s+estimated|over|more\s+than|"
    r"under|less\s+than|up\s+to|close\s+to)\s+)*",
    _I,
)


def _clause(text: str, pos: int) -> tuple[int, int]:
    lo, hi = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    return lo, hi


def sentence_scopes(st: Sent, q: Quantity) -> list[Scope]:
    """Narrowest first: q's parenthesis, q's clause, the sentence (other parentheses hidden)."""
    text, out = st.text, []
    around = [p for p in st.parens if p[0] <= q.start and q.end <= p[1]]
    others = [p for p in st.parens if not (p[0] <= q.start and q.end <= p[1])]
    if around:
        lo, hi = max(around)
        out.append(Scope(lo, hi, [p for p in others if lo <= p[0] and p[1] <= hi]))
    outer = min(around) if around else None
    hidden = [p for p in others if outer is None or not (outer[0] <= p[0] and p[1] <= outer[1])]
    pos = outer[0] if outer else q.start
    visible = Scope(0, len(text), hidden).mask(text)
    lo, hi = _clause(visible, pos)
    if lo > 0 and visible[lo - 1] == ":" and _LABEL_GAP.fullmatch(visible, lo, pos):
        lo = _clause(visible, lo - 1)[0]  # "Bilateral trade in goods: USD 3.1 billion": the label names it
    out.append(Scope(lo, hi, hidden))
    out.append(Scope(0, len(text), hidden))
    return out


def ordered_sides(
    q: Quantity,
    st: Sent,
    scopes: list[Scope],
    kind: str,
    pair: tuple[str, str] | None,
    figures: list[Figure],
    earlier: Sequence[Figure] = (),
) -> tuple[str | None, str | None, int] | None:
    """(from, to, number of sides the text gives) for export, import, investment, arms_value. ``figures``
    are the paragraph's so far, ``earlier`` those of the paragraphs before."""
    frm, to = None, None
    for scope in scopes:
        visible = [r for r in st.refs if scope.sees(r.start, r.end)]
        f2, t2 = _sides(kind, visible, scope.mask(st.text), q.start)
        frm = frm or (f2 if f2 != to else None)  # a wider scope never names the partner as the reporter
        to = to or (t2 if t2 != frm else None)
    region = REGION in (frm, to)
    total = to == REGION or (kind in ("export", "import") and _is_total(q, scopes[0].mask(st.text)))
    frm, to = frm or None, None if total else (to or None)
    explicit = (frm is not None) + (to is not None or total)
    if kind in ("export", "import") and to is None and frm is not None:
        # "its Vietnamese subsidiaries exported $55.6 billion": a company's sales, to the world as far as told
        clause = [r for r in st.refs if scopes[0].sees(r.start, r.end)]
        total = total or any(r.head == "firms" and r.prep in (None, "of") for r in clause)
    if frm is None and to is None:
        prior = next((f for f in reversed(figures) if f.kind == kind), None)
        if prior is None and not (st.has_pair_phrase or figures):
            # "In 2014 exports recovered to 700,000 head" in a later paragraph of a story whose figures of
            # that kind were between the pair: the same flow, told on
            prior = next((f for f in reversed(earlier) if f.kind == kind), None)
            if prior is None or not (prior.from_ and prior.to) or not _of_pair(prior, pair):
                return None  # no country anywhere near: whose figure it is stays unknown
        frm, to = (prior.from_, prior.to) if prior else (pair or (None, None))
    if not region:
        frm, to = _fill_pair(frm, to, pair, total)
    return frm, to, explicit


def _of_pair(figure: Figure, pair: tuple[str, str] | None) -> bool:
    return pair is None or {figure.from_, figure.to} == set(pair)


def pair_sides(
    q: Quantity, st: Sent, scopes: list[Scope], kind: str, pair: tuple[str, str] | None, figures: list[Figure]
) -> tuple[str | None, str | None, int]:
    """The unordered pair of trade_total, growth_rate, other: the countries named (not those only compared,
    nor a region something ranks "in"); the document's pair for "bilateral", "two-way"; else the context's."""
    refs = [
        r
        for r in st.refs
        if scopes[-1].sees(r.start, r.end)
        and not r.comparison
        and (r.form != "region" or r.prep in ("with", "to", "from", "and", "between"))
    ]
    narrow = [r for r in refs if scopes[0].sees(r.start, r.end)]
    pair_phrase = st.has_pair_phrase or bool(_TWO_WAY.search(st.text))
    prior = next((f for f in reversed(figures) if f.from_ and f.to), None)
    if not refs and not pair_phrase and prior is not None:
        return prior.from_, prior.to, 0
    if pair and pair_phrase and all(r.iso3 in pair for r in refs if r.form != "region"):
        return pair[0], pair[1], 2  # "bilateral trade", "two-way trade of $157.5 billion was twice …"
    frm, to = _pair_of(narrow if len({r.iso3 for r in narrow}) >= 2 else refs, pair)
    if kind == "trade_total" and len({r.iso3 for r in refs}) == 1 and _is_total(q, scopes[0].mask(st.text)):
        owner = refs[0].possessive or refs[0].form in ("adjective", "pronoun_possessive")
        if owner or not pair or refs[0].iso3 not in pair:
            to = None  # "Brazil's total trade"; "total trade stood at" in a story about the pair is theirs
    return frm, to, 2 if refs or pair_phrase else 0


def _is_total(q: Quantity, masked: str) -> bool:
    """A total with the world: "total", "overall", "worldwide" close to the quantity, no number between."""
    before = masked[max(0, q.start - 40) : q.start]
    before = re.split(r"\d", before)[-1]
    after = re.split(r"\d", masked[q.end : q.end + 30])[0]
    return bool(_TOTAL.search(before) or _TOTAL_AFTER.match(after))
