"""PDF files: text page by page with pypdf; title and author from the document information when they are
real (not "Microsoft Word - draft.docx" or "untitled"), the rest from the text's layout.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader

from dyad.errors import IngestError
from dyad.ingest.bylines import display_name, normalize_name
from dyad.ingest.metadata import Metadata, read_text_metadata

LOGGER = logging.getLogger(__name__)

PAGE_SEPARATOR = "\n\n"
JUNK_TITLE = re.compile(
    r"^(?:untitled|title|document\d*|slide \d+|presentation\d*|microsoft (?:word|powerpoint) - .*|"
    r".*\.(?:docx?|odt|rtf|pdf|tex|dvi|indd|qxd|pptx?|xlsx?|txt))$",
    re.I,
)
JUNK_AUTHOR = re.compile(r"^(?:admin(?:istrator)?|user|owner|unknown|author|default|[a-z0-9._-]+)$", re.I)
MIN_TEXT_CHARS = 20


@dataclass(slots=True)
class PdfText:
    text: str
    meta: Metadata
    warnings: list[str]  # pages that could not be read, so that `dyad errors` lists what is missing


def read_pdf(name: str, data: bytes) -> PdfText:
    """Text and metadata of a PDF; ``IngestError`` when broken, encrypted or without a text layer."""
    reader = _open(name, data)
    texts, skipped = _page_texts(name, reader)
    text = PAGE_SEPARATOR.join(texts)
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise IngestError(
            f"{name}: scanned PDF without a text layer (no extractable text); run OCR on it first "
            "(e.g. ocrmypdf)"
        )
    meta = _info_metadata(name, reader)
    text_meta = read_text_metadata(text)
    meta.fill_from(text_meta)
    meta.kind = "news" if text_meta.kind == "news" else "paper"
    warnings = [f"{name}: stored without {len(skipped)} unreadable page(s) ({skipped[0]})"] if skipped else []
    return PdfText(text, meta, warnings)


def _open(name: str, data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{name}: password-protected PDF; remove the password and try again")
        _ = len(reader.pages)
    except (IngestError, MemoryError):
        raise
    except Exception as exc:  # pypdf raises many exception types on damaged files
        raise IngestError(f"{name}: broken PDF ({_reason(exc)}); re-export or repair it") from None
    return reader


def _page_texts(name: str, reader: PdfReader) -> tuple[list[str], list[str]]:
    """The text of every page that can be read, and what was wrong with each page that cannot."""
    texts: list[str] = []
    skipped: list[str] = []
    try:
        pages = list(reader.pages)
    except Exception as exc:  # damaged page tree
        raise IngestError(f"{name}: broken PDF ({_reason(exc)}); re-export or repair it") from None
    for number, page in enumerate(pages, start=1):
        try:
            texts.append((page.extract_text() or "").replace("\x00", "").strip("\n"))
        except MemoryError:  # the whole file fails rather than being stored without this page
            raise
        except Exception as exc:  # one bad page should not lose the document
            LOGGER.warning("%s: page %d unreadable (%s); skipped", name, number, _reason(exc))
            skipped.append(f"page {number}: {_reason(exc)}")
    if not texts and pages:
        raise IngestError(f"{name}: broken PDF (no page could be read); re-export or repair it")
    return texts, skipped


def _info_metadata(name: str, reader: PdfReader) -> Metadata:
    try:
        info: Any = reader.metadata
    except Exception as exc:  # a damaged information dictionary is not fatal
        LOGGER.info("%s: unreadable PDF metadata (%s)", name, _reason(exc))
        info = None
    if info is None:
        return Metadata()
    title = _clean(info.get("/Title"))
    author = _clean(info.get("/Author"))
    meta = Metadata()
    if title and not JUNK_TITLE.match(title) and title != name:
        meta.title = title
    if author and not JUNK_AUTHOR.match(author):
        meta.authors = split_authors(author)
    return meta


def split_authors(value: str) -> list[str]:
    """Names from "A. Smith; B. Jones", "Ann Smith and Bo Jones", "Ann Smith, Bo Jones"; a lone "Smith, Ann"
    stays one name."""
    parts = re.split(r";|\s+and\s+|\s*&\s*", value)
    if len(parts) == 1 and all(len(part.split()) >= 2 for part in value.split(",")):
        parts = value.split(",")
    names = [normalize_name(part) or display_name(part) for part in parts]
    return [name for name in names if name]


def _clean(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value else ""


def _reason(exc: Exception) -> str:
    message = str(exc).split("\n")[0][:120]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
