"""The lines above a document's title: date stamps, journal running headers, skip links, cookie notices,
menus, the site's name standing over its menu, and section labels ("WORLD | AMERICAS", "Economy / Trade",
"Commentary").

Web pages saved as text and PDF extractions put these lines first; none of them is the title. The rules
read the layout (separators, capitals, what the next line looks like), not any outlet's wording.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from dyad.ingest.bylines import parse_byline, parse_names
from dyad.ingest.dates import find_date, has_time_of_day, has_weekday, parse_date_line

LOGGER = logging.getLogger(__name__)

HEADER_LINES = 10
MAX_TITLE = 250
MAX_MASTHEAD_WORDS = 8
MAX_SECTION_WORDS = 3
NAME_SMALL_WORDS = frozenset(
    ["of", "for", "and", "the", "on", "in", "at", "de", "del", "la", "des", "du", "für"]
)
JOURNAL_MARKER = re.compile(r"\b(?:vol(?:ume)?\.?\s*\d|no\.\s*\d|pp?\.\s*\d)", re.I)
LINK_OR_ID = re.compile(r"\b(?:e?-?issn\b|doi\s*:?\s*10\.|https?://|www\.)", re.I)
MENU_SEPARATOR = re.compile(r"\s[|•·»]\s")
SECTION_SEPARATOR = re.compile(r"\s+[/|›»>·•]\s+")
PAGE_CHROME = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|toggle navigation|main menu|menu|search|advertisement|"
    r"saltar al contenido|aller au contenu|zum inhalt springen|ir para o conte[úu]do)$",
    re.I,
)
# a consent notice names cookies and asks for something: "We use cookies …", "Accept | Manage settings"
COOKIE = re.compile(r"\bcookies?\b", re.I)
CONSENT_WORDS = re.compile(
    r"\b(?:we use|this (?:site|website) uses|accept|agree|consent|settings|preferences|privacy|browsing|"
    r"continuing|utilizamos|usamos|utilisons|verwenden|nutzen|aceptar|accepter|akzeptieren)\b",
    re.I,
)


@dataclass(slots=True, frozen=True)
class Header:
    """What stands above the title."""

    start: int = 0  # index of the first line after the header
    masthead: str | None = None  # the site's name over its menu
    weekday_date: bool = False  # a bare weekday date line ("Wednesday, September 11, 2024"), as on blogs


def read_header(lines: list[str]) -> Header:
    """Skip the leading date lines, page chrome, masthead-and-menu pairs and section labels."""
    index, masthead, weekday = 0, None, False
    while index < min(len(lines), HEADER_LINES):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if parse_date_line(line):
            weekday = weekday or (has_weekday(line) and not has_time_of_day(line))
            index += 1
        elif is_page_chrome(line):
            index += 1
        elif is_menu(following) and is_masthead(line):
            masthead, index = masthead or line, index + 2
        elif is_section_label(line, following):
            index += 1
        else:
            break
    return Header(index, masthead, weekday)


def is_page_chrome(line: str) -> bool:
    """A journal running header ("Vol. 5, No. 2 (2019), pp. 1-20", "ISSN …"), a menu ("Home | About | …"),
    a stamp ("World | 2 April 2022 | 3 min read"), a skip link or a cookie notice."""
    if len(JOURNAL_MARKER.findall(line)) >= 2 or LINK_OR_ID.search(line) or PAGE_CHROME.match(line):
        return True
    if MENU_SEPARATOR.search(line) and find_date(line) and parse_byline(line) is None:
        return True
    return is_menu(line) or is_cookie_notice(line)


def is_menu(line: str) -> bool:
    """Links in a row ("Home | Research | About"); not a byline or a date stamp laid out the same way."""
    if len(MENU_SEPARATOR.findall(line)) < 2:
        return False
    return parse_byline(line) is None and find_date(line) is None


def is_cookie_notice(line: str) -> bool:
    return bool(COOKIE.search(line) and CONSENT_WORDS.search(line))


def is_section_label(line: str, following: str) -> bool:
    """A kicker over the title: sections joined by a separator ("WORLD | AMERICAS", "Economy / Trade"),
    one word ("Commentary", "ANÁLISIS") or a short ALL-CAPS label, when a longer title-like line follows."""
    if not following or not looks_like_title(following) or parse_names(following, strict=True):
        return False
    words, next_words = line.split(), following.split()
    if len(next_words) <= len(words) or line.endswith(("?", "!", ":")):
        return False
    sections = SECTION_SEPARATOR.split(line)
    if len(sections) >= 2:
        return all(1 <= len(part.split()) <= MAX_SECTION_WORDS for part in sections)
    if len(words) == 1:
        return line[:1].isupper() and line.replace("-", "").isalpha() and len(next_words) >= 3
    return len(words) <= MAX_SECTION_WORDS and is_all_caps(line) and not is_all_caps(following)


def looks_like_title(line: str) -> bool:
    """Short, starts with a capital or digit, no final period, mostly letters, not a byline or link."""
    if not 2 <= len(line) <= MAX_TITLE or len(line.split()) > 30:
        return False
    if (line.endswith(".") and not line.endswith("...")) or line[0] in "{[<" or line[0].islower():
        return False
    if re.match(r"(?:https?://|www\.)", line, re.I) or parse_byline(line) or parse_date_line(line):
        return False
    if is_cookie_notice(line):
        return False
    letters = sum(ch.isalpha() for ch in line)
    return letters >= 0.5 * len(line.replace(" ", ""))


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def is_masthead(line: str) -> bool:
    """A site's name over a menu: a short title-like line in Title Case ("Institute for Baltic Affairs"),
    unlike a headline in sentence case."""
    words = line.split()
    if len(words) > MAX_MASTHEAD_WORDS or not looks_like_title(line):
        return False
    return all(not w[:1].isalpha() or w[:1].isupper() or w.lower() in NAME_SMALL_WORDS for w in words)
