"""Metadata of plain text by general rules: the date header, the title, the byline, the publisher, the kind.

The rules follow how outlets, blogs and PDF extraction lay text out, in several languages; none is about
one file. The readers for records, HTML and PDF start from what their format states and use these rules
only to fill gaps.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from dyad.ingest.bylines import Byline, find_byline, parse_byline, parse_names
from dyad.ingest.dates import dateline_date, has_weekday, parse_date_line
from dyad.ingest.kind import Signals, classify_kind

LOGGER = logging.getLogger(__name__)

SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "nor",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "between",
        "vs",
        "vs.",
        "via",
        "per",
        "into",
        "upon",
        "as",
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
        "en",
        "con",
        "por",
        "para",
        "entre",
        "da",
        "do",
        "das",
        "dos",
        "e",
        "o",
        "le",
        "les",
        "des",
        "du",
        "et",
    ]
)
CONNECTOR_END = re.compile(r"(?:[:,–—-]|\b(?:" + "|".join(sorted(SMALL_WORDS - {"vs."})) + r"))$", re.I)
ROMAN = re.compile(r"^(?=[IVX]{2,})X{0,3}(?:IX|IV|V?I{0,3})$")
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
SUPPORT = re.compile(r"^(?:support|subscribe\s+to|donate\s+to)\s+(?P<x>.+?)[.!]?$", re.I)
COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<x>[^|.,©]+)", re.I
)
NOT_OUTLET_WORDS = frozenset(
    [
        "us",
        "our",
        "me",
        "my",
        "your",
        "this",
        "now",
        "today",
        "here",
        "newsletter",
        "independent",
        "journalism",
        "all",
        "rights",
        "reserved",
    ]
)
JOURNAL_MARKER = re.compile(r"\b(?:vol(?:ume)?\.?\s*\d|no\.\s*\d|pp?\.\s*\d)", re.I)
LINK_OR_ID = re.compile(r"\b(?:e?-?issn\b|doi\s*:?\s*10\.|https?://|www\.)", re.I)
MENU_SEPARATOR = re.compile(r"\s[|•·»]\s")
PAGE_CHROME = re.compile(
    r"^(?:skip to (?:main )?content|toggle navigation|main menu|menu|search|advertisement)$", re.I
)
FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.S)
MARKDOWN_MARKUP = re.compile(r"^#{1,6}\s+|\s+#+$|^[*_]{1,3}|[*_]{1,3}$")
HEADER_LINES = 10
BOTTOM_LINES = 8
MAX_TITLE = 250
MAX_TITLE_LINES = 6


@dataclass(slots=True)
class Metadata:
    """What a reader learned about a document; ``None``/empty where it learned nothing."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    published_basis: str | None = None
    doi: str | None = None
    language: str | None = None
    kind: str | None = None

    def fill_from(self, other: Metadata) -> None:
        """Take ``other``'s values for the fields this one lacks."""
        for name in ("title", "publisher", "doi", "language", "kind"):
            if not getattr(self, name) and getattr(other, name):
                setattr(self, name, getattr(other, name))
        if not self.authors:
            self.authors = list(other.authors)
        if not self.published and other.published:
            self.published, self.published_basis = other.published, other.published_basis


def read_text_metadata(text: str, *, markdown: bool = False) -> Metadata:
    """Title, authors, publisher, date and kind of a plain-text (or markdown) document."""
    front = read_front_matter(text) if markdown else Metadata()
    raw_lines = FRONT_MATTER.sub("", text, count=1).split("\n") if markdown else text.split("\n")
    if markdown:
        raw_lines = [MARKDOWN_MARKUP.sub("", line) for line in raw_lines]
    lines = [line.strip() for line in raw_lines if line.strip()]
    header_date, weekday, start = _scan_header(lines)
    title, title_end = find_title(lines, raw_lines, start)
    byline = find_byline(lines, title_end)
    meta = Metadata(title=title, authors=byline.authors if byline else [])
    publisher_line = find_publisher(lines)
    meta.publisher = (byline.outlet if byline else None) or publisher_line
    meta.published = header_date or (byline.date if byline else None) or _bottom_date(lines)
    meta.published = meta.published or _dateline_year(lines[title_end : title_end + 4])
    meta.published_basis = "explicit" if meta.published else None
    meta.doi = find_doi(lines)
    weekday_title = weekday and title is not None and len(title) <= 100
    signals = _signals(byline, weekday_title, publisher_line is not None, title_end)
    meta.kind = classify_kind(text, lines, signals)
    front.fill_from(meta)
    return front


def find_title(lines: list[str], raw_lines: list[str], start: int) -> tuple[str | None, int]:
    """(title, index in ``lines`` after it) from the first non-header line, or (None, start)."""
    if start >= len(lines) or not looks_like_title(lines[start]):
        return None, start
    block = _title_block(lines, raw_lines, start)
    joined = re.sub(r"\s+", " ", " ".join(block)).strip()
    if len(joined) > MAX_TITLE or joined.endswith("."):
        return None, start
    title = to_title_case(joined) if is_all_caps(joined) else joined
    return title, start + len(block)


def looks_like_title(line: str) -> bool:
    """Short, starts with a capital or digit, no final period, mostly letters, not a byline or link."""
    if not 2 <= len(line) <= MAX_TITLE or len(line.split()) > 30:
        return False
    if (line.endswith(".") and not line.endswith("...")) or line[0] in "{[<" or line[0].islower():
        return False
    if re.match(r"(?:https?://|www\.)", line, re.I) or parse_byline(line) or parse_date_line(line):
        return False
    letters = sum(ch.isalpha() for ch in line)
    return letters >= 0.5 * len(line.replace(" ", ""))


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def to_title_case(text: str) -> str:
    """ "THE RELATIONS BETWEEN PERU AND THE RUSSIAN FEDERATION: REVISION" →
    "The Relations between Peru and the Russian Federation: Revision"."""
    words = text.split()
    out: list[str] = []
    for index, word in enumerate(words):
        first = index == 0 or words[index - 1].endswith((":", "—", "?", "!"))
        out.append(_case_word(word, first=first))
    return " ".join(out)


def find_publisher(lines: list[str]) -> str | None:
    """The outlet named by a "Support X"/"Subscribe to X" or "© 2015 X" line."""
    for line in lines:
        if len(line) > 80:
            continue
        match = SUPPORT.match(line) or COPYRIGHT.match(line)
        if match:
            name = re.sub(r"\s+", " ", match.group("x")).strip(" .,-–—")
            if _is_outlet_name(name):
                return name
    return None


def find_doi(lines: list[str]) -> str | None:
    """A DOI in the document's first lines (its own, not one from its references)."""
    for line in lines[:40]:
        match = DOI.search(line)
        if match:
            return match.group(1).rstrip(".,;)")
    return None


def read_front_matter(text: str) -> Metadata:
    """title/author(s)/date/publisher from a markdown YAML front-matter block (simple key: value lines)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return Metadata()
    values: dict[str, str] = {}
    for line in match.group("body").split("\n"):
        key, sep, value = line.partition(":")
        if sep and value.strip():
            values[key.strip().lower()] = value.strip().strip("\"'")
    meta = Metadata(title=values.get("title"), publisher=values.get("publisher") or values.get("site"))
    names = values.get("authors") or values.get("author") or ""
    meta.authors = parse_names(names.strip("[]").replace('"', "").replace("'", ""), strict=False)
    header = parse_date_line(values.get("date", ""))
    if header:
        meta.published, meta.published_basis = header[0], "explicit"
    return meta


def _scan_header(lines: list[str]) -> tuple[str | None, bool, int]:
    """(publication date, weekday seen, index of the first line after the leading date lines, running
    headers and menus)."""
    published: str | None = None
    updated: str | None = None
    weekday = False
    start = 0
    for index, line in enumerate(lines[:HEADER_LINES]):
        found = parse_date_line(line)
        if index == start and (found or _is_running_header(line)):
            start, weekday = index + 1, weekday or (found is not None and has_weekday(line))
        if found is None:
            continue
        if found[1]:
            updated = updated or found[0]
        else:
            published = published or found[0]
    return published or updated, weekday, start


def _is_running_header(line: str) -> bool:
    """A journal running header ("Vol. 5, No. 2 (2019), pp. 1-20", "ISSN …"), a menu ("Home | About") or
    page chrome ("Skip to content")."""
    if len(JOURNAL_MARKER.findall(line)) >= 2 or LINK_OR_ID.search(line) or PAGE_CHROME.match(line):
        return True
    return len(MENU_SEPARATOR.findall(line)) >= 2


def _title_block(lines: list[str], raw_lines: list[str], start: int) -> list[str]:
    """The title's lines: consecutive ALL-CAPS lines, or a line and its wrapped continuations."""
    block = [lines[start]]
    adjacent = _adjacent_lines(raw_lines, lines[start])
    caps = is_all_caps(lines[start])
    for line in adjacent[1:MAX_TITLE_LINES]:
        if caps and is_all_caps(line) or not caps and _continues(block[-1], line):
            block.append(line)
        else:
            break
    return block


def _adjacent_lines(raw_lines: list[str], first: str) -> list[str]:
    """``first`` and the lines right under it, up to the next blank line."""
    stripped = [line.strip() for line in raw_lines]
    at = stripped.index(first)
    out: list[str] = []
    for line in stripped[at:]:
        if not line:
            break
        out.append(line)
    return out


def _continues(previous: str, line: str) -> bool:
    """A wrapped title line: this one starts lower-case, or the previous one ends in a connector."""
    if line.endswith(".") or parse_names(line, strict=True):
        return False
    if line[:1].islower():
        return True
    return bool(CONNECTOR_END.search(previous)) and looks_like_title(line)


def _case_word(word: str, *, first: bool) -> str:
    core = word.strip("\"'“”‘’()[],:;.!?")
    if ROMAN.match(core) or (core.isalpha() and not re.search(r"[AEIOUYÁÉÍÓÚ]", core, re.I)):
        return word  # "XXI", "G", acronyms without vowels stay as written
    lower = word.lower()
    if not first and core.lower() in SMALL_WORDS:
        return lower
    return re.sub(r"(^|[-/\"'“‘(])([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), lower)


def _is_outlet_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or words[0].lower() in NOT_OUTLET_WORDS:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in SMALL_WORDS for w in words)


def _bottom_date(lines: list[str]) -> str | None:
    for line in lines[-BOTTOM_LINES:]:
        found = parse_date_line(line)
        if found:
            return found[0]
    return None


def _dateline_year(lines: list[str]) -> str | None:
    for line in lines:
        found = dateline_date(line)
        if found:
            return found
    return None


def _signals(byline: Byline | None, weekday_title: bool, publisher_line: bool, title_end: int) -> Signals:
    source = byline.source if byline else ""
    return Signals(
        name_line_authors=len(byline.authors) if byline and source == "name_line" else 0,
        weekday_header_title=weekday_title,
        outlet_byline=source == "outlet_byline",
        byline=source == "byline",
        posted_by=source == "posted_by",
        publisher_line=publisher_line,
        body_start=title_end,
    )
