"""Authors from bylines and author lines: "By Jane Doe and John Roe", "Outlet | by Simon Wilson",
"Posted by …", "Reporting by …; Editing by …", and the name line under a paper's title
("Sebastien ADINS and Mildred ROONEY").

A name is 2–5 tokens: capitalised words (ALL-CAPS surnames are title-cased), initials ("S.", "J.-P.")
and lower-case particles ("de", "van"). Role words ("Staff", "Correspondent") and function words never
form a name, so a sentence that happens to begin with "By" is not a byline.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from dyad.ingest.dates import find_date

LOGGER = logging.getLogger(__name__)

PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "der",
        "den",
        "di",
        "do",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "van",
        "von",
        "ten",
        "ter",
        "y",
        "bin",
        "ibn",
        "al",
        "el",
        "st",
    ]
)
ARTICLES = frozenset(["le", "la", "el", "les", "los", "las", "il", "lo"])
NOT_NAME_WORDS = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "by",
        "of",
        "and",
        "or",
        "our",
        "your",
        "his",
        "her",
        "its",
        "their",
        "a",
        "an",
        "staff",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "editorial",
        "team",
        "desk",
        "news",
        "newsroom",
        "agency",
        "agencies",
        "writer",
        "writers",
        "contributor",
        "contributors",
        "press",
        "service",
        "services",
        "bureau",
        "board",
        "admin",
        "administrator",
        "guest",
        "anonymous",
        "unknown",
        "comments",
        "comment",
        "post",
        "posted",
        "share",
        "read",
        "more",
        "home",
        "menu",
        "university",
        "universidad",
        "institute",
        "department",
        "ministry",
        "republic",
        "federation",
        "relations",
        "abstract",
        "introduction",
        "keywords",
        "references",
        "bibliography",
        "chapter",
        "section",
        "page",
        "volume",
    ]
)
AFFILIATION = re.compile(
    r"universit|universidad|universidade|institut|school|college|academ|cent(?:er|re)|department|"
    r"faculty|facultad|ministry|@",
    re.I,
)
SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\by\b|\be\b|\bet\b|\bund\b|\bи\b)\s*")
MARKERS = re.compile(r"[\d*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
INITIAL = re.compile(r"^[^\W\d_]\.?(?:-?[^\W\d_]\.)*$")
WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?$")
OUTLET_BYLINE = re.compile(r"^(?P<outlet>[^|•·]{2,60}?)\s*[|•·]\s*(?:by|por|par)\s+(?P<names>.+)$", re.I)
BYLINE = re.compile(
    r"^(?P<lead>written\s+by|words\s+by|story\s+by|text\s+by|posted\s+by|by|por|par|автор:?)\s+(?P<names>.+)$",
    re.I,
)
CREDIT = re.compile(r"(?:^\(?|;\s*)(?:reporting|writing|written)\s+by\s+(?P<names>[^;|)]+)", re.I)
BYLINE_END = re.compile(r"\s+(?:[|•·—–]|-\s|at\s+\d|on\s+\S*\d|(?:at|on)\s+(?=[A-Z][a-z]+day))")
MAX_BYLINE = 120
TOP_LINES = 12
BOTTOM_LINES = 8


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    source: str = ""  # outlet_byline, byline, posted_by, credit, name_line
    date: str | None = None


def find_byline(lines: list[str], title_end: int) -> Byline | None:
    """The first byline near the top, the name line under the title, or a byline near the bottom.

    ``lines`` are the document's stripped non-empty lines; ``title_end`` the index after the title.
    """
    for line in lines[title_end : title_end + TOP_LINES]:
        found = parse_byline(line)
        if found:
            return found
    found = _name_line(lines, title_end)
    if found:
        return found
    for line in lines[-BOTTOM_LINES:]:
        found = parse_byline(line)
        if found:
            return found
    return None


def parse_byline(line: str) -> Byline | None:
    """A byline in one line, or None when the line is anything else (a sentence, a heading)."""
    if len(line) > MAX_BYLINE:
        return None
    match = OUTLET_BYLINE.match(line)
    if match and _looks_like_outlet(match.group("outlet")):
        authors = parse_names(_cut(match.group("names")), strict=False)
        outlet = match.group("outlet").strip()
        return Byline(authors, outlet, "outlet_byline", _date(line)) if authors else None
    match = BYLINE.match(line)
    if match:
        authors = parse_names(_cut(match.group("names")), strict=False)
        source = "posted_by" if match.group("lead").lower().startswith("posted") else "byline"
        return Byline(authors, None, source, _date(line)) if authors else None
    credits = [name for m in CREDIT.finditer(line) for name in parse_names(m.group("names"), strict=True)]
    return Byline(credits, None, "credit") if credits else None


def parse_names(text: str, *, strict: bool) -> list[str]:
    """Names in "A B, C D and E F". Strict: every part must be a name. Lenient (bylines): leading names,
    followed at most by short capitalised tags ("Reuters", "Staff Writer")."""
    parts = [p for p in SEPARATORS.split(text.strip().rstrip(".")) if p]
    names: list[str] = []
    for index, part in enumerate(parts):
        name = normalize_name(part)
        if name is None:
            if strict or not names or not all(_is_tag(rest) for rest in parts[index:]):
                return []
            break
        names.append(name)
    return names


def normalize_name(text: str) -> str | None:
    """ "Sebastien ADINS" → "Sebastien Adins"; None when ``text`` is not a person's name."""
    tokens = [MARKERS.sub("", tok) for tok in text.split()]
    tokens = [tok for tok in tokens if tok]
    if not 2 <= len(tokens) <= 5:
        return None
    out: list[str] = []
    for position, token in enumerate(tokens):
        fixed = _name_token(token, first=position == 0)
        if fixed is None:
            return None
        out.append(fixed)
    core = [tok for tok in out if tok.lower() not in PARTICLES]
    if not core or INITIAL.match(core[-1]) or all(INITIAL.match(tok) for tok in core):
        return None
    return " ".join(out)


def display_name(text: str) -> str | None:
    """A name as written with whitespace collapsed; "Family, Given" (one comma) becomes "Given Family"."""
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    family, sep, given = text.partition(", ")
    if sep and given and "," not in given:
        text = f"{given} {family}"
    return text or None


def title_case_token(token: str) -> str:
    """ "ADINS" → "Adins", "O'BRIEN" → "O'Brien", "JEAN-PAUL" → "Jean-Paul"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), token)


def _name_token(token: str, *, first: bool) -> str | None:
    if token.lower() in PARTICLES and not first:
        return token  # as written: "van", "de", "El" (Mohamed El-Erian)
    if first and token.lower() in ARTICLES:
        return None  # "Le Monde", "El Comercio" are outlets
    if INITIAL.match(token) and (token.endswith(".") or len(token) == 1) and token[0].isupper():
        return token
    if not WORD.match(token) or not token[0].isupper() or token.lower().strip(".") in NOT_NAME_WORDS:
        return None
    if token.endswith("."):
        return None  # "Jr." aside, a word ending in a period ends a sentence
    if token.isupper() and len(token) > 1:
        return title_case_token(token)
    return token


def _name_line(lines: list[str], title_end: int) -> Byline | None:
    """Author names alone on one of the two lines under the title (papers)."""
    for offset, line in enumerate(lines[title_end : title_end + 2]):
        last = line.split()[-1]
        if (
            len(line) > MAX_BYLINE
            or line.endswith((":", "?", "!"))
            or (line.endswith(".") and not INITIAL.match(last))
        ):
            continue
        names = parse_names(line, strict=True)
        if not names:
            continue
        following = lines[title_end + offset + 1] if title_end + offset + 1 < len(lines) else ""
        if len(names) >= 2 or _has_name_evidence(line) or AFFILIATION.search(following):
            return Byline(names, None, "name_line")
    return None


def _has_name_evidence(line: str) -> bool:
    """A single name needs an initial or an ALL-CAPS surname to be told from a two-word heading."""
    tokens = [MARKERS.sub("", tok) for tok in line.split()]
    return any(INITIAL.match(tok) and tok.endswith(".") for tok in tokens) or any(
        tok.isupper() and len(tok) > 1 for tok in tokens
    )


def _is_tag(text: str) -> bool:
    """A short capitalised tag after a byline's names: "Reuters", "Staff Writer", "The Lima Times"."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("of", "the", "for") for w in words)


def _looks_like_outlet(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and words[0][:1].isupper() and not text.rstrip().endswith(".")


def _cut(names: str) -> str:
    """Names without what follows them on the line: a date, a time, a separator."""
    found = find_date(names)
    if found:
        names = names[: found.start]
    return BYLINE_END.split(names, maxsplit=1)[0].strip(" ,;-–—")


def _date(line: str) -> str | None:
    found = find_date(line)
    return found.edtf if found else None
