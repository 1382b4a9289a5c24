"""Document kind (``paper``, ``blog``, ``news`` or ``other``) from layout and wording signals.

A dateline or an agency's credit is enough for ``news``; a press release, dateline and all, is ``other``,
and so is an issuer's transcript, briefing or statement.

Each kind collects points from signals typical of it; the best kind wins when it has at least
``MIN_SCORE`` points (ties go to the more specific kind: paper, then blog, then news). Records are
recognised by their format, not here.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from dyad.ingest.dates import is_dateline

LOGGER = logging.getLogger(__name__)

MIN_SCORE = 2
PRIORITY = {"paper": 3, "blog": 2, "news": 1}
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MAJOR_HEADINGS = re.compile(
    r"^(?:\d+\.?\s*|[IVX]+\.\s*)?(?P<word>abstract|keywords|key\s+words|references|bibliography|works\s+cited|"
    r"resumen|palabras\s+clave|referencias|bibliograf[ií]a|r[ée]sum[ée]|mots[- ]cl[ée]s|resumo|"
    r"palavras[- ]chave|refer[êe]ncias|аннотация|ключевые\s+слова|литература|список\s+литературы)\b\s*[:.]?",
    re.I,
)
MINOR_HEADINGS = re.compile(
    r"^(?:\d+\.?\s*|[IVX]+\.\s*)?(?:introduction|conclusions?|acknowledge?ments|methodology|"
    r"introducci[oó]n|conclusi[oó]n(?:es)?|introdu[cç][aã]o|conclus[aã]o|введение|заключение)\s*[:.]?$",
    re.I,
)
HYPHEN_BREAK = re.compile(r"[a-zà-ÿ]-[ \t]*\n[ \t]*[a-zà-ÿ]")
FOOTNOTE = re.compile(r"[a-z][.,;:”\"’)]\d{1,3}(?=\s|$)")
CITATION = re.compile(
    r"\([A-Z][^\W\d_]+(?: et al\.)?(?: (?:and|&) [A-Z][^\W\d_]+)?,? (?:1[89]|20)\d\d[a-z]?"
    r"(?:[:,] ?(?:pp?\. ?)?\d+(?:[-–]\d+)?)?\)"
)
BLOG_LINES = (
    re.compile(r"^post a comment$", re.I),
    re.compile(r"^(?:no|\d+) comments?:?$", re.I),
    re.compile(r"^posted by\b", re.I),
    re.compile(r"^labels?:", re.I),
    re.compile(r"^(?:newer|older) posts?\b", re.I),
    re.compile(r"^subscribe to:\s*post", re.I),
    re.compile(r"^leave a (?:comment|reply)\b", re.I),
    re.compile(r"^share this:?$", re.I),
    re.compile(r"^like this:?$", re.I),
    re.compile(r"^blog archive$", re.I),
    # a comment section: "1 thought on “…”", "Jane R. says:", "Sara M. said...", the comment form
    re.compile(r"^(?:\d+|one|no)\s+(?:thoughts?|responses?|repl(?:y|ies))\s+(?:on|to)\b", re.I),
    re.compile(r"^[^\W\d_][\w .'’-]{1,40}\s(?:says|said|dijo|disse|a dit)(?::|\.\.\.|…)$", re.I),
    re.compile(r"^your email address will not be published\b", re.I),
)
MAX_BLOG_LINES = 4
# A press release speaks for its issuer: with a dateline and all, it is not a news story.
PRESS_RELEASE = re.compile(
    r"^(?:press|news|media)\s+release\b|^for\s+immediate\s+release\b|^(?:comunicado|nota)\s+de\s+prensa\b|"
    r"^communiqué\s+de\s+presse\b|^pressemitteilung\b",
    re.I,
)
PRESS_RELEASE_LINES = 6
# An issuer's own record of what it said: a transcript, a briefing, a press conference, a statement, a
# readout. Reporters quote such texts; the text itself is not a news story.
ISSUER_TITLE = re.compile(
    r"^(?:transcript|readout|verbatim|(?:regular\s+|special\s+|weekly\s+|daily\s+|media\s+|press\s+)*"
    r"(?:briefing|press\s+conference|news\s+conference)|(?:joint\s+|press\s+)?(?:statement|declaration|"
    r"communiqu[ée])|remarks|address|speech)\b\s*(?:by|of|on|at|from|with|between|to)\b|"
    # "Foreign Ministry Spokesperson Li Wei's Regular Press Conference on May 5, 2023"
    r"\b(?:spokes(?:person|man|woman)|minister|secretary)\b[^:]{0,60}['’]s\s+(?:regular\s+|daily\s+|weekly\s+)?"
    r"(?:press\s+conference|(?:press\s+|media\s+)?briefing|remarks|statement)\b",
    re.I,
)
# a wire service's slug in capitals before the headline: "UPDATE 2-…", "TIMELINE: …", "FACTBOX-…"
WIRE_SLUG = re.compile(
    r"^(?:UPDATE\s+\d+|TIMELINE|FACTBOX|EXPLAINER|ANALYSIS|EXCLUSIVE|INSIGHT|WRAPUP(?:\s+\d+)?|FOCUS|INTERVIEW)"
    r"\s*[-:]\s*\S"
)
NEWS_PHRASES = (
    re.compile(r"\b[A-Z][\w-]*\s+(?:news\s+agency\s+)?reported\b"),
    re.compile(r"\btold (?:reporters|journalists)\b"),
    re.compile(rf"\b(?:said|reported|announced)\s+(?:in a statement|on\s+{_WEEKDAY}|{_WEEKDAY})\b"),
    re.compile(r"\b(?:news agency|state media|press conference)\b", re.I),
    re.compile(r"\baccording to\b", re.I),
)


@dataclass(slots=True, frozen=True)
class Signals:
    """Layout facts the metadata rules found on the way."""

    name_line_authors: int = 0  # authors on a line of names under the title
    weekday_header_title: bool = False  # "Wednesday, September 11, 2024" then a short title
    outlet_byline: bool = False  # "Outlet | by Author"
    byline: bool = False  # "By Author"
    posted_by: bool = False
    publisher_line: bool = False  # "Support X", "Subscribe to X", "© 2015 X"
    body_start: int = 0  # index of the first line after the title
    located_byline: bool = False  # "By A in Lima": filed from a place, as correspondents do
    time_stamped: bool = False  # a date line with the time of day, as news sites stamp stories
    agency_credit: bool = False  # a news agency credited by the dateline or a credit line
    issuer_title: bool = False  # "Transcript of …", "Press Conference by …", "Joint Statement on …"
    wire_slug: bool = False  # "TIMELINE: …", "UPDATE 2-…" before the headline


def classify_kind(text: str, lines: list[str], signals: Signals) -> str:
    """``paper``, ``blog``, ``news`` or ``other`` for a document's text and its stripped non-empty lines."""
    scores = {
        "paper": paper_score(text, lines, signals),
        "blog": blog_score(lines, signals),
        "news": news_score(text, lines, signals),
    }
    best = max(scores, key=lambda kind: (scores[kind], PRIORITY[kind]))
    LOGGER.debug("kind scores %s", scores)
    return best if scores[best] >= MIN_SCORE else "other"


def paper_score(text: str, lines: list[str], signals: Signals) -> int:
    score = min(signals.name_line_authors, 2)
    major = {match.group("word").lower() for match in map(MAJOR_HEADINGS.match, lines) if match}
    minor = sum(1 for line in lines if MINOR_HEADINGS.match(line))
    score += min(2 * len(major), 4) + min(minor, 2)
    score += 2 if len(HYPHEN_BREAK.findall(text)) >= 3 else 0
    score += 1 if len(FOOTNOTE.findall(text)) >= 3 else 0
    score += 1 if len(CITATION.findall(text)) >= 2 else 0
    score += 1 if text.count("et al.") >= 2 else 0
    return score


def blog_score(lines: list[str], signals: Signals) -> int:
    hits = sum(1 for pattern in BLOG_LINES if any(pattern.match(line) for line in lines))
    # "Posted by" as the byline is the blogging platform's own mark, worth more than a line that says so
    # somewhere: a post that opens like a wire story ("LIMA — …") is still a post
    posted = 1 if signals.posted_by else 0
    return min(hits, MAX_BLOG_LINES) + posted + (2 if signals.weekday_header_title else 0)


def news_score(text: str, lines: list[str], signals: Signals) -> int:
    if signals.issuer_title or any(PRESS_RELEASE.match(line) for line in lines[:PRESS_RELEASE_LINES]):
        return 0
    body = [line for line in lines[signals.body_start :] if len(line) >= 40][:3]
    score = 2 if any(is_dateline(line) for line in body) else 0
    score += min(sum(1 for pattern in NEWS_PHRASES if pattern.search(text)), 2)
    score += 2 if signals.outlet_byline else 0
    score += 1 if signals.byline else 0
    score += 1 if signals.publisher_line else 0
    score += 1 if signals.located_byline else 0
    score += 1 if signals.time_stamped else 0
    score += 2 if signals.agency_credit else 0
    score += 2 if signals.wire_slug else 0
    return score
