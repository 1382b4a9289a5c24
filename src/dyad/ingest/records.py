"""Bibliographic records in JSON: Semantic Scholar, Crossref (``message``-wrapped or bare), OpenAlex, and
the many exports that borrow their keys. One JSON object, a list, a search-result wrapper, JSON Lines,
or a record at the head of a text file followed by the text.

A record's kind follows what it says about itself: a type (``publicationTypes``, ``type``, ``@type``,
``genre``, ``itemType``: "JournalArticle" → record, "NewsArticle"/"newspaperArticle" → news,
"BlogPosting" → blog), else scholarly keys (DOI, journal, ISSN, volume) → record, else newsroom keys
(section, newspaper, dateline) → news. A record that says neither is a bibliographic record on its own,
and takes its kind from the text when it heads one.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from dyad.errors import IngestError
from dyad.ingest.bylines import name_as_written
from dyad.ingest.dates import find_date
from dyad.ingest.metadata import Metadata

LOGGER = logging.getLogger(__name__)

TITLE_KEYS = ("title", "display_name")
AUTHOR_KEYS = ("authors", "author", "authorships", "creators")
DATE_KEYS = (
    "publicationDate",
    "publication_date",
    "published",
    "published-print",
    "published-online",
    "issued",
    "date",
    "year",
    "publication_year",
)
VENUE_KEYS = (
    "journal",
    "container-title",
    "venue",
    "publicationVenue",
    "primary_location",
    "host_venue",
    "publisher",
)
BODY_KEYS = ("fullText", "full_text", "text", "content", "body")
TYPE_KEYS = ("publicationTypes", "publication_type", "type", "@type", "genre", "itemType", "documentType")
SCHOLARLY_KEYS = (
    "doi",
    "DOI",
    "journal",
    "container-title",
    "ISSN",
    "issn",
    "volume",
    "publicationVenue",
    "host_venue",
    "primary_location",
)
NEWSROOM_KEYS = ("section", "sectionName", "section_name", "newspaper", "news_desk", "dateline", "outlet")
OUTLET_KEYS = ("newspaper", "outlet", "source", "site_name", "siteName")
NEWS_TYPE = re.compile(r"news|newspaper|magazine|press|wire", re.I)
BLOG_TYPE = re.compile(r"blog", re.I)
SCHOLARLY_TYPE = re.compile(
    r"journal|scholarly|proceedings|conference|chapter|book|thesis|dissertation|preprint|monograph|review|"
    r"report|dataset",
    re.I,
)
WRAPPER_KEYS = ("data", "results", "items", "records")
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
TAG = re.compile(r"<[^>]+>")


@dataclass(slots=True)
class Record:
    meta: Metadata
    abstract: str
    text: str  # title, abstract and any full text, separated by blank lines


def parse_json_records(name: str, text: str) -> list[Record]:
    """Every bibliographic record in a JSON or JSON Lines file; ``IngestError`` when broken or empty."""
    try:
        items = [item for value in _load(name, text) for item in _unwrap(value)]
        records = [read_record(item) for item in items if is_record(item)]
    except RecursionError:  # the parser and the unwrapping recurse into nested arrays and objects
        raise IngestError(f"{name}: JSON nested too deeply to read; flatten or re-export it") from None
    for record in records:
        record.meta.kind = record.meta.kind or "record"
    if not records:
        raise IngestError(
            f"{name}: JSON without a bibliographic record (no 'title' or 'abstract'); nothing to ingest"
        )
    return records


def split_json_prefix(text: str) -> tuple[Record, str] | None:
    """(record, the text after it) when ``text`` starts with a JSON record and goes on as plain text."""
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        return None
    try:
        value, end = json.JSONDecoder().raw_decode(stripped)
    except (ValueError, RecursionError):  # not a record (or nested beyond any record's depth): plain text
        return None
    rest = stripped[end:]
    if not isinstance(value, dict) or not is_record(value) or not rest.strip():
        return None
    return read_record(value), rest.lstrip("\n")


def is_record(value: Any) -> bool:
    return isinstance(value, dict) and any(
        _text(value.get(key)) for key in (*TITLE_KEYS, "abstract", "abstract_inverted_index", *BODY_KEYS)
    )


def read_record(obj: dict[str, Any]) -> Record:
    """Metadata, abstract and text of one record."""
    title = next((t for key in TITLE_KEYS if (t := _clean(_text(obj.get(key))))), None)
    abstract = _clean(_text(obj.get("abstract"))) or rebuild_abstract(obj.get("abstract_inverted_index"))
    body = next((b for key in BODY_KEYS if (b := _text(obj.get(key)).strip())), "")
    published = next((d for key in DATE_KEYS if (d := _date(obj.get(key)))), None)
    language = obj.get("language")
    publisher = next((v for key in VENUE_KEYS if (v := _venue(obj.get(key)))), None)
    meta = Metadata(
        title=title,
        authors=read_authors(next((obj[key] for key in AUTHOR_KEYS if obj.get(key)), None)),
        publisher=publisher or next((v for key in OUTLET_KEYS if (v := _clean(_text(obj.get(key))))), None),
        published=published,
        published_basis="explicit" if published else None,
        doi=_doi(obj),
        language=language if isinstance(language, str) and len(language) == 2 else None,
        kind=record_kind(obj),
    )
    text = "\n\n".join(part for part in (title, abstract, body) if part)
    return Record(meta, abstract, text)


def record_kind(obj: dict[str, Any]) -> str | None:
    """``record``, ``news`` or ``blog`` from what a record says about itself; None when it says neither."""
    for key in TYPE_KEYS:
        for value in _strings(obj.get(key)):
            if NEWS_TYPE.search(value):
                return "news"
            if BLOG_TYPE.search(value):
                return "blog"
            if SCHOLARLY_TYPE.search(value):
                return "record"
    if any(obj.get(key) for key in SCHOLARLY_KEYS):
        return "record"
    if any(obj.get(key) for key in NEWSROOM_KEYS):
        return "news"
    return None


def read_authors(value: Any) -> list[str]:
    """Author names from a string, a list of strings, or a list of objects in any of the usual shapes."""
    if isinstance(value, str):
        separator = ";" if ";" in value else ","
        parts = [p for chunk in value.split(separator) for p in re.split(r"\s+and\s+", chunk)]
        return [name for part in parts if (name := name_as_written(part))]
    if isinstance(value, list):
        return [name for item in value if (name := _author_name(item))]
    return []


def rebuild_abstract(index: Any) -> str:
    """OpenAlex ``abstract_inverted_index`` ({word: [positions]}) back to text."""
    if not isinstance(index, dict):
        return ""
    positions: dict[int, str] = {}
    for word, places in index.items():
        for place in places if isinstance(places, list) else []:
            if isinstance(place, int):
                positions[place] = str(word)
    return " ".join(positions[i] for i in sorted(positions))


def _load(name: str, text: str) -> list[Any]:
    try:
        return [json.loads(text)]
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise _broken(name, exc.msg, exc.lineno, exc.colno) from None
    values = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            values.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise _broken(name, exc.msg, number, exc.colno) from None
    return values


def _broken(name: str, message: str, line: int, column: int) -> IngestError:
    where = f"line {line}, column {column}"
    return IngestError(f"{name}: broken JSON at {where} ({message}); fix or re-export it")


def _unwrap(value: Any) -> list[Any]:
    """Records inside Crossref ``message``, search wrappers (``data``/``results``/``items``) and lists."""
    if isinstance(value, list):
        return [item for element in value for item in _unwrap(element)]
    if not isinstance(value, dict):
        return []
    if isinstance(value.get("message"), dict):
        return _unwrap(value["message"])
    if not is_record(value):
        for key in WRAPPER_KEYS:
            if isinstance(value.get(key), list):
                return _unwrap(value[key])
    return [value]


def _author_name(item: Any) -> str | None:
    if isinstance(item, str):
        return name_as_written(item)
    if not isinstance(item, dict):
        return None
    if isinstance(item.get("author"), dict):  # OpenAlex authorships
        return _author_name(item["author"])
    for key in ("name", "display_name", "literal", "raw_author_name"):
        if isinstance(item.get(key), str) and item[key].strip():
            return name_as_written(item[key])
    given, family = item.get("given") or item.get("firstName"), item.get("family") or item.get("lastName")
    full = " ".join(part.strip() for part in (given, family) if isinstance(part, str) and part.strip())
    return full or None


def _venue(value: Any) -> str | None:
    if isinstance(value, dict):
        source = value.get("source")
        if isinstance(source, dict):  # OpenAlex primary_location.source
            return _venue(source)
        return _venue(value.get("name") or value.get("display_name"))
    text = _clean(_text(value))
    return text or None


def _date(value: Any) -> str | None:
    if isinstance(value, int) and 1000 <= value <= 2999:
        return str(value)
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list):
            return _date_parts(parts[0])
        return None
    if not isinstance(value, str):
        return None
    found = find_date(value)
    if found:
        return found.edtf
    match = re.fullmatch(r"\s*(1[5-9]\d\d|20\d\d)\s*", value)
    return match.group(1) if match else None


def _date_parts(parts: list[Any]) -> str | None:
    numbers = [int(p) for p in parts[:3] if isinstance(p, int) or (isinstance(p, str) and p.isdigit())]
    if not numbers:
        return None
    return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])


def _doi(obj: dict[str, Any]) -> str | None:
    ids = obj.get("externalIds") or obj.get("ids") or {}
    candidates = [obj.get("doi"), obj.get("DOI")]
    if isinstance(ids, dict):
        candidates += [ids.get("DOI"), ids.get("doi")]
    for value in candidates:
        if isinstance(value, str) and value.strip():
            return DOI_PREFIX.sub("", value.strip())
    return None


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _text(value: Any) -> str:
    """A string, or the first non-empty string of a list (Crossref titles are lists)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return next((item for item in value if isinstance(item, str) and item.strip()), "")
    return ""


def _clean(text: str) -> str:
    """Markup (JATS, HTML) removed and whitespace collapsed."""
    return re.sub(r"\s+", " ", TAG.sub(" ", text)).strip()
