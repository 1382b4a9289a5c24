"""The document's own title under the name of the site or institution that carries it.

Ministries, presidencies and press offices head every page with their name ("Ministry of Foreign Affairs
of Japan", "OFFICE OF THE PRESIDENT, REPUBLIC OF KOREA"), blogs with their name and tagline, think tanks
with "INSTITUTE | Country Briefing No. 41". The document's title follows, next to what dates or signs it:
the title is the line right above the byline or the author line; else, when a date line stands between
the name and the body, the line right under the date when the body follows it (a press release, a blog
post), or else the line right above the date (a transcript, a readout).

A first line is taken for a name, not a headline, only when it is short and capitalised like a name and
either is an institution's name ("Ministry of …", "… Office of …") or has a date, a label or a
"Site | Section" split between it and the title: a headline with a standfirst under it keeps its headline.
"""

from __future__ import annotations

import logging
import re

from dyad.ingest.bylines import AFFILIATION, parse_byline, parse_names
from dyad.ingest.dates import parse_date_line, stamp_date
from dyad.ingest.header import (
    MAX_TITLE,
    SECTION_SEPARATOR,
    is_masthead,
    is_page_chrome,
    is_section_label,
    looks_like_title,
)

LOGGER = logging.getLogger(__name__)

TITLE_ZONE = 8  # lines under the name where the title, its date and its byline stand
INSTITUTION = re.compile(
    r"^(?:the\s+)?(?:ministry|ministère|ministerio|ministério|office|department|embassy|consulate|government|"
    r"presidency|secretariat|chancellery|council|commission|parliament|assembly|institute|mission)\b|"
    r"\b(?:ministry|office|department|embassy|government|secretariat|council|commission|institute|mission)"
    r"\s+(?:of|for)\b",
    re.I,
)
SITE_SECTION = re.compile(r"\s\|\s")
MAX_LABEL_PART_WORDS = 3
MAX_TAGLINE = 120


def title_below_masthead(lines: list[str], start: int) -> int | None:
    """Index in ``lines`` of the document's own title when ``lines[start]`` names the site or the
    institution over it; else None."""
    first = lines[start]
    if not is_masthead(first):
        return None
    roles = _roles(lines, start + 1)
    index = _title_index(roles, start + 1)
    if index is None or index == start:
        return None
    between = [role for _, role in roles[: index - start - 1]]
    named = bool(INSTITUTION.search(first) or SITE_SECTION.search(first))
    if not (named or "date" in between or "label" in between):
        return None
    LOGGER.debug("title under the masthead %r: %r", first, lines[index])
    return index


def _roles(lines: list[str], start: int) -> list[tuple[str, str]]:
    """(line, role) for the lines under the name, up to the body: date, byline, names, label, title."""
    out: list[tuple[str, str]] = []
    for index in range(start, min(len(lines), start + TITLE_ZONE)):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        role = _role(lines[index], following)
        out.append((lines[index], role))
        if role == "body":
            break
    return out


def _role(line: str, following: str) -> str:
    if parse_date_line(line) or stamp_date(line):
        return "date"
    byline = parse_byline(line)
    if byline is not None and byline.source != "credit":
        return "byline"
    if _is_name_line(line, following):
        return "names"
    if _is_label(line, following):
        return "label"
    if looks_like_title(line) and len(line) <= MAX_TITLE:
        return "title"
    return "body"


def _title_index(roles: list[tuple[str, str]], start: int) -> int | None:
    """The title's index: above the byline (date lines between), else under or above the date."""
    kinds = [role for _, role in roles]
    signed = next((i for i, kind in enumerate(kinds) if kind in ("byline", "names")), None)
    if signed is not None:
        above = signed - 1
        while above >= 0 and kinds[above] == "date":
            above -= 1
        if above >= 1 and kinds[above - 1] == "title" and roles[above][0][:1].islower():
            above -= 1  # the title's wrapped second line starts in lower case, like a tagline
        return start + above if above >= 0 and kinds[above] == "title" else None
    dated = next((i for i, kind in enumerate(kinds) if kind == "date"), None)
    if dated is None:
        return None
    after = kinds[dated + 1 : dated + 3]
    # the line under the date, when the body follows it and it is no place line ("Kazan")
    if after[:1] == ["title"] and after[1:] in ([], ["body"]) and len(roles[dated + 1][0].split()) >= 3:
        return start + dated + 1
    if dated > 0 and kinds[dated - 1] == "title":
        return start + dated - 1
    return None


def _is_name_line(line: str, following: str) -> bool:
    """Authors alone on a line: two or more names, or one over a date line or an affiliation."""
    names = parse_names(re.sub(r"\s*\([^)]*\)\s*$", "", line), strict=True)
    if not names:
        return False
    return len(names) >= 2 or bool(parse_date_line(following) or AFFILIATION.search(following))


def _is_label(line: str, following: str) -> bool:
    """A section label, a breadcrumb ("Media Center > Briefings"), a note in brackets, a heading that
    ends with a colon, a tagline in lower case, page chrome."""
    if line.startswith("(") and line.endswith(")") or line.endswith(":"):
        return True
    if line[:1].islower() and len(line) <= MAX_TAGLINE and not line.endswith("."):
        return True  # a blog's tagline: "a blog about Italy and the Mediterranean"
    parts = SECTION_SEPARATOR.split(line)
    if len(parts) >= 2 and all(1 <= len(part.split()) <= MAX_LABEL_PART_WORDS for part in parts):
        return True
    return is_page_chrome(line) or is_section_label(line, following)
