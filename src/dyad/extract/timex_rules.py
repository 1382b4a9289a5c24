"""Vocabulary and precompiled regular expressions for the time-expression extractor.

Month and weekday names are matched case-sensitively (Title or UPPER case) so that "may", "march"
or "a second" are never dates.
"""

from __future__ import annotations

import re

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]  # fmt: skip
MONTH_NUM = {m[:3]: i for i, m in enumerate(MONTHS, 1)}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS_AND_DAYS = frozenset(MONTHS + WEEKDAYS)
WEEKDAY_NUM = {w[:3]: i for i, w in enumerate(WEEKDAYS)}
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                "seventies": 70, "eighties": 80, "nineties": 90, "noughties": 0, "aughts": 0}  # fmt: skip
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth"]  # fmt: skip
ORDINAL_WORDS = {w: i for i, w in enumerate(ORDINALS, 1)} | {"twenty-first": 21, "twenty first": 21,
                                                              "twenty-second": 22}  # fmt: skip
ROMAN = {"X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18,
         "XIX": 19, "XX": 20, "XXI": 21, "XXII": 22}  # fmt: skip
NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
           "twenty"]  # fmt: skip
NUMBER_WORDS = {w: i for i, w in enumerate(NUMBERS)}
NUMBER_WORDS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "a hundred": 100, "a couple of": 2})  # fmt: skip
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}
# "the beginning of ..." etc. → a key of the part tables in timex_values.py.
PARTS = {"beginning": "begin", "start": "begin", "end": "end", "middle": "middle",
         "first half": "h1", "second half": "h2", "latter half": "h2", "first quarter": "q1",
         "second quarter": "q2", "third quarter": "q3", "fourth quarter": "q4", "last quarter": "q4",
         "early part": "early", "latter part": "late", "later part": "late", "early": "early",
         "mid": "mid", "late": "late"}  # fmt: skip


def _alt(
    words: list[str] | dict,
    *,
    upper: bool = True,
    lower: bool = False,
    word: bool = False,
    abbr: tuple[str, ...] = (),
) -> str:
    """Alternation of Title and UPPER case forms (and the word as given, with ``lower``), longest first.

    Flat (every branch starts with a literal) so that the regex engine can skip ahead on its first letter;
    ``word`` ends each branch at a word boundary; ``abbr`` adds abbreviations, optionally with a period.
    """
    forms = []
    for w in sorted(words, key=len, reverse=True):
        forms += ([w] if lower or not upper else []) + ([w[0].upper() + w[1:], w.upper()] if upper else [])
    alts = [re.escape(f).replace(r"\ ", r"\s+") + (r"\b" if word else "") for f in dict.fromkeys(forms)]
    for a in sorted(abbr, key=len, reverse=True):
        alts += [a.title() + r"(?:\.|\b)", a.upper() + r"(?:\.|\b)"]
    return "(?:" + "|".join(alts) + ")"


def _ci(words: list[str] | dict) -> str:
    """Alternation matched case-insensitively (number words, qualifiers)."""
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return f"(?i:{alts})"


YEAR = r"(?:1\d{3}|20\d{2})"  # 1000-2099
ORD = r"(?:st|nd|rd|th)?"
DD = r"\d\d?(?!\d)"  # a day of the month; the handler checks 1-31
MONTH_FULL = _alt(MONTHS, word=True)
MONTH = _alt(
    MONTHS,
    word=True,
    abbr=("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"),
)
WEEKDAY_FULL = _alt(WEEKDAYS, word=True)
WEEKDAY = _alt(WEEKDAYS, word=True, abbr=("mon", "tues", "tue", "wed", "thurs", "thu", "fri", "sat", "sun"))
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
# "forty-five" before the plain words, so that the longer form wins.
NUMW = rf"(?:\d{{1,3}}|{_ci(_TENS)}-{_ci(_UNITS)}|{_ci(NUMBER_WORDS)})"
THE = r"(?:[Tt]he|THE)\s+"
ADJ = r"(?:[Ee]arly|[Mm]id|[Ll]ate|EARLY|MID|LATE)"
_PART_OF = _ci([k for k in PARTS if k not in ("early", "mid", "late")])
# "the beginning of ", "the first half of the ", "the early ", "mid-" ... (matched backwards from a core)
PART = rf"(?P<part>(?:{THE})?(?P<pof>{_PART_OF})\s+of\s+|(?:{THE})?(?P<adj>{ADJ})(?:-|\s+))"
_QUALS = _ci(["almost", "nearly", "about", "around", "some", "roughly", "approximately", "more than", "over",
              "less than", "under", "just over", "just under", "close to"])  # fmt: skip
_ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_ci(ORDINAL_WORDS)}|{_alt(ROMAN, upper=False)})"


def _pre(p: str) -> re.Pattern[str]:
    """A pattern for the words just before a core match (searched in a short window, anchored at its end)."""
    return re.compile(f"(?:{p})$")


_NAMES_MONTH = re.compile(MONTH)


def names_month(text: str) -> bool:
    """Does a time expression name a month ("on June 18", "in March")? Then only its year is relative."""
    return _NAMES_MONTH.search(text) is not None


_P_WD = _pre(rf"\b(?P<wd>{WEEKDAY}),?\s+")
_P_WD_THE = _pre(rf"(?:\b(?P<wd>{WEEKDAY}),?\s+)?\b{THE}|\b(?P<wd2>{WEEKDAY}),?\s+")
_P_PART = _pre(rf"(?:\b{PART})?(?:\b(?P<the>{THE}))?")
_P_PART_YEAR = _pre(rf"\b{PART}|\b(?P<the>{THE}year\s+)")

# A rule: (name, core pattern, pattern for the words before the core or None, characters that may not
# precede the core). Cores start with a literal or a character class so that the regex engine can skip
# ahead quickly (this is most of the speed); modifiers before them are matched backwards with ``pre``.
Rule = tuple[str, re.Pattern[str], re.Pattern[str] | None, str]
_NUMERIC_LEFT = "_.,$€£¥/-:#+@&"
RULES: list[Rule] = [
    ("mdy", re.compile(rf"(?P<m>{MONTH})\s*(?P<d>{DD}){ORD},?\s+(?P<y>{YEAR})(?!\d)"), _P_WD, ""),
    (
        "dmy",
        re.compile(rf"(?P<d>{DD}){ORD}\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})(?!\d)"),
        _P_WD_THE,
        _NUMERIC_LEFT,
    ),
    ("md", re.compile(rf"(?P<m>{MONTH})\s*(?P<d>{DD}){ORD}\b(?![,.]?\s*\d|\s*[-–]\s*\d)"), _P_WD, ""),
    ("dm", re.compile(rf"(?P<d>{DD}){ORD}\s+(?:of\s+)?(?P<m>{MONTH})(?!,?\s*\d)"), _P_WD_THE, _NUMERIC_LEFT),
    (
        "mdd",
        re.compile(
            rf"(?P<m>{MONTH})\s*(?P<d>{DD}){ORD}\s*(?:[-–—]|to)\s*(?P<d2>{DD}){ORD},?\s+"
            rf"(?P<y>{YEAR})(?!\d)"
        ),
        None,
        "",
    ),
    (
        "ddm",
        re.compile(
            rf"(?P<d>{DD}){ORD}\s*(?:[-–—]|to)\s*(?P<d2>{DD}){ORD}\s+(?:of\s+)?(?P<m>{MONTH}),?\s+"
            rf"(?P<y>{YEAR})(?!\d)"
        ),
        None,
        _NUMERIC_LEFT,
    ),
    (
        "iso",
        re.compile(rf"(?P<y>{YEAR})(?P<s>[-/.])(?P<mo>\d\d)(?P=s)(?P<d>\d\d)(?![0-9A-SU-Za-z_-]|[./]\d)"),
        None,
        _NUMERIC_LEFT,
    ),
    (
        "numeric",
        re.compile(rf"(?P<a>\d\d?)(?P<s>[/.-])(?P<b>\d\d?)(?P=s)(?P<y>{YEAR})(?![\w-]|[./]\d)"),
        _P_WD,
        _NUMERIC_LEFT,
    ),
    (
        "month_year",
        re.compile(rf"(?P<m>{MONTH})(?:\s+of|,)?\s+(?P<y>{YEAR})(?!\d|[.,/-]\d)"),
        _pre(
            rf"\b(?P<part>(?:{THE})?(?P<pof>{_ci(['beginning', 'start', 'end', 'middle'])})\s+of\s+"
            rf"|(?P<adj>{ADJ})(?:-|\s+))"
        ),
        "",
    ),
    (
        "month",
        re.compile(rf"(?P<m>{MONTH_FULL})(?!\s*,?\s*\d)"),
        # "the following September": the first September after the month the text just named
        _pre(rf"\b(?P<q>[Ll]ast|[Nn]ext|[Tt]his|{ADJ}|[Tt]he\s+(?:following|next|subsequent))[\s-]+"),
        "",
    ),
    (
        "season",
        re.compile(rf"(?P<s>{_alt(SEASONS, lower=True, word=True)})\s+(?:of\s+)?(?P<y>{YEAR})(?!\d)"),
        _pre(rf"\b{THE}"),
        "",
    ),
    ("quarter", re.compile(rf"(?P<q>[QH][1-4])\s+(?P<y>{YEAR})(?!\d)"), None, ""),
    ("year", re.compile(rf"(?P<y>{YEAR})(?!\d)"), _P_PART_YEAR, ""),
    (
        "year_range",
        # not "2006 – 12 July: ..." (a chronology's year, then the day)
        re.compile(rf"(?P<a>{YEAR})\s?(?P<s>[-–—/])\s?(?P<b>\d{{4}}|\d{{2}})(?![\w%-]|[.,/]\d|\s+{MONTH})"),
        None,
        _NUMERIC_LEFT,
    ),
    ("decade", re.compile(r"(?P<tok>[\d'’]\d{1,3})['’]?s\b"), _P_PART, "_"),
    ("decade_word", re.compile(rf"(?P<w>{_alt(DECADE_WORDS, lower=True, word=True)})"), _P_PART, ""),
    (
        "century",
        re.compile(_alt(["century", "centuries"], lower=True, word=True)),
        _pre(
            rf"(?:\b{PART})?(?:{THE})?\b(?P<c1>{_ORDINAL})(?:\s+(?:and|to|[-–])\s+(?:{THE})?(?P<c2>{_ORDINAL}))?"
            r"[\s-]+"
        ),
        "",
    ),
    (
        "named",
        re.compile(
            r"(?P<e>Cold\s+War|Second\s+World\s+War|First\s+World\s+War|Great\s+War|"
            r"World\s+War\s+(?:II|I|Two|One|2|1)\b)(?P<suf>\s+(?:era|period|years)\b)?"
        ),
        _pre(r"\b(?P<p>[Dd]uring|[Tt]hroughout)\s+(?:the\s+)?|\b(?P<the>[Tt]he\s+)"),
        "",
    ),
    (
        # "earlier in the day", "later that day", "that evening", "the same night": a part of the day the
        # text just named (read as that day)
        "day_part",
        re.compile(
            r"(?:[Ee]arlier|[Ll]ater)\s+(?:in\s+the|that|the\s+same)\s+day\b"
            r"|(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?:[Tt]hat|[Tt]he\s+same)\s+(?:same\s+)?"
            r"(?:morning|afternoon|evening|night)\b"
            r"|(?:[Ii]n|[Bb]y)\s+the\s+(?:morning|afternoon|evening)\b(?!\s+of\b)"
        ),
        None,
        "",
    ),
    (
        "anaphor",
        re.compile(
            r"(?P<u>year|month|week|day)(?P<pl>s)?\b(?P<tail>\s+(?:before|after)(?=\s*[,.;:)])"
            r"|\s+(?:later|earlier|afterwards|after\s+that|before\s+that)\b"
            r"|\s+on(?=\s*[,.;:)]))?"
        ),
        _pre(
            rf"\b(?:(?P<same>[Ii]n\s+this|[Tt]hat|[Tt]he\s+same)|[Tt]he\s+(?P<rel>previous|preceding|prior|"
            rf"following|next|subsequent)|(?P<the>[Tt]he)|(?P<n>{NUMW}))\s+"
        ),
        "",
    ),
]
# Rules that need the document date.
ANCHOR_RULES: list[Rule] = [
    (
        "dayword",
        re.compile(
            rf"(?P<w>{_alt(['yesterday', 'today', 'tomorrow', 'tonight'], lower=True, word=True)}"
            r"|night\b|morning\b|afternoon\b|evening\b)"
        ),
        _pre(r"\b(?P<dby>[Tt]he\s+day\s+before)\s+|\b(?P<q>[Ll]ast|[Tt]his)\s+"),
        "",
    ),
    (
        "weekday",
        re.compile(rf"(?P<wd>{WEEKDAY_FULL})(?!\s*,?\s*(?:the\s+)?\d|,?\s+{MONTH})"),
        _pre(r"\b(?P<q>[Ll]ast|[Nn]ext|[Tt]his|[Oo]n|ON)\s+"),
        "",
    ),
    (
        # "on the 8th", "Tuesday the 3rd": a day of the story's month (not "the 8th round", "the 8th of May")
        "ordinal_day",
        re.compile(r"(?P<od>\d\d?)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Za-z]|\s*[-–]\s*\d)"),
        _pre(rf"(?:\b(?P<wd>{WEEKDAY_FULL}),?\s+)?\b[Tt]he\s+"),
        "",
    ),
    (
        "rel_unit",
        re.compile(r"(?P<u>year|month|week|weekend|decade|century)\b"),
        _pre(
            r"\b(?P<q>[Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+current|[Tt]he\s+coming|[Ee]arlier\s+this|[Ll]ater\s+this)"
            r"\s+(?:new\s+)?"
        ),
        "",
    ),
    (
        "ago",
        re.compile(r"ago\b"),
        _pre(
            rf"\b(?:(?P<q>{_QUALS})\s+)?(?P<n>{NUMW})\s+(?P<u>day|week|month|year|decade|century|centurie)s?\s+"
        ),
        "",
    ),
    (
        "past",
        re.compile(r"(?P<u>years|months|decades|decade|weeks|days)\b"),
        _pre(
            rf"\b(?:(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or|[Ww]ithin|[Tt]hroughout)\s+)?(?:[Tt]he\s+)?(?:[Ll]ast|[Pp]ast)"
            rf"\s+(?:(?P<n>{NUMW})\s+)?"
        ),
        "",
    ),
]

# Measures and money after a number: never a year.
UNIT_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s*cent\b|(?:million|billion|thousand|trillion|tons?|tonnes?|barrels|km|kilomet(?:er|re)s?|"
    r"miles?|met(?:er|re)s?|feet|ft|kg|hectares|acres|dollars|euros|r[ou]?bles|soles|pesos|yuan|pounds|hours|hrs|"
    r"GMT|UTC|MW|GW|kW|km2|sq|BC|BCE)\b|B\.C\.)",
    re.IGNORECASE,
)
WORD_DOT_BEFORE = re.compile(r"[A-Za-z]\.\s+$")
PUNCT_NUMBER_AFTER = re.compile(r"[.,:/–-]\d|:\s\d")  # 2015.5, 2,015, "(Kim 2019: 45)"
NUMBER_AFTER = re.compile(r"\s\d{3}")  # "2019 1234": a phone number or a table row
# Counted nouns: a number before them is a count unless a temporal preposition precedes it.
COUNT_AFTER = re.compile(
    r"\s+(?:units|people|persons|troops|soldiers|students|workers|vehicles|tanks|aircraft|helicopters|ships|"
    r"copies|cases|deaths|members|delegates|participants|companies|firms|jobs|scholarships|votes|minutes|seconds|"
    r"days|weeks|months|years)\b"
)
TEMPORAL_PREP = re.compile(
    r"\b(?:[Ii]n|[Oo]f|[Bb]y|[Ss]ince|[Uu]ntil|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter)\s+$"
)
# A number after these words is a page, a law, a price...: never a year.
BAD_WORDS_BEFORE = {
    "p.", "pp.", "vol.", "no.", "nos.", "nr.", "art.", "fig.", "ch.", "sec.", "page", "pages", "volume",
    "issue", "article", "resolution", "decree", "law", "flight", "issn", "isbn", "figure", "table", "chapter",
    "section", "route", "highway", "room", "model", "number", "code", "item", "box",
    "usd", "eur", "gbp", "pen", "rub",
}  # fmt: skip
# Citations: "(Smith, 2019)", "(see Smith and Jones 2019", "; Jones 2017", "Adins, S. (2019)",
# "et al. (2019)".
CITATION_BEFORE = re.compile(
    r"(?:\(\s*(?:see\s+|cf\.\s+)?[A-Z][\w'’.-]+(?:\s+(?:and|&)\s+[A-Z][\w'’.-]+|\s+et\s+al\.?)?,?"
    r"|;\s*[A-Z][\w'’.-]+(?:\s+et\s+al\.?)?,?|\b(?:[A-Z]|al)\.,?\s*\()\s*$"
)
EARLY_YEAR_OK = re.compile(
    r"\b(?:in|of|since|by|until|from|during|around|circa|c\.|year|AD|A\.D\.)\s+$", re.I
)
PREFIX = re.compile(
    r"\b(?P<p>[Ee]ver\s+since|[Ss]ince|SINCE|[Ii]n|IN|[Oo]f|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]ill|"
    r"[Uu]p\s+to|[Tt]hroughout|[Aa]round|[Cc]irca|[Oo]n|ON|[Aa]s\s+of|[Ff]rom)\s+$"
)
RANGE_GAP = re.compile(r"\s*[-–—]\s*|\s+(?P<w>to|until|till|through|thru|and)\s+")
RANGE_PRE = re.compile(r"\b(?P<p>[Bb]etween|[Ff]rom|BETWEEN|FROM)\s+$")
SENT_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
FUTURE = re.compile(
    r"\b(?:will|shall|would|'ll|is\s+to|are\s+to|is\s+due|are\s+due|scheduled|set\s+(?:to|for)|slated|"
    r"plans?\s+to|planned|expected\s+to|going\s+to|to\s+be\s+held|takes?\s+place|upcoming)\b",
    re.IGNORECASE,
)
NOT_WEEKDAY = re.compile(
    r"\b(?:Black|Good|Holy|Ash|Cyber|Bloody|Super|Easter|Palm|Maundy|Giving|Mad|Fat)\s+$"
)
NOT_TODAY = re.compile(r"\b[A-Z][A-Za-z]+\s+$")


# ---------------------------------------------------------------- context checks


def left_ok(text: str, s: int) -> bool:
    """False when the number at ``s`` continues a word or a number, or follows "$", "p.", "(Smith, "."""
    c = text[s - 1] if s else " "
    if c.isalnum() or c in "_$€£¥#/.:+-@&" or (c == "," and s > 1 and text[s - 2].isdigit()):
        return False
    return not bad_before(text[max(0, s - 40) : s])


def bad_before(before: str) -> bool:
    words = before.split()
    if not words:
        return False
    last = words[-1]
    if last[-1] in "$€£¥" or last.lower() in BAD_WORDS_BEFORE or last.lstrip("(").isdigit():
        return True  # "US$ 2000", "p. 2003", "Law 1985", "12 2019"
    return ("(" in before or ";" in before) and CITATION_BEFORE.search(before) is not None


def year_ok(text: str, s: int, e: int, *, left_char: bool = True) -> bool:
    """False when the number at text[s:e] is money, a measure, a page, a citation, a code..."""
    if left_char and s > 0 and (not left_ok(text, s) or (text[s - 1] == '"' and text[e : e + 1] == '"')):
        return False
    after = text[e : e + 14]
    if (
        after[:1].isalnum()
        or after[:1] == "%"
        or after[:2] in ("'s", "’s")
        or PUNCT_NUMBER_AFTER.match(after)
    ):
        return False
    if UNIT_AFTER.match(after):
        return False
    before = text[max(0, s - 40) : s]
    if not left_char and bad_before(before):
        return False
    if after[:1] == "." and WORD_DOT_BEFORE.search(before):
        return False  # "Adins, Sebastien. 2019. Title": a reference list
    # "2000 people", "2019 1234" are counts and numbers, "in 2000 people voted" is a year
    return not ((COUNT_AFTER.match(after) or NUMBER_AFTER.match(after)) and not TEMPORAL_PREP.search(before))


def near(text: str, a: int, b: int, max_sentences: int) -> bool:
    seg = text[a:b]
    if len(seg) > 600 or "\n\n" in seg:
        return False
    return sum(1 for _ in SENT_END.finditer(seg)) <= max_sentences


def is_future(text: str, s: int) -> bool:
    window = text[max(0, s - 60) : s]
    cut = [x.end() for x in SENT_END.finditer(window)]
    return bool(FUTURE.search(window, cut[-1] if cut else 0))


def number(word: str) -> int | None:
    w = " ".join(word.lower().split())
    if "-" in w:  # "forty-five"
        tens, _, unit = w.partition("-")
        if tens in _TENS and unit in _UNITS:
            return NUMBER_WORDS[tens] + _UNITS.index(unit) + 1
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w)
