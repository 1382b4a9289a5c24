"""What a file is: refusal of archives, images and oversized or empty files; format detection by content.

Content wins over the extension where the content is unambiguous (``%PDF-`` magic, an HTML document
type, JSON that parses); the extension decides the rest (``.md`` → markdown, ``.json`` → json even
when broken, so that the JSON reader can say where it breaks).
"""

from __future__ import annotations

import json
import logging
import os
import re

from dyad.errors import IngestError
from dyad.ingest.decode import sniff_text

LOGGER = logging.getLogger(__name__)

FORMATS = ("text", "markdown", "html", "pdf", "json")
PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WINDOW = 1024  # the PDF spec lets readers accept junk before the header

# (magic bytes, offset, description, what to do)
MAGIC_SIGNATURES: tuple[tuple[bytes, int, str, str], ...] = (
    (b"\x1f\x8b", 0, "gzip-compressed data", "decompress it first"),
    (b"PK\x03\x04", 0, "a zip archive (or a DOCX/ODT/EPUB file)", "extract it or convert it to text first"),
    (b"PK\x05\x06", 0, "an empty zip archive", "extract it or convert it to text first"),
    (b"BZh", 0, "bzip2-compressed data", "decompress it first"),
    (b"\xfd7zXZ\x00", 0, "xz-compressed data", "decompress it first"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd-compressed data", "decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive", "extract it first"),
    (b"Rar!\x1a\x07", 0, "a RAR archive", "extract it first"),
    (b"ustar", 257, "a tar archive", "extract it first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "a legacy Microsoft Office file", "save it as PDF first"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image", "run OCR on it or supply the text"),
    (b"\xff\xd8\xff", 0, "a JPEG image", "run OCR on it or supply the text"),
    (b"GIF8", 0, "a GIF image", "supply the text instead"),
    (b"\x7fELF", 0, "an executable", "supply a text, HTML, PDF or JSON document"),
)
EXTENSIONS = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".md": "markdown",
    ".markdown": "markdown",
}
HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
HTML_TAG = re.compile(
    r"<(?:p|div|span|a|br|li|ul|ol|table|tr|td|h[1-6]|body|head|meta|script|style|article|section|nav"
    r"|header|footer|img|link|title)\b[^>]*>",
    re.I,
)
MIN_HTML_TAGS = 10


def extension(path: str) -> str:
    """The lower-case extension of a path ('' when none)."""
    return os.path.splitext(path)[1].lower()


def check_bytes(name: str, data: bytes, max_bytes: int) -> None:
    """Refuse oversized, empty, compressed, archived and image data before any decoding."""
    if len(data) > max_bytes:
        raise IngestError(
            f"{name}: {_size(len(data))} is larger than the {_size(max_bytes)} limit; "
            "split the file or raise the size limit"
        )
    if not data:
        raise IngestError(f"{name}: empty file; nothing to ingest")
    for magic, offset, what, todo in MAGIC_SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            raise IngestError(f"{name}: {what}; {todo}")


def detect_format(path: str, data: bytes) -> str:
    """One of ``text, markdown, html, pdf, json`` from the content, then the extension."""
    if PDF_MAGIC in data[:PDF_MAGIC_WINDOW]:
        return "pdf"
    ext_format = EXTENSIONS.get(extension(path), "text")
    head = sniff_text(data)
    if ext_format == "pdf":  # no magic: an HTML page saved as .pdf is read as HTML, else the damage reported
        return "html" if HTML_START.match(head) else "pdf"
    if looks_like_html(head, markdown=ext_format == "markdown"):
        return "html"
    if ext_format in ("json", "html"):
        return ext_format
    if head.lstrip()[:1] in ("{", "[") and _parses_as_json(data):
        return "json"
    return ext_format


def looks_like_html(head: str, *, markdown: bool = False) -> bool:
    """An HTML document type or root element; or, outside markdown, many common tags."""
    if HTML_START.match(head):
        return True
    if markdown:
        return False
    tags = HTML_TAG.findall(head)
    return len(tags) >= MIN_HTML_TAGS and sum(map(len, tags)) >= 0.05 * len(head)


def _parses_as_json(data: bytes) -> bool:
    """The whole file is one JSON value, or JSON Lines (every non-blank line a JSON object)."""
    text = sniff_text(data, limit=len(data))
    try:
        json.loads(text)
        return True
    except ValueError:
        pass
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines)
    except ValueError:
        return False


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"
