"""Metadata of plain text by general rules: the date header, the title, the byline, the publisher, the kind.

The rules follow how outlets, blogs and PDF extraction lay text out, in several languages; none is about
one file. The readers for records, HTML and PDF start from what their format states and use these rules
only to fill gaps.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace

from dyad.ingest.agencies import find_agency
from dyad.ingest.bylines import Byline, find_byline, parse_names
from dyad.ingest.dates import (
    complete_date,
    dateline_date,
    dateline_month_day,
    find_date,
    has_time_of_day,
    has_weekday,
    is_dateline,
    parse_date_line,
    stamp_date,
)
from dyad.ingest.header import (
    HEADER_LINES,
    MAX_TITLE,
    SECTION_SEPARATOR,
    is_all_caps,
    is_page_chrome,
    looks_like_title,
    read_header,
)
from dyad.ingest.kind import ISSUER_TITLE, WIRE_SLUG, Signals, classify_kind
from dyad.ingest.masthead import title_below_masthead

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
FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.S)
MARKDOWN_MARKUP = re.compile(r"^#{1,6}\s+|\s+#+$|^[*_]{1,3}|[*_]{1,3}$")
# strong emphasis inside a line ("Posted by **Sana Afridi** on …"): markup, not the name
MARKDOWN_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
BOTTOM_LINES = 8
MAX_TITLE_LINES = 6
# a word hyphenated across a wrapped title's lines: "Maritime Agree-\nment", or "Agree- ment" once the
# lines were joined (not "Israel-\nLebanon", nor "pre- and post-war")
HYPHEN_WRAP = re.compile(r"(?<=[a-zà-ÿ])-(?:\n| (?!(?:and|or|to|nor|und|et|y|e|o)\b))(?=[a-zà-ÿ])")
WRAP_RATIO = 0.6  # a title wraps only when its first line is about as long as the next
MAX_STAMP = 100
NUMERIC_LINE = re.compile(r"^[\d\s.,/–—-]{4,20}$")  # "1957–2023" closing a title
COPYRIGHT_YEAR = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?P<y>1[89]\d\d|20\d\d)\b(?!\s*[-–])", re.I)
COMMENTS_START = re.compile(
    r"^(?:(?:\d+|no|one)\s+(?:comments?|thoughts?|responses?|replies)\b|leave a (?:comment|reply)\b|"
    r"post a comment$|comments?:?$)",
    re.I,
)
# A labelled ISO date opening a saved page ("date 2024-03-24", "Published: 2021-08-24"), title after it.
DATE_FIELD = re.compile(r"^(?:date|published|posted|pubdate)\s*:?\s*((?:19|20)\d\d-[01]\d-[0-3]\d)\b", re.I)


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
        raw_lines = [MARKDOWN_STRONG.sub(r"\2", MARKDOWN_MARKUP.sub("", line)) for line in raw_lines]
    lines = [line.strip() for line in raw_lines if line.strip()]
    field_date = None
    if lines and (field := DATE_FIELD.match(lines[0])):
        # "date 2024-03-24 China coastguard uses water cannons…": a saved page's date field before its title
        field_date, rest = field.group(1), lines[0][field.end() :].strip()
        lines = [rest, *lines[1:]] if rest else lines[1:]
        first = next(i for i, line in enumerate(raw_lines) if line.strip())
        raw_lines[first] = raw_lines[first].replace(field.group(0), "", 1)
    header = read_header(lines)
    title, title_end = find_title(lines, raw_lines, header.start)
    title, title_end, site = _own_title(lines, raw_lines, header.start, title, title_end)
    byline = find_byline(lines, title_end)
    if site is None:
        title, title_end, blog_name = _post_title(lines, title, title_end, byline)
    else:
        blog_name = None
    meta = Metadata(title=title, authors=byline.authors if byline else [])
    publisher_line = find_publisher(lines)
    # the site that carries a wire story (its byline, copyright line or masthead) published it
    agency = find_agency(
        lines[title_end:], lines, lines[byline.index] if byline and byline.index >= 0 else None
    )
    meta.publisher = (
        (byline.outlet if byline else None) or publisher_line or header.masthead or agency or blog_name
    )
    meta.published, stamped = _published(lines, byline, header.start, title_end)
    meta.published = field_date or meta.published
    meta.published_basis = "explicit" if meta.published else None
    meta.doi = find_doi(lines)
    # a blog dates its post on a weekday line over the title: at the top, or under its name and tagline
    weekday_date = header.weekday_date or (site is not None and _blog_masthead(site))
    weekday_title = weekday_date and title is not None and len(title) <= 100
    signals = _signals(byline, weekday_title, publisher_line is not None, title_end, stamped, agency)
    signals = replace(
        signals,
        issuer_title=bool(title and ISSUER_TITLE.search(title)),
        wire_slug=bool(title and WIRE_SLUG.match(title)),
    )
    meta.kind = classify_kind(text, lines, signals)
    front.fill_from(meta)
    return front


def find_title(lines: list[str], raw_lines: list[str], start: int) -> tuple[str | None, int]:
    """(title, index in ``lines`` after it) from the first non-header line, or (None, start)."""
    if start >= len(lines) or not looks_like_title(lines[start]):
        return None, start
    block = _title_block(lines, raw_lines, start)
    joined = re.sub(r"\s+", " ", HYPHEN_WRAP.sub("", "\n".join(block))).strip()
    if len(joined) > MAX_TITLE or joined.endswith("."):
        return None, start
    title = to_title_case(joined) if is_all_caps(joined) else joined
    return title, start + len(block)


def _own_title(
    lines: list[str], raw_lines: list[str], start: int, title: str | None, title_end: int
) -> tuple[str | None, int, list[str] | None]:
    """(title, index after it, the lines from the site's or institution's name down to the title) when
    the first line names the site or institution and the document's own title stands under it; else the
    title as found and None."""
    if title is None or title_end != start + 1:
        return title, title_end, None
    site, index = start, title_below_masthead(lines, start)
    if index is None and start >= 1 and _is_site_label(lines[start - 1]):
        site, index = start - 1, title_below_masthead(lines, start - 1)  # "THE SHILLING DESK", tagline
    own, own_end = find_title(lines, raw_lines, index) if index is not None else (None, start)
    if own is None or index is None:
        return title, title_end, None
    return own, own_end, lines[site:index]


def _blog_masthead(masthead: list[str]) -> bool:
    """A blog's name, its tagline and the post's weekday date line ("Saturday, 28 September 2019")."""
    dates = [line for line in masthead[1:] if parse_date_line(line)]
    weekday = any(has_weekday(line) and not has_time_of_day(line) for line in dates)
    return weekday and len(dates) < len(masthead) - 1


def _is_site_label(line: str) -> bool:
    """A name of two words or more that the header took for a section label (not a date or chrome)."""
    if len(line.split()) < 2 or SECTION_SEPARATOR.search(line):  # "WORLD | AMERICAS" is a section
        return False
    return not parse_date_line(line) and not is_page_chrome(line)


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
    names = names.strip("[]").replace('"', "").replace("'", "")
    meta.authors = parse_names(names, strict=True) or parse_names(names, strict=False)
    header = parse_date_line(values.get("date", ""))
    if header:
        meta.published, meta.published_basis = header[0], "explicit"
    return meta


def _published(
    lines: list[str], byline: Byline | None, start: int, title_end: int
) -> tuple[str | None, bool]:
    """(publication date, whether a date line gives the time of day): a header date line, the byline's
    date, a date line at the bottom, a news dateline (its year from the header or the copyright line)."""
    header_date, stamped = _header_date(lines)
    found = header_date or (byline.date if byline else None) or _bottom_date(lines)
    found = found or _dateline_year(lines[title_end : title_end + 4])
    return found or _dateline_completed(lines, start, title_end), stamped


def _header_date(lines: list[str]) -> tuple[str | None, bool]:
    """(the first publication date, or else update date, on a date line among the first lines; whether a
    date line gives the time of day, as news sites stamp stories)."""
    published: str | None = None
    updated: str | None = None
    stamped = False
    for line in lines[:HEADER_LINES]:
        if COMMENTS_START.match(line):
            break
        found = parse_date_line(line) or stamp_date(line)
        if found is None:
            continue
        stamped = stamped or has_time_of_day(line)
        if found[1]:
            updated = updated or found[0]
        else:
            published = published or found[0]
    return published or updated, stamped


def _post_title(
    lines: list[str], title: str | None, title_end: int, byline: Byline | None
) -> tuple[str | None, int, str | None]:
    """(title, index after it, blog name): under a blog's name, "Posted by …" and then the post's title
    and body; otherwise the title as found."""
    if title is None or byline is None or byline.source != "posted_by" or byline.index != title_end:
        return title, title_end, None
    at = title_end + 1
    if at + 1 >= len(lines) or not looks_like_title(lines[at]) or looks_like_title(lines[at + 1]):
        return title, title_end, None
    return lines[at], at + 1, title


def _title_block(lines: list[str], raw_lines: list[str], start: int) -> list[str]:
    """The title's lines: consecutive ALL-CAPS lines, or a line and its wrapped continuations."""
    block = [lines[start]]
    adjacent = _adjacent_lines(raw_lines, lines[start])
    caps = is_all_caps(lines[start])
    for line in adjacent[1:MAX_TITLE_LINES]:
        closing = bool(CONNECTOR_END.search(block[-1]) and NUMERIC_LINE.match(line))
        if closing or caps and is_all_caps(line) or not caps and _continues(block[-1], line):
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
    if line[:1].islower():  # a wrapped line, unless the first is too short to have wrapped (a tagline)
        return len(previous) >= WRAP_RATIO * len(line) or bool(CONNECTOR_END.search(previous))
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
    """A date line among the last lines of the text, above any comment section."""
    end = next((i for i, line in enumerate(lines) if i > 0 and COMMENTS_START.match(line)), len(lines))
    for line in lines[:end][-BOTTOM_LINES:]:
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


def _dateline_completed(lines: list[str], start: int, title_end: int) -> str | None:
    """A dateline's month and day ("NEW DELHI, Dec 6 (Reuters) -") with the year of a date in the lines
    around the title, or else of the copyright line."""
    month_day = next(filter(None, map(dateline_month_day, lines[title_end : title_end + 4])), None)
    if month_day is None:
        return None
    year = _year_near_title(lines[:start] + lines[title_end : title_end + 3]) or _copyright_year(lines)
    return complete_date(year, *month_day) if year else None


def _year_near_title(lines: list[str]) -> int | None:
    """The year of a date line ("Published: 24 November 2008") or a metadata stamp ("World | 2 April 2022 |
    3 min read") near the title; never of a sentence, whose dates are about events, not the story."""
    for line in lines:
        if len(line) > MAX_STAMP or is_dateline(line):
            continue
        stated = parse_date_line(line)
        if stated:
            return int(stated[0][:4])
        found = find_date(line) if is_page_chrome(line) else None
        if found:
            return int(found.edtf[:4])
    return None


def _copyright_year(lines: list[str]) -> int | None:
    for line in lines[-BOTTOM_LINES:]:
        match = COPYRIGHT_YEAR.match(line)
        if match:
            return int(match.group("y"))
    return None


def _signals(
    byline: Byline | None,
    weekday_title: bool,
    publisher_line: bool,
    title_end: int,
    stamped: bool,
    agency: str | None,
) -> Signals:
    source = byline.source if byline else ""
    return Signals(
        name_line_authors=len(byline.authors) if byline and source == "name_line" else 0,
        weekday_header_title=weekday_title,
        outlet_byline=source == "outlet_byline",
        byline=source == "byline",
        posted_by=source == "posted_by",
        publisher_line=publisher_line,
        body_start=title_end,
        located_byline=byline is not None and byline.located,
        time_stamped=stamped,
        agency_credit=agency is not None,
    )
