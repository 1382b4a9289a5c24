"""Quantities in English text: money, percentages, multipliers, ranks, plain numbers, with qualifiers.

``find_quantities(text)`` returns :class:`Quantity` records with offsets into ``text``. Values are plain
numbers (``"$4.4 billion"`` → 4.4e9, unit ``USD``); currencies keep their own ISO code (no conversion),
read from the codes, symbols and names of ``knowledge/currencies.tsv`` ("NPR 17.1 billion", "KSh 95
billion", "40 billion Egyptian pounds");
``percent``, ``factor`` ("sevenfold", "doubled", "triple their level"), ``rank`` ("ranked 31st", and 1 for a
bare superlative before a partner noun: "India's largest arms supplier"), ``tonne``, ``barrel``, ``m3``
("5.8 bcm" is 5.8e9), ``MW`` (electric power: "2 GW" is 2000) and ``count`` (a bare number) are the
other units; "as much as" is an upper bound. A quantity's span includes its qualifier ("more than 230
million dollars").

Never a quantity: years in date positions ("in 1985"), days of a month, model and code numbers ("Mi35",
"Su-24", "COP21", "G8"), ordinals of centuries and anniversaries, phone numbers, DOIs and URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

__all__ = [
    "Quantity",
    "currency_choices",
    "currency_code",
    "currency_countries",
    "currency_is_name",
    "find_fractions",
    "find_quantities",
    "MONEY_UNITS",
    "parse_number_words",
]


@dataclass(slots=True, frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str  # ISO 4217 code, percent, factor, rank, count, tonne, barrel, head, m3
    qualifier: str = "exact"  # exact, more_than, less_than, about
    low: float | None = None  # ranges: "between $2 and $3 billion"
    high: float | None = None

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS


# ---------------------------------------------------------------- vocabulary

_UNITS = re.findall(
    r"\w+",
    """zero one two three four five six seven eight nine ten eleven twelve thirteen
                               fourteen fifteen sixteen seventeen eighteen nineteen""",
)
_TENS = re.findall(r"\w+", "twenty thirty forty fifty sixty seventy eighty ninety")
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        re.findall(
            r"\w+",
            """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""",
        )
    )
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "trln": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}


@dataclass(slots=True, frozen=True)
class _Currencies:
    """knowledge/currencies.tsv: the codes each name (after an amount) and symbol (before it) may mean,
    the default first."""

    names: dict[str, tuple[str, ...]]  # lower-case, singular and plural
    symbols: dict[str, tuple[str, ...]]  # as written
    countries: dict[str, tuple[str, ...]]  # code → the ISO3 codes of the countries whose currency it is


def _load_currencies() -> _Currencies:
    names: dict[str, list[str]] = {}
    symbols: dict[str, list[str]] = {}
    countries: dict[str, tuple[str, ...]] = {}
    text = resources.files("dyad.knowledge").joinpath("currencies.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        code, iso3, name_cell, symbol_cell = line.split("\t")
        if iso3:
            countries[code] = tuple(iso3.split("|"))
        for name in filter(None, name_cell.split("|")):
            forms = {name.lower()} | ({name.lower() + "s"} if not name.endswith("s") else set())
            for form in forms:
                names.setdefault(form, []).append(code)
        for symbol in filter(None, symbol_cell.split("|")):
            symbols.setdefault(symbol, []).append(code)
    return _Currencies(
        {k: tuple(dict.fromkeys(v)) for k, v in names.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in symbols.items()},
        countries,
    )


_CURRENCIES = _load_currencies()
MONEY_UNITS = frozenset(
    code for codes in (*_CURRENCIES.names.values(), *_CURRENCIES.symbols.values()) for code in codes
)
# ¥ is the yuan in a Chinese context.
_CHINA_CONTEXT = re.compile(r"\b(China|Chinese|Beijing|yuan|renminbi|RMB|CNY)\b")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
_PHYSICAL = {
    "tonnes": "tonne",
    "tonne": "tonne",
    "tons": "tonne",
    "ton": "tonne",
    "metric tons": "tonne",
    "barrels": "barrel",
    "barrel": "barrel",
    "head": "head",  # livestock: "700,000 head of cattle"
    "cubic metres": "m3",
    "cubic meters": "m3",
    "bcm": "m3",  # billion cubic metres of gas
    "megawatts": "MW",  # electric power sold across a border
    "mw": "MW",
    "gigawatts": "MW",
    "gw": "MW",
}
# the abbreviations that carry their own scale
_PHYSICAL_SCALE = {"bcm": 1e9, "gigawatts": 1e3, "gw": 1e3}


def _alt(words: object) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_W_UNIT = "one|two|three|four|five|six|seven|eight|nine"
_W_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_W_TENS = "|".join(_TENS)
_W_99 = rf"(?:(?:{_W_TENS})(?:[- ](?:{_W_UNIT}))?|{_W_TEEN}|{_W_UNIT})"
_W_NUM = (
    rf"(?:(?:{_W_99}|one|two)\s+and\s+a\s+half"
    rf"|half\s+an?|a\s+half"
    rf"|(?:an?|{_W_UNIT})\s+hundred(?:\s+(?:and\s+)?{_W_99})?"
    rf"|{_W_99}|an?(?=\s+(?:thousand|million|billion|trillion)\b))"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# a decimal as a broadcast script spells it: "five-point-seven billion", "14 point eight per cent"
# (behind a look-ahead for "point", so that most positions fail at once)
_SPOKEN_DECIMAL = (
    rf"\b(?=\w+(?:-\w+)?[\s-]point[\s-])(?:\d+|{_W_99}|zero)[\s-]point(?:[\s-](?:{_W_UNIT}|zero))+\b"
)
# a decimal comma, as much of Europe and Latin America writes it, before a scale word: "US$3,5 billion"
# (a thousands group has three digits, so "3,5" and "12,75" can be nothing else)
_DECIMAL_COMMA_DIGITS = r"\d{1,3},\d{1,2}"
_DECIMAL_COMMA = (
    rf"\b{_DECIMAL_COMMA_DIGITS}(?=\s?-?\s?(?:millions?|billions?|trillions?|mn|mln|bn|bln|trn|tn)\b)"
)
_SCALE = r"(?:hundred|thousand|millions?|billions?|trillion|mn|mln|bn|bln|trn|trln|tn|lakh|crore)\b|[mbk]\b"


def _symbol_pattern(symbol: str) -> str:
    """A symbol before an amount: a word symbol not inside a word, one ending in a letter right before the
    number ("TL 5", not "TLS"), a one-letter one only before a scaled amount ("R8.9 billion", never "R2")."""
    pattern = re.escape(symbol).replace(r"\ ", r"\s?")
    if not symbol[0].isalpha():
        return pattern
    pattern = r"(?<![A-Za-z])" + pattern
    if len(symbol) == 1:
        return pattern + r"(?=\d[\d,.]*\s?(?:bn|billion|mn|million|trillion)\b)"
    return pattern + (r"(?=\s?\d)" if symbol[-1].isalpha() else "")


_LONGEST_FIRST = sorted(_CURRENCIES.symbols, key=len, reverse=True)
# word symbols behind one look-ahead for a capital, so that most positions of a text fail at once
_PRE = (
    "(?-i:(?=[A-Z])(?:"
    + "|".join(_symbol_pattern(s) for s in _LONGEST_FIRST if s[0].isalpha())
    + ")|"
    + "|".join(_symbol_pattern(s) for s in _LONGEST_FIRST if not s[0].isalpha())
    + ")"
)
# a word symbol directly before digits is money, not a model number ("NPR17", "R8.9bn" vs "Su-24")
_WORD_SYMBOLS = "|".join(re.escape(s) for s in _LONGEST_FIRST if re.fullmatch(r"[A-Za-z]+", s))
_CODES = "|".join(s for s in _LONGEST_FIRST if re.fullmatch(r"[A-Z]{3}", s))
_POST = (
    "(?:"
    + "|".join(
        re.escape(n).replace(r"\ ", r"[\s-]+") for n in sorted(_CURRENCIES.names, key=len, reverse=True)
    )
    + rf"|(?-i:{_CODES})(?![\w$]))"
)
_NUMBER = re.compile(
    rf"(?P<pre>{_PRE})?\s?(?P<num>{_SPOKEN_DECIMAL}|{_DECIMAL_COMMA}|{_DIGITS}|\b{_W_NUM}\b)"
    rf"(?:\s?-?\s?(?P<scale>{_SCALE}))?"
    rf"(?:\s?-?\s?(?P<scale2>million|billion|trillion|crore)\b)?"
    # the currency hyphened to the number or scale word: "a 50-euro fee", "a 3.5-billion-U.S.-dollar loan"
    rf"(?:(?:(?:\s+of)?\s+|(?<=[a-z\d])-)(?P<post>{_POST})\b)?"
    r"(?P<pct>\s?%|[\s-]?(?:percent|per[\s-]cent|pct)\b|(?<=\d)pc\b|\s(?:percentage|per-cent) points?\b)?"
    r"(?P<fold>\s?-?\s?fold\b)?"
    rf"(?:\s+(?P<phys>{_alt(_PHYSICAL)})\b)?",
    re.IGNORECASE,
)
_WORD_FOLD = re.compile(rf"\b(?P<w>{_W_99}|hundred|thousand)fold\b", re.IGNORECASE)
_VERB_FACTOR = re.compile(
    r"\b(?P<v>doubl|tripl|quadrupl|quintupl)(?:ed|ing|es\b|e(?=\s+(?:their|its|the|that|those)\s))\b",
    re.IGNORECASE,
)
# the verb's plain form after "to" or a modal: "expect imports to double", "trade could triple"
_VERB_FACTOR_PLAIN = re.compile(
    r"\b(?:to|will|would|could|can|may|might|should|must)\s+(?:(?:more\s+than|nearly|almost|roughly)\s+)?"
    r"(?P<v>doubl|tripl|quadrupl|quintupl)e\b(?!-)",
    re.IGNORECASE,
)
_TIMES = re.compile(
    rf"(?P<pre>\b(?:increased|grew|rose|multiplied|expanded|jumped|risen|grown)\s+(?:by\s+)?)?"
    rf"\b(?P<n>{_DIGITS}|{_W_99}|two|three)\s+times\b"
    r"(?P<post>\s+(?:more|higher|larger|greater|bigger|over|as\s+(?:much|many|large|high|big)))?",
    re.IGNORECASE,
)
_FACTOR_VERBS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "quintupl": 5.0}
_ORDINAL = re.compile(r"(?<![\w.-])(?P<n>\d{1,3})(?:st|nd|rd|th)\b", re.IGNORECASE)
_WORD_ORDINAL = re.compile(
    rf"(?P<pre>\b(?:rank(?:s|ed|ing)?|placed|position(?:ed)?)\s+(?:as\s+)?(?:the\s+)?(?:number\s+)?)?"
    rf"\b(?P<w>{_alt(_ORDINALS)})\b(?P<post>[\s-]+(?:largest|biggest|most\s+important|highest|top|main))?",
    re.IGNORECASE,
)
# "India's largest arms supplier", "its main export market": rank 1 (a partner noun must follow)
_SUPERLATIVE = re.compile(
    r"\b(?P<w>largest|biggest|main|principal|leading|top|foremost|most\s+important|number[\s-]one)"
    r"(?=\s+(?:single\s+|by\s+far\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:trad(?:e|ing)\s+partner|partner|market|supplier|source|investor|exporter|importer|buyer|customer|"
    r"destination|creditor|lender|client|provider|purchaser|vendor|origin)(?![\w-]))",
    re.IGNORECASE,
)
# "one of the largest …", "among its main …": no rank
_NOT_SUPERLATIVE = re.compile(
    r"\b(?:one|some|two|three|four|five|several|many|few|any|each|all|none)\s+of\s+(?:the\s+|its\s+|their\s+|"
    r"[\w.-]+['’]s?\s+)*$|\bamong\s+(?:the\s+|its\s+|their\s+|[\w.-]+['’]s?\s+)*$"
    r"|\b(?:\d+(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + r")[\s-]*$",
    re.IGNORECASE,
)
_RANK_CUE = re.compile(
    r"\b(?:rank(?:s|ed|ing)?|placed|position(?:ed)?)\s+(?:as\s+)?(?:the\s+)?"
    r"(?:number\s+|no\.?\s*)?$",
    re.IGNORECASE,
)
_NOT_RANK_NEXT = re.compile(
    r"^[\s-]*(?:centur|anniversar|birthday|edition|session|summit|congress|meeting|conference|round|plenary|"
    r"assembly|floor|grade|amendment|parallel|street|avenue|division|brigade|regiment|fleet|army|corps|"
    r"district|time|day|of\s+(?:" + _MONTHS + r")\b|(?:" + _MONTHS + r")\b)",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)

_QUAL_BEFORE = re.compile(
    r"(?:(?P<less>\b(?:do|does|did|will|would|could|can)(?:\s+not|n['’]t)\s+(?:even\s+)?reach(?:\s+even)?"
    r"|\bnot\s+(?:even\s+)?reaching|\b(?:less|fewer)\s+than|\bno\s+more\s+than|\bnot\s+more\s+than"
    r"|\bnot\s+exceeding|\bup\s+to|\bunder|\bbelow|\bat\s+most|\bjust\s+(?:under|below)|\bshort\s+of"
    r"|\ba\s+maximum\s+of|\bbarely|\bas\s+(?:much|many|high)\s+as)"
    r"|(?P<more>\b(?:more|greater|higher)\s+than|\bno\s+less\s+than|\bnot\s+less\s+than|\bover|\bexceed(?:ing|ed|s)?"
    r"|\babove|\bin\s+excess\s+of|\bupwards\s+of|\bat\s+least|\bsurpass(?:ing|ed|es)?|\btop(?:ping|ped)"
    r"|\bjust\s+(?:over|above)|\ba\s+minimum\s+of|\bwell\s+over|\bbeyond)"
    r"|(?P<about>\babout|\baround|\balmost|\bnearly|\broughly|\bapproximately|\bapprox\.|\bsome|\bclose\s+to"
    r"|\ban\s+estimated|\bestimated\s+at|\bcirca|\bca\.|~|\bjust\s+about|\bin\s+the\s+region\s+of"
    r"|\bin\s+the\s+order\s+of|\bon\s+the\s+order\s+of))"
    r"(?:\s+the)?\s*$",
    re.IGNORECASE,
)
_QUAL_AFTER = re.compile(
    r"^(?:(?P<more>\s+(?:or|and)\s+(?:more|above|over|higher)\b|[\s-]plus\b)"
    r"|(?P<less>\s+(?:or|and)\s+(?:less|below|under|lower|fewer)\b))",
    re.IGNORECASE,
)
_BLOCKERS = re.compile(
    r"\b10\.\d{4,9}/\S+"  # DOI
    r"|(?:https?://|www\.)\S+|\S+@\S+\.\w+"  # URL, e-mail
    r"|\+\d{1,4}(?:[ .-]?\(?\d{1,4}\)?){2,}|\(?\b\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}\b"  # phone numbers
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # numeric dates
    r"|\b\d{1,2}:\d{2}\b"  # clock time
    # Mi35, Su-24, COP21, G8
    rf"|(?<![\w])(?!(?:{_WORD_SYMBOLS})\d[\d,.]*\s?(?:{_SCALE}))[A-Za-z]+-?\d+[\w-]*"
    r"|\b\d+[A-Za-z]+\d[\w-]*",  # 3M14, 9K33
)
_YEAR_RANGE = re.compile(r"\d{4}\s?[-–]\s?\d{2,4}")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to)\s*$")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


# ---------------------------------------------------------------- number words


def parse_number_words(text: str) -> float | None:
    """The value of a written-out number: "twenty-five" → 25, "a hundred" → 100, "half a" → 0.5."""
    words = re.sub(r"[\s-]+", " ", text.lower()).strip().split()
    if not words:
        return None
    if words[0] == "half" or words[:2] == ["a", "half"]:
        return 0.5
    total, current, seen = 0.0, 0.0, False
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("a", "an"):
            current = current or 1.0
            seen = True
        elif w in _WORD_VALUES:
            current += _WORD_VALUES[w]
            seen = True
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w == "and" and words[i + 1 : i + 3] == ["a", "half"]:
            current += 0.5
            i += 2
        elif w != "and":
            return None
        i += 1
    return total + current if seen else None


def scaled(value: float, scale: float) -> float:
    """``value × scale`` in decimal: "$8.2 bn" is 8200000000 exactly, as the text gives it, where binary
    floats make it 8199999999.999999."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _number_value(raw: str) -> float | None:
    raw = raw.strip()
    if (spoken := re.fullmatch(r"(.+?)[\s-]point[\s-](.+)", raw, re.IGNORECASE)) is not None:
        whole = _number_value(spoken[1])
        digits = [_WORD_VALUES.get(w, 0) for w in re.split(r"[\s-]+", spoken[2].lower())]
        return None if whole is None else float(f"{whole:.0f}." + "".join(f"{d:.0f}" for d in digits))
    if re.fullmatch(_DECIMAL_COMMA_DIGITS, raw):
        return float(raw.replace(",", "."))
    if raw[:1].isdigit() or raw[:1] == ".":
        return float(raw.replace(",", ""))
    return parse_number_words(raw)


# ---------------------------------------------------------------- finding


def _codes(m: re.Match[str]) -> tuple[str, ...]:
    """The currencies the symbol or name of a number match may mean, the default first."""
    if m["pre"]:
        return _CURRENCIES.symbols.get(re.sub(r"\s+", " ", m["pre"]), ())
    if not m["post"]:
        return ()
    if m["post"] in _CURRENCIES.symbols:  # a code after the amount: "38 billion PLN"
        return _CURRENCIES.symbols[m["post"]]
    return _CURRENCIES.names.get(" ".join(m["post"].lower().replace("-", " ").split()), ())


def _currency(m: re.Match[str], text: str) -> str | None:
    codes = _codes(m)
    if not codes:
        return None
    if codes[0] == "JPY" and m["pre"] == "¥" and _CHINA_CONTEXT.search(text):
        return "CNY"
    return codes[0]


def currency_choices(text: str) -> tuple[str, ...]:
    """The currencies a quantity's text ("25 billion rupees", "Rs 500 crore") may mean, when more than one:
    the document's pair decides between them."""
    for m in _NUMBER.finditer(text):
        if m["pre"] or m["post"]:
            codes = _codes(m)
            return codes if len(codes) > 1 else ()
    return ()


def currency_code(word: str) -> str | None:
    """The currency a symbol, code or name written alone means ("NPR", "A$", "euros"), else None."""
    codes = _CURRENCIES.symbols.get(word) or _CURRENCIES.names.get(word.lower())
    return codes[0] if codes else None


def currency_is_name(word: str) -> bool:
    """Whether ``word`` is a currency's name, written after an amount ("baht", "euros"), not a symbol."""
    return word not in _CURRENCIES.symbols and word.lower() in _CURRENCIES.names


def currency_countries(code: str) -> tuple[str, ...]:
    """The ISO3 codes of the countries whose currency ``code`` is (all the members of a monetary union's:
    XOF, XAF; none for the euro)."""
    return _CURRENCIES.countries.get(code, ())


def _blocked(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _BLOCKERS.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _is_date_number(text: str, start: int, end: int, value: float, raw: str) -> bool:
    before, after = text[:start], text[end:]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True
    return bool(re.fullmatch(r"\d{4}", raw) and 1000 <= value <= 2100)


def _atom(m: re.Match[str], text: str, blocked: list[tuple[int, int]]) -> Quantity | None:
    """One number match as a quantity (no qualifier yet), or None when it is not a quantity."""
    raw = m["num"]
    value = _number_value(raw)
    num_start = m.start("num")
    if value is None:
        return None
    if raw[:1].isdigit() or raw[:1] == ".":
        prev = text[:num_start]
        if _inside(blocked, num_start, m.end("num")):
            return None
        if not m["pre"] and re.search(r"[\w./\\#'’-]$", prev) and not re.search(r"\d\s?-$", prev):
            return None
        nxt = text[m.end("num") : m.end("num") + 1]
        if not m["scale"] and not m["pct"] and nxt and (nxt.isalpha() or nxt in "/") and not m["fold"]:
            return None
    scale = 1.0
    for group in ("scale", "scale2"):
        if m[group]:
            scale *= _SCALES[m[group].lower()]
    if m["scale"] and m["scale"].lower() in ("m", "b", "k") and not m["pre"]:
        return None  # "5 m" is metres, "the 5b" a code
    unit: str | None = _currency(m, text)
    if m["pct"]:
        unit = "percent"
    elif m["fold"]:
        unit = "factor"
    elif unit is None and m["phys"]:
        unit = _PHYSICAL[m["phys"].lower()]
        scale *= _PHYSICAL_SCALE.get(m["phys"].lower(), 1.0)
    if unit is None:
        if m["pre"]:
            return None
        unit = "count"
        if not m["scale"] and (
            value < 1
            or _is_date_number(text, num_start, m.end("num"), value, raw)
            or raw.lower() in ("one", "a", "an")
        ):
            return None
    end = m.end()
    while end > m.start() and text[end - 1].isspace():
        end -= 1
    start = m.start() if m["pre"] else num_start
    return Quantity(start, end, text[start:end], scaled(value, scale), unit)


def _merge_range(a: Quantity, b: Quantity, text: str) -> Quantity | None:
    """ "$2-3 billion", "between $2 and $3 billion": one quantity with low/high (value = the low end)."""
    between = text[a.end : b.start]
    opener = _BETWEEN.search(text[: a.start])
    if not (_RANGE_JOIN.match(between) or (opener and re.fullmatch(r"\s*and\s*", between))):
        return None
    if _FROM.search(text[: a.start]) or "count" not in (a.unit, b.unit) and a.unit != b.unit:
        return None
    unit = b.unit if b.unit != "count" else a.unit
    if unit == "count" and not opener and not re.match(r"\s*[-–]", between):
        return None
    low, high = a.value, b.value
    if _scale_in(a.text) == 1.0:
        low = scaled(low, _scale_in(b.text))
    if low >= high:
        return None
    start = opener.start() if opener else a.start
    return Quantity(start, b.end, text[start : b.end], low, unit, "about", low, high)


def _borrow_unit(a: Quantity, b: Quantity, text: str) -> Quantity:
    """ "from 2 to 3 billion dollars": the bare first number takes the unit and scale of the second."""
    if (
        a.unit != "count"
        or b.unit == "count"
        or _scale_in(a.text) != 1.0
        or not _FROM.search(text[: a.start])
    ):
        return a
    if not re.fullmatch(r"\s*(?:to|-|–)\s*", text[a.end : b.start]):
        return a
    return Quantity(a.start, a.end, a.text, scaled(a.value, _scale_in(b.text)), b.unit)


_SCALE_WORD = re.compile(rf"(?:(?<=\d)|\b)(?:{_SCALE})", re.IGNORECASE)


def _scale_in(text: str) -> float:
    """The scale word written in a quantity's text (the last one: "a hundred million" → 1e6)."""
    found = [m.group(0).lower() for m in _SCALE_WORD.finditer(text)]
    found = [w for w in found if w != "hundred" or len(found) == 1]
    return _SCALES.get(found[-1], 1.0) if found else 1.0


def _factors(text: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
    out = []
    for m in _WORD_FOLD.finditer(text):
        w = m["w"].lower()
        value = {"hundred": 100.0, "thousand": 1000.0}.get(w) or parse_number_words(w)
        if value:
            out.append(Quantity(m.start(), m.end(), m.group(0), value, "factor"))
    for m in _VERB_FACTOR.finditer(text):
        out.append(Quantity(m.start(), m.end(), m.group(0), _FACTOR_VERBS[m["v"].lower()], "factor"))
    for m in _VERB_FACTOR_PLAIN.finditer(text):
        start, value = m.start("v"), _FACTOR_VERBS[m["v"].lower()]
        if not any(q.start == start for q in out):
            out.append(Quantity(start, m.end(), text[start : m.end()], value, "factor"))
    for m in _TIMES.finditer(text):
        if not (m["pre"] or m["post"]) or _inside(blocked, m.start("n"), m.end("n")):
            continue
        value = _number_value(m["n"])
        if value:
            start = m.start("n")
            end = m.end("post") if m["post"] else m.end()
            out.append(Quantity(start, end, text[start:end], value, "factor"))
    return out


def _ranks(text: str) -> list[Quantity]:
    out = []
    for m in _ORDINAL.finditer(text):
        if _NOT_RANK_NEXT.match(text[m.end() :]) or _MONTH_BEFORE.search(text[: m.start()]):
            continue
        out.append(Quantity(m.start(), m.end(), m.group(0), float(m["n"]), "rank"))
    for m in _WORD_ORDINAL.finditer(text):
        if m["pre"] or m["post"]:
            start = m.start("w")
            value = float(_ORDINALS[m["w"].lower()])
            out.append(Quantity(start, m.end(), text[start : m.end()], value, "rank"))
    for m in _SUPERLATIVE.finditer(text):
        if not _NOT_SUPERLATIVE.search(text[max(0, m.start() - 60) : m.start()]):
            out.append(Quantity(m.start(), m.end(), m.group(0), 1.0, "rank"))
    for m in re.finditer(r"(?<![\w.])(\d{1,3})(?![\w.,%])", text):
        if _RANK_CUE.search(text[: m.start()]):
            out.append(Quantity(m.start(), m.end(), m.group(0), float(m.group(1)), "rank"))
    return out


def _with_qualifier(q: Quantity, text: str) -> Quantity:
    before = _QUAL_BEFORE.search(text[: q.start])
    after = _QUAL_AFTER.match(text[q.end :])
    start, end, qualifier = q.start, q.end, q.qualifier
    if q.low is None and before:
        qualifier = next(k for k in ("less", "more", "about") if before[k])
        start = before.start()
    if q.low is None and after:
        qualifier = "more_than" if after["more"] else "less_than"
        end = q.end + after.end()
    qualifier = {"less": "less_than", "more": "more_than"}.get(qualifier, qualifier)
    return Quantity(start, end, text[start:end], q.value, q.unit, qualifier, q.low, q.high)


# A sentence without a digit or a number word holds no quantity: skip the expensive passes.
_ANY_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|"
    r"thousands?|millions?|billions?|trillions?|dozens?|half|doubl\w*|tripl\w*|quadrupl\w*|quintupl\w*|halved|twice|"
    r"\w*fold|first|second|third|\w+th|largest|biggest|main|principal|leading|top|foremost|important|"
    r"number)\b",
    re.IGNORECASE,
)


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in ``text``, in order, non-overlapping; offsets into ``text``."""
    if not _ANY_NUMBER.search(text):
        return []
    blocked = _blocked(text)
    atoms = [q for m in _NUMBER.finditer(text) if (q := _atom(m, text, blocked)) is not None]
    atoms = [_borrow_unit(a, atoms[i + 1], text) if i + 1 < len(atoms) else a for i, a in enumerate(atoms)]
    merged: list[Quantity] = []
    i = 0
    while i < len(atoms):
        if i + 1 < len(atoms) and (r := _merge_range(atoms[i], atoms[i + 1], text)) is not None:
            merged.append(r)
            i += 2
            continue
        merged.append(atoms[i])
        i += 1
    merged = [q for q in merged if not (q.unit == "count" and _YEAR_RANGE.fullmatch(q.text))]
    taken = [(q.start, q.end) for q in merged if q.unit != "count"]
    extra = [q for q in _factors(text, blocked) + _ranks(text) if not _inside(taken, q.start, q.end)]
    extra_spans = [(q.start, q.end) for q in extra]
    found = [q for q in merged if not (q.unit == "count" and _inside(extra_spans, q.start, q.end))] + extra
    found.sort(key=lambda q: (q.start, -q.end))
    out: list[Quantity] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(_with_qualifier(q, text))
    return out


# "a fifth", "two-thirds", "half": percentages only where the reader says what they are a part of
_FRACTION = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four)[\s-])?(?P<d>half|thirds?|quarters?|fifths?|tenths?)\b(?!\s+(?:of\s+)?(?:the\s+)?"
    r"(?:year|century|decade|month))",
    re.IGNORECASE,
)
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def find_fractions(text: str, found: list[Quantity]) -> list[Quantity]:
    """Written fractions as percentages ("under a fifth" → less than 20%), not overlapping a number of
    ``found`` (the text's quantities; a count is no number here: "two" of "two-thirds")."""
    taken = [(q.start, q.end) for q in found if q.unit != "count"]
    out = []
    for m in _FRACTION.finditer(text):
        denominator = _DENOMINATORS[m["d"].lower().rstrip("s")]
        numerator = _NUMERATORS[m["n"].lower()] if m["n"] else 1
        if (m["n"] is None) != (denominator == 2) or numerator >= denominator or _inside(taken, *m.span()):
            continue
        value = round(100 * numerator / denominator, 1)
        out.append(_with_qualifier(Quantity(m.start(), m.end(), m.group(0), value, "percent"), text))
    return out
