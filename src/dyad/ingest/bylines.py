"""Authors from bylines and author lines: "By Jane Doe and John Roe", "Outlet | by Simon Wilson",
"Posted by …", "Reporting by …; Editing by …", the name line under a paper's title ("Sebastien ADINS and
Mildred ROONEY"), and at the end of a text a signature ("— Jane Doe") or an author's note ("Jane Doe is a
senior fellow at …").

A name is 2–5 tokens: capitalised words (ALL-CAPS surnames are title-cased), initials ("S.", "J.-P.")
and lower-case particles ("de", "van"); honorifics ("Dr.", "Prof.") are dropped. Role words ("Staff",
"Correspondent") and function words never form a name, so a sentence that happens to begin with "By" is
not a byline. In a byline, the names are the first one and those joined to it by a conjunction ("A, B and
C"); what follows after a comma or "in"/"from" is a place, a role or an outlet ("By A, São Paulo",
"By A in Lima", "By A, Senior Fellow, Europe Programme", "By A, Associated Press").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from dyad.ingest.dates import find_date, parse_date_line

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
        "fellow",
        "associate",
        "senior",
        "programme",
        "program",
        "professor",
        "lecturer",
        "researcher",
        "analyst",
        "director",
        "columnist",
        "coordinator",
    ]
)
HONORIFICS = frozenset(
    ["dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame", "rev", "hon", "dra", "lic", "ing"]
    + ["mme", "mlle", "herr", "frau", "sr", "sra", "srta", "dott", "д-р", "проф"]
)
DEGREES = frozenset(["phd", "ph.d", "md", "m.d", "dphil", "mba", "jr", "sr"])
# lower-case words a byline's tag may hold: "staff writer", "Washington bureau", "special correspondent"
TAG_WORDS = frozenset(
    ["of", "the", "for", "and", "at", "de", "del", "da", "staff", "writer", "reporter", "correspondent"]
    + ["bureau", "editor", "contributor", "columnist", "special", "senior", "foreign", "political", "chief"]
    + ["desk", "news", "agency", "fellow", "associate", "team", "redacción", "corresponsal", "enviado"]
    + ["especial", "envoyé", "spécial", "rédaction"]
)
CONJUNCTIONS = frozenset(["&", "and", "y", "e", "et", "und", "и"])
AFFILIATION = re.compile(
    r"universit|universidad|universidade|institut|school|college|academ|cent(?:er|re)|department|"
    r"faculty|facultad|ministry|@",
    re.I,
)
SEPARATORS = re.compile(r"\s*(,|;|&|\band\b|\by\b|\be\b|\bet\b|\bund\b|\bи\b)\s*")
MARKERS = re.compile(r"[\d*†‡§¶¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
INITIAL = re.compile(r"^[^\W\d_]\.?(?:-?[^\W\d_]\.)*$")
INITIAL_END = re.compile(r"(?:^|\s)[^\W\d_]\.$")  # a name ending in an initial keeps its period: "Ahmed S."
WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?$")
OUTLET_BYLINE = re.compile(
    r"^(?P<outlet>[^|•·]{2,60}?)\s*[|•·]\s*(?P<lead>(?:compiled\s+|written\s+)?(?:by|por|par))\s+(?P<names>.+)$",
    re.I,
)
BYLINE = re.compile(
    r"^(?P<lead>written\s+by|words\s+by|story\s+by|text\s+by|posted\s+by|compiled\s+by|authors?:|by|por|par|"
    r"автор:?)\s+"
    r"(?P<names>.+)$",
    re.I,
)
CREDIT = re.compile(r"(?:^\(?|;\s*)(?:reporting|writing|written)\s+by\s+(?P<names>[^;|)]+)", re.I)
BYLINE_END = re.compile(r"\s+(?:[|•·—–]|-\s|at\s+\d|on\s+\S*\d|(?:at|on)\s+(?=[A-Z][a-z]+day))")
# where the reporter filed from: "in Buenos Aires", "from Kyiv", "en Lima", "em Brasília", "à Paris"
LOCATION = re.compile(r"\s+(?:in|from|reporting\s+from|en|desde|em|à|aus|из|в)\s+(?=[^\W\d_])")
SIGNATURE = re.compile(r"^(?:—|–|--)\s*(?P<names>[^—–]{4,60})$")
AUTHOR_NOTE = re.compile(
    r"^(?P<names>[^\W\d_][\w .'’-]{3,60}?)\s+(?:is|was)\s+(?:a|an|the)\s+(?P<role>(?:[\w-]+\s+){0,4}?)"
    r"(?:fellow|professor|lecturer|researcher|analyst|journalist|correspondent|writer|reporter|editor|"
    r"columnist|director|scholar|historian|economist|author|contributor)\b",
    re.I,
)
MAX_BYLINE = 120
MAX_AUTHOR_LINES = 6
NAME_AND_AFFILIATION = re.compile(r"^(?P<names>[^()]{3,80}?)\s*\((?P<affiliation>[^()]{2,120})\)$")
MAX_CREDIT = 300  # a credit line names several reporters and where each filed from
MAX_NOTE = 300
TOP_LINES = 12
BOTTOM_LINES = 8


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    source: str = (
        ""  # outlet_byline, byline, posted_by, compiled ("Author:"), credit, name_line, signature, …
    )
    date: str | None = None
    located: bool = False  # the byline says where the author filed from ("By A in Lima")
    index: int = -1  # the byline's index in the lines it was found in


def find_byline(lines: list[str], title_end: int) -> Byline | None:
    """The first byline near the top, the name line under the title, or a byline, signature or author's
    note near the bottom.

    ``lines`` are the document's stripped non-empty lines; ``title_end`` the index after the title.
    """
    for index in range(title_end, min(len(lines), title_end + TOP_LINES)):
        found = parse_byline(lines[index]) or _stamped_names(lines, index)
        if found:
            found.index = index
            return found
    found = _name_line(lines, title_end) or _affiliated_names(lines, title_end)
    if found:
        return found
    for index in range(max(0, len(lines) - BOTTOM_LINES), len(lines)):
        found = parse_byline(lines[index]) or parse_end_byline(lines[index])
        if found:
            found.index = index
            return found
    return None


def parse_byline(line: str) -> Byline | None:
    """A byline in one line, or None when the line is anything else (a sentence, a heading)."""
    if len(line) > MAX_BYLINE:
        return _credit(line) if len(line) <= MAX_CREDIT else None
    match = OUTLET_BYLINE.match(line)
    if match and _looks_like_outlet(match.group("outlet")):
        names, located = _cut(match.group("names"))
        authors = parse_names(names, strict=False)
        outlet = match.group("outlet").strip()
        source = "compiled" if match.group("lead").lower().startswith("compiled") else "outlet_byline"
        return Byline(authors, outlet, source, _date(line), located) if authors else None
    match = BYLINE.match(line)
    if match:
        names, located = _cut(match.group("names"))
        authors = parse_names(names, strict=False)
        lead = match.group("lead").lower()
        source = "posted_by" if lead.startswith("posted") else "byline"
        source = "compiled" if lead.startswith(("compiled", "author")) else source  # no reporter's mark
        return Byline(authors, None, source, _date(line), located) if authors else None
    return _credit(line)


def _credit(line: str) -> Byline | None:
    """A wire story's credit line: "(Reporting by A in Cairo and B in Rome; Editing by C)"."""
    credits = [name for m in CREDIT.finditer(line) for name in _credit_names(m.group("names"))]
    return Byline(credits, None, "credit") if credits else None


def _credit_names(text: str) -> list[str]:
    """The names of a credit line, each without the place it was filed from: "A in Cairo and B in Rome"
    → [A, B]."""
    parts, _ = _split_list(text.strip())
    return parse_names(", ".join(_cut(part)[0] for part in parts), strict=True)


def parse_end_byline(line: str) -> Byline | None:
    """A signature ("— Jane Doe") or an author's note ("Jane Doe is a senior fellow at …") at the end."""
    match = SIGNATURE.match(line)
    if match:
        authors = parse_names(_cut(match.group("names"))[0], strict=False)
        return Byline(authors, None, "signature") if authors else None
    match = AUTHOR_NOTE.match(line) if len(line) <= MAX_NOTE else None
    name = normalize_name(match.group("names")) if match else None
    return Byline([name], None, "author_note") if name else None


def parse_names(text: str, *, strict: bool) -> list[str]:
    """Names in "A B, C D and E F". Strict (author lines): every part must be a name. Lenient (bylines):
    the first name and those listed with it up to the last conjunction, then at most short tags (a place,
    a role, an outlet: "São Paulo", "Staff Writer", "Washington bureau")."""
    text = text.strip()
    parts, separators = _split_list(text if INITIAL_END.search(text) else text.rstrip("."))
    if strict:
        strict_names = [name for part in parts if (name := normalize_name(part))]
        return strict_names if parts and len(strict_names) == len(parts) else []
    conjunctions = [i for i, sep in enumerate(separators) if sep.lower() in CONJUNCTIONS]
    listed = conjunctions[-1] + 2 if conjunctions else 1
    names: list[str] = []
    for part in parts[:listed]:
        name = normalize_name(part, short_surname=True)
        if name is None:
            break
        names.append(name)
    if not names or not all(_is_tag(rest) for rest in parts[len(names) :]):
        return []
    return names


def normalize_name(text: str, *, short_surname: bool = False) -> str | None:
    """ "Sebastien ADINS" → "Sebastien Adins", "Dr. Katrin Vogel" → "Katrin Vogel"; None when ``text`` is
    not a person's name. ``short_surname`` accepts a given name and a surname initial ("Ahmed S."), as
    blogs and comment sections sign."""
    tokens = _without_titles([tok for tok in (MARKERS.sub("", tok) for tok in text.split()) if tok])
    if not 2 <= len(tokens) <= 5:
        return None
    out: list[str] = []
    for position, token in enumerate(tokens):
        fixed = _name_token(token, first=position == 0)
        if fixed is None:
            return None
        out.append(fixed)
    core = [tok for tok in out if tok.lower() not in PARTICLES]
    if not core or all(INITIAL.match(tok) for tok in core):
        return None
    if INITIAL.match(core[-1]) and not (short_surname and len(core) == 2 and _is_initial_surname(core[-1])):
        return None
    return " ".join(out)


def name_as_written(text: str) -> str | None:
    """A record's author as the record writes it ("Achieng, Lilian O." stays inverted), whitespace
    collapsed: a bibliographic record's form is the one a reader cites."""
    return re.sub(r"\s+", " ", text).strip(" ,;") or None


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


def _affiliated_names(lines: list[str], title_end: int) -> Byline | None:
    """Authors one to a line under a paper's title, each with an affiliation in brackets: "Jane Doe
    (University of Lima)\nJohn Roe (Andean Institute)"."""
    names: list[str] = []
    affiliated = False
    for line in lines[title_end : title_end + MAX_AUTHOR_LINES]:
        match = NAME_AND_AFFILIATION.match(line)
        found = parse_names(match.group("names"), strict=True) if match else []
        if not found or match is None:
            break
        names += found
        affiliated = affiliated or bool(AFFILIATION.search(match.group("affiliation")))
    return Byline(names, None, "name_line") if names and (affiliated or len(names) >= 2) else None


def _stamped_names(lines: list[str], index: int) -> Byline | None:
    """Names alone over a date line, maybe with the place filed from: "Jane Doe\nMar 3, 2024" (newsletters,
    blogs), "Jane Doe in Nairobi\nSun 3 Mar 2024 14.00 GMT" (papers that print no "By")."""
    line = lines[index]
    stamp = parse_date_line(lines[index + 1]) if index + 1 < len(lines) else None
    if stamp is None or len(line) > MAX_BYLINE:
        return None
    names, *place = LOCATION.split(line, maxsplit=1)
    if place and not _is_tag(place[0]):
        return None
    authors = parse_names(names, strict=True)
    return Byline(authors, None, "byline", stamp[0], bool(place)) if authors else None


def _has_name_evidence(line: str) -> bool:
    """A single name needs an initial or an ALL-CAPS surname to be told from a two-word heading."""
    tokens = [MARKERS.sub("", tok) for tok in line.split()]
    return any(INITIAL.match(tok) and tok.endswith(".") for tok in tokens) or any(
        tok.isupper() and len(tok) > 1 for tok in tokens
    )


def _is_tag(text: str) -> bool:
    """A short tag after a byline's names: "Reuters", "Staff Writer", "São Paulo", "Washington bureau"."""
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in TAG_WORDS for w in words)


def _split_list(text: str) -> tuple[list[str], list[str]]:
    """The parts of a list of names and the separators between them (",", "and", "y", …)."""
    pieces = SEPARATORS.split(text)
    parts: list[str] = []
    separators: list[str] = []
    for index in range(0, len(pieces), 2):
        if not pieces[index]:
            continue
        if parts:
            separators.append(pieces[index - 1])
        parts.append(pieces[index])
    return parts, separators


def _without_titles(tokens: list[str]) -> list[str]:
    """The tokens without leading honorifics ("Dr.", "Prof.") and trailing degrees ("PhD", "Jr.")."""
    while tokens and tokens[0].lower().rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower().strip(".,") in DEGREES:
        tokens = tokens[:-1]
    return tokens


def _is_initial_surname(token: str) -> bool:
    return len(token) == 2 and token[0].isupper() and token.endswith(".")


def _looks_like_outlet(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 6 and words[0][:1].isupper() and not text.rstrip().endswith(".")


def _cut(names: str) -> tuple[str, bool]:
    """(names without what follows them on the line: a date, a time, a separator, the place filed from;
    whether a place was named)."""
    found = find_date(names)
    if found:
        names = names[: found.start]
    names = BYLINE_END.split(names, maxsplit=1)[0]
    parts = LOCATION.split(names, maxsplit=1)
    return parts[0].strip(" ,;-–—"), len(parts) > 1


def _date(line: str) -> str | None:
    found = find_date(line)
    return found.edtf if found else None
