"""Publication dates as written in document headers: "Wednesday, September 11, 2024", "11 de setiembre de
2024", "2024-09-11", "Published: 3 March 2023 | Updated: 4 March 2023", news datelines.

Only dates a document states about itself are read here; dates in the body are the extractor's job.
Results are EDTF strings: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

_MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "pt": (
        "janeiro",
        "fevereiro",
        "marco",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ),
    "fr": (
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ),
    "de": (
        "januar",
        "februar",
        "marz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ),
    "it": (
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "ru_nom": (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ),
}
_MONTH_VARIANTS = {"setiembre": 9, "sept": 9, "maerz": 3}  # Peruvian "setiembre", "Sept."
WEEKDAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "lunes",
        "martes",
        "miercoles",
        "jueves",
        "viernes",
        "sabado",
        "domingo",
        "segunda-feira",
        "terca-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "segunda",
        "terca",
        "quarta",
        "quinta",
        "sexta",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lunedi",
        "martedi",
        "mercoledi",
        "giovedi",
        "venerdi",
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ]
)
_YEAR = r"(?P<y>1[6-9]\d\d|20\d\d)"
_MONTH = r"(?P<mon>[^\W\d_]{3,12})\.?"
_DATE_PATTERNS = (
    re.compile(_YEAR + r"[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?(?![\d/.-]*\d)"),
    re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR),
    re.compile(
        r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+|del\s+)?" + _YEAR
    ),
    re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)" + _YEAR),
    re.compile(_MONTH + r",?\s+(?:de\s+|del\s+)?" + _YEAR),
)
_TIME = re.compile(
    r"^(?:[\s,|·•–—-]|T|at|a\s+las|às|à|um|в)*\d{1,2}[:.h]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?(?:\s*\(?(?:[A-Z]{2,5}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?)\)?)?\s*$",
    re.I,
)
_TIME_OF_DAY = re.compile(r"(?<![\d.])\d{1,2}[:.h]\d{2}(?![\d.])")
_TIME_PREFIX = re.compile(r"^\s*\d{1,2}[:.h]\d{2}\s*(?i:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,5}\b)?[\s,|·•–—-]*")
_YEAR_WORD = re.compile(r"^\s*(?:г\.|г\b|года\b)")
_LABEL = re.compile(
    r"^(?P<label>(?:first\s+)?published(?:\s+online)?|publication\s+date|release\s+date|issued|released|posted|"
    r"updated|"
    r"(?:this\s+(?:page|article|entry|post)\s+was\s+)?last\s+(?:updated|modified|edited|revised)|revised|dated?|"
    r"publicado|actualizado|atualizado|publié|mis\s+à\s+jour|veröffentlicht|aktualisiert|pubblicato|"
    r"aggiornato|опубликовано|обновлено)\b(?:\s+(?:on|at|el|em|le|am|il|en))?\s*:?\s*",
    re.I,
)
# a label that dates a revision, not the first publication: "Updated", "Last edited", "Revised"
_UPDATE_LABEL = re.compile(
    r"updated|modified|edited|revised|actualizado|atualizado|mis à jour|aktualisiert|aggiornato|обновлено",
    re.I,
)
# the place a statement or readout was issued in, before or after its date on the date line: "Hanoi, June
# 23, 2023", "20 July 2023, Kyiv", "Berlin, 4 December 2023"
_PLACE = r"[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2}"
_GLUED_SOURCE = re.compile(r"[A-Z][A-Za-z&]{1,15}")
_PLACE_PREFIX = re.compile(rf"^\s*{_PLACE},\s*$")
_PLACE_SUFFIX = re.compile(rf"^\s*(?:,\s*{_PLACE}){{1,2}}\s*$")
# a time of day and then where: "4:05 p.m. Press Conference Room, Ministry of Foreign Affairs"
_TIME_THEN_PLACE = re.compile(
    r"^[\s,|·•–—-]*(?:at\s+)?\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,5}\b)?[\s,|·•–—-]*"
    r"(?P<place>[A-ZÀ-Þ][^.!?]{0,80})$",
    re.I,
)
_PLACE_SMALL_WORDS = frozenset(["of", "the", "for", "and", "de", "del", "la", "du", "des"])
# a second stamp after the date: "December 6, 2021 8:47 PM Updated 3 years ago"
_UPDATE_STAMP = re.compile(
    r"\s+(?=(?:last\s+)?(?:updated|modified|actualizado|atualizado|mis\s+à\s+jour|aktualisiert|aggiornato|"
    r"обновлено)\b)",
    re.I,
)
# A news dateline: the place, maybe a date ("Nov 24", "March 3, 2015", "5 June 2023"), maybe the agency,
# then a separator: "LIMA, Nov 24 (Reuters) -", "BEIJING —", "Tokyo, 5 June 2023:", "LIMA, 24 nov (EFE).-"
# (Spanish wires write the month in lower case and end the dateline with ".-"); a story filed from two
# capitals joins them with a slash ("ZAGREB/BELGRADE, Sept 24 -"). TASS writes its
# agency between slashes and needs no separator: "MOSCOW, March 3. /TASS/. Russia's …".
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][\w'’.-]*(?:[ /][A-ZÀ-Þ][\w'’.-]*){0,3})"
    r"(?P<date>,\s*(?:[A-Za-z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    r"(?:(?P<agency>\s*\([A-Za-z][\w .&/-]{0,30}\))?(?P<sep>\s+:|\s*:|\.?\s*—|\.?\s*–|\s+-{1,2}|\.-{1,2})"
    r"|\.?\s*/(?P<slashed>[A-Z][\w .&-]{1,30})/\.?)\s+\S"
)

MAX_STAMP = 100
# the parts of a stamp line: "Section · Updated 5 September 2024", "Compiled by X. Last revised …"
STAMP_SEPARATOR = re.compile(r"\s+[|·•]\s+|(?<=[a-z)][.!?])\s+(?=[A-Z])")

_LABEL_WORDS = frozenset(
    [
        "abstract",
        "note",
        "update",
        "summary",
        "keywords",
        "introduction",
        "source",
        "photo",
        "watch",
        "related",
        "editor's",
        "resumen",
        "résumé",
        "resumo",
        "аннотация",
    ]
)


@dataclass(slots=True, frozen=True)
class DateMatch:
    edtf: str
    start: int
    end: int


def month_number(word: str) -> int | None:
    """1–12 for a month name or English abbreviation in a supported language, else None."""
    key = _fold(word.lower().rstrip("."))
    if key in _MONTH_VARIANTS:
        return _MONTH_VARIANTS[key]
    for names in _MONTH_NAMES.values():
        if key in names:
            return names.index(key) + 1
    for index, name in enumerate(_MONTH_NAMES["en"]):
        if len(key) >= 3 and name.startswith(key):
            return index + 1
    return None


def find_date(text: str) -> DateMatch | None:
    """The first valid calendar date (day, month or year granularity with a month) in ``text``."""
    best: DateMatch | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            edtf = _edtf(match)
            if edtf and (best is None or match.start() < best.start):
                best = DateMatch(edtf, match.start(), match.end())
                break
    return best


MAX_DATE_LINE = 300


def parse_date_line(line: str) -> tuple[str, bool] | None:
    """(EDTF date, is-an-update) when ``line`` is only a date, maybe with a weekday, a label such as
    "Published:" or "Updated", and a time of day; else None."""
    if len(line) > MAX_DATE_LINE:  # a paragraph, not a date line: spare the patterns a megabyte line
        return None
    line = line.strip().strip("|·•")
    label = _LABEL.match(line)
    rest = line[label.end() :] if label else line
    found = find_date(rest)
    if found is None:
        return None
    prefix, suffix = rest[: found.start], rest[found.end :]
    glued = label is None and _GLUED_SOURCE.fullmatch(
        prefix
    )  # "CNA23-07-2025": a site's name run into its date
    if not (_is_weekday_prefix(prefix) or (label is None and _PLACE_PREFIX.match(prefix)) or glued):
        return None
    if label is not None:
        suffix = re.split(r"\s*[|·•]\s*|\s{2,}", suffix, maxsplit=1)[0]  # "… | Updated: …"
    suffix = _UPDATE_STAMP.split(suffix, maxsplit=1)[0]
    suffix = _YEAR_WORD.sub("", suffix)
    if suffix.strip(" ,.;") and not (_TIME.match(suffix) or _is_place_suffix(suffix, prefix)):
        return None
    is_update = label is not None and bool(_UPDATE_LABEL.search(label.group("label")))
    return found.edtf, is_update


def _is_place_suffix(suffix: str, prefix: str) -> bool:
    """ ", Kyiv" after a date without a place before it, or a time of day and the room or building
    ("4:05 p.m. Press Conference Room, Ministry of Foreign Affairs"): names only, no sentence."""
    if _PLACE_SUFFIX.match(suffix):
        return not prefix.strip()
    match = _TIME_THEN_PLACE.match(suffix)
    if match is None:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", match.group("place"))
    return 1 <= len(words) <= 10 and all(w[0].isupper() or w.lower() in _PLACE_SMALL_WORDS for w in words)


def stamp_date(line: str) -> tuple[str, bool] | None:
    """(date, is-an-update) of a stamp that puts the date among other short parts: "Levant Desk | 28
    November 2024", "Asia Desk · Backgrounders · Updated 5 September 2024", "Compiled by the Research Unit.
    Last revised 20 February 2023.", "From Openpedia. This page was last edited on 2 March 2024."."""
    if len(line) > MAX_STAMP:
        return None
    parts = STAMP_SEPARATOR.split(line)
    if len(parts) < 2:
        return None
    dated = [found for part in parts if (found := parse_date_line(part.strip(" .")))]
    return dated[0] if len(dated) == 1 else None


def has_weekday(line: str) -> bool:
    """True when ``line`` starts with a weekday name ("Wednesday, …", "mercredi …")."""
    first = re.split(r"[\s,]+", line.strip(), maxsplit=1)[0]
    return _fold(first.lower().rstrip(".")) in WEEKDAYS


def has_time_of_day(line: str) -> bool:
    """True when a time of day ("09:15", "06.00 BST", "8h30") follows the date on a date line."""
    found = find_date(line)
    return found is not None and bool(_TIME_OF_DAY.search(line[found.end :]))


def dateline_month_day(paragraph: str) -> tuple[int, int] | None:
    """(month, day) of a news dateline without a year ("NEW DELHI, Dec 6 (Reuters) -"), else None."""
    match = DATELINE.match(paragraph)
    if not match or not match.group("date"):
        return None
    date = match.group("date")
    found = re.match(r",\s*(?P<mon>[A-Za-z]+)\.?\s+(?P<d>\d{1,2})\s*$", date) or re.match(
        r",\s*(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]+)\.?\s*$", date
    )
    month = month_number(found.group("mon")) if found else None
    if found is None or month is None or not 1 <= int(found.group("d")) <= 31:
        return None
    return month, int(found.group("d"))


def complete_date(year: int, month: int, day: int) -> str | None:
    """ "YYYY-MM-DD" when the day exists in that year, else None."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def dateline_date(paragraph: str) -> str | None:
    """The year-bearing date of a news dateline ("LIMA, Nov 24, 2008 (Reuters) -"); None without a year."""
    match = DATELINE.match(paragraph)
    if not match or not match.group("date"):
        return None
    found = find_date(match.group("date"))
    return found.edtf if found else None


def dateline_agency(paragraph: str) -> str | None:
    """The agency a news dateline credits: "Reuters" in "LIMA, Nov 24 (Reuters) -", "TASS" in
    "MOSCOW, March 3. /TASS/."; None without one."""
    match = DATELINE.match(paragraph) if is_dateline(paragraph) else None
    agency = (match.group("agency") or match.group("slashed")) if match else None
    return agency.strip(" ()") if agency else None


def is_dateline(paragraph: str) -> bool:
    """True when a paragraph opens with a news dateline: "LIMA, Nov 24 (Reuters) -", "MOSCOW —",
    "Lima : …", "NEW DELHI: …" (but not a label such as "ABSTRACT:" or "Note: …")."""
    match = DATELINE.match(paragraph)
    if not match:
        return False
    place, sep = match.group("place"), match.group("sep")
    if match.group("date") or match.group("slashed"):
        return True
    if match.group("agency"):  # "LIMA (Reuters) -", but not "Peru (Republic of Peru) - a country …"
        return place.isupper()
    if place.lower().rstrip(".") in _LABEL_WORDS:
        return False
    if sep.startswith(" ") and sep.strip() == ":":
        return True  # "Lima : …", the French/Spanish typographic colon
    letters = [ch for ch in place if ch.isalpha()]
    return len(letters) >= 3 and place.isupper()


def _is_weekday_prefix(prefix: str) -> bool:
    """Nothing, a weekday, or a time of day before the date ("3:14 PM EST, March 3, 2024")."""
    prefix = _TIME_PREFIX.sub("", prefix)
    words = [w for w in re.split(r"[\s,]+", prefix) if w]
    if not words:
        return True
    return len(words) == 1 and _fold(words[0].lower().rstrip(".")) in WEEKDAYS


def _edtf(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("a"):
        month, day = _day_month(int(groups["a"]), int(groups["b"] or 0))
        if month == 0:
            month, day = _by_weekday(match, year)
    else:
        month = month_number(groups["mon"]) if groups.get("mon") else int(groups["m"] or 0)
        day = int(groups["d"]) if groups.get("d") else None
    if month is None or not 0 <= month <= 12:
        return None
    if month == 0:  # a numeric date that reads both ways: only the year is certain
        return str(year)
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _day_month(first: int, second: int) -> tuple[int | None, int | None]:
    """(month, day) of "first/second/year": D/M when first > 12, M/D when second > 12, (0, None) when
    both orders are valid and differ."""
    if first > 12 >= second >= 1:
        return second, first
    if second > 12 >= first >= 1:
        return first, second
    if first == second and 1 <= first <= 12:
        return first, first
    if 1 <= first <= 12 and 1 <= second <= 12:
        return 0, None
    return None, None


_EN_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _by_weekday(match: re.Match[str], year: int) -> tuple[int, int | None]:
    """(month, day) of a numeric date that reads both ways, told by the English weekday written just
    before it ("Thursday, 01/05/2023" is 5 January, a Thursday; 1 May 2023 was a Monday); (0, None) when
    none is written or both readings, or neither, fall on it."""
    before = re.search(r"([A-Za-z]+)\.?,?\s*$", match.string[: match.start()])
    word = before.group(1).lower() if before else ""
    if word not in WEEKDAYS or word[:3] not in _EN_WEEKDAYS:
        return 0, None
    first, second = int(match.group("a")), int(match.group("b"))
    fits = [
        (month, day)
        for month, day in ((first, second), (second, first))
        if complete_date(year, month, day)
        and dt.date(year, month, day).weekday() == _EN_WEEKDAYS.index(word[:3])
    ]
    return fits[0] if len(fits) == 1 else (0, None)


def _fold(word: str) -> str:
    """The word without accents on Latin letters ("miércoles" → "miercoles"); Cyrillic is left alone."""
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
