"""The ingest entry points: a file's name and bytes → ``Document`` (metadata and raw text).

Pure functions of their arguments, so a process pool can map them. Every bad input raises
``IngestError`` with a one-line message that names the file and says what to do.
"""

from __future__ import annotations

import hashlib
import logging
import re
from typing import cast, get_args

from dyad.errors import IngestError, file_label
from dyad.ingest.decode import decode_bytes
from dyad.ingest.formats import check_bytes, detect_format
from dyad.ingest.html import read_html
from dyad.ingest.language import guess_language
from dyad.ingest.metadata import Metadata, read_text_metadata
from dyad.ingest.pdf import read_pdf
from dyad.ingest.records import Record, parse_json_records, split_json_prefix
from dyad.models import DocKind, Document

LOGGER = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
ABSTRACT_PROBE_CHARS = 200


def read_document(path: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The one document in a file; ``IngestError`` for bad input or a file of several records."""
    documents = read_documents(path, data, max_bytes=max_bytes)
    if len(documents) != 1:
        raise IngestError(
            f"{file_label(path)}: holds {len(documents)} records; read it with read_documents "
            "to get one document per record"
        )
    return documents[0]


def read_documents(path: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """One document per file, or one per record for a JSON/JSON Lines file of several records; a
    document read with a doubt (a guessed encoding) says so in its ``warnings``."""
    name = file_label(path)
    try:
        return _read(path, name, data, max_bytes)
    except (IngestError, MemoryError):  # out of memory: the worker's memory limit, reported by the pipeline
        raise
    except Exception as exc:  # a reader bug must not become a traceback for the user; keep it in the log
        LOGGER.error("%s: unexpected %s while reading", name, type(exc).__name__, exc_info=True)
        reason = type(exc).__name__
        raise IngestError(f"{name}: could not be read ({reason}); please report this file") from exc


def _read(path: str, name: str, data: bytes, max_bytes: int) -> list[Document]:
    check_bytes(name, data, max_bytes)
    fmt = detect_format(path, data)
    if fmt == "pdf":
        pdf = read_pdf(name, data)
        document = _document(path, name, data, fmt, pdf.text, pdf.meta)
        document.warnings.extend(pdf.warnings)
        return [document]
    decoded = decode_bytes(name, data)
    documents = _read_text(path, name, data, fmt, decoded.text)
    if decoded.warning:
        for document in documents:
            document.warnings.append(decoded.warning)
    return documents


def _read_text(path: str, name: str, data: bytes, fmt: str, text: str) -> list[Document]:
    if not text.strip():
        raise IngestError(f"{name}: blank file (only whitespace); nothing to ingest")
    if fmt == "json":
        return _record_documents(path, name, data, parse_json_records(name, text))
    if fmt == "html":
        page = read_html(name, text)
        return [_document(path, name, data, fmt, page.text, page.meta)]
    prefixed = split_json_prefix(text)
    if prefixed is not None:
        record, rest = prefixed
        _kind_from_text(record.meta, rest)
        body = _record_header(record.meta) + _with_abstract(rest, record)
        return [_document(path, name, data, fmt, body, record.meta)]
    meta = read_text_metadata(text, markdown=fmt == "markdown")
    return [_document(path, name, data, fmt, text, meta)]


def _record_documents(path: str, name: str, data: bytes, records: list[Record]) -> list[Document]:
    if len(records) == 1:
        body = _record_header(records[0].meta) + records[0].text
        return [_document(path, name, data, "json", body, records[0].meta)]
    documents = []
    file_hash = hashlib.sha256(data)  # hashed once: a record's id is the hash of the file's bytes + "#index"
    for index, record in enumerate(records):
        body = _record_header(record.meta) + record.text
        record_hash = file_hash.copy()
        record_hash.update(f"#{index}".encode())
        doc_id = record_hash.hexdigest()[:16]
        documents.append(_document(path, f"{name}#{index + 1}", data, "json", body, record.meta, doc_id))
    return documents


def _kind_from_text(meta: Metadata, rest: str) -> None:
    """A news or blog record takes what it lacks from the text under it; a record that states no kind
    takes the text's kind (a record when the text is none of news, blog or paper)."""
    if meta.kind == "record":
        return
    text_meta = read_text_metadata(rest)
    if meta.kind is None:
        meta.kind = text_meta.kind if text_meta.kind not in (None, "other") else "record"
    meta.fill_from(text_meta)


def _record_header(meta: Metadata) -> str:
    """A record's fields as leading lines of its text, so that they can be read, searched and cited."""
    lines = [
        meta.title or "",
        f"Authors: {', '.join(meta.authors)}" if meta.authors else "",
        f"Published: {meta.published}" if meta.published else "",
        f"In: {meta.publisher}" if meta.publisher else "",
        f"DOI: {meta.doi}" if meta.doi else "",
    ]
    return "".join(line + "\n\n" for line in lines if line)


def _with_abstract(rest: str, record: Record) -> str:
    """The text after a JSON record, with the record's abstract in front when the text lacks it."""
    if not record.abstract:
        return rest
    probe = _squash(record.abstract)[:ABSTRACT_PROBE_CHARS]
    if probe in _squash(rest):
        return rest
    return f"{record.abstract}\n\n{rest}"


def _document(
    path: str, name: str, data: bytes, fmt: str, raw_text: str, meta: Metadata, doc_id: str | None = None
) -> Document:
    kind = cast(DocKind, meta.kind if meta.kind in get_args(DocKind) else "other")
    return Document(
        id=doc_id or _digest(data),
        name=name,
        path=path,
        format=fmt,
        kind=kind,
        title=meta.title,
        authors=list(meta.authors),
        publisher=meta.publisher,
        published=meta.published,
        published_basis="explicit" if meta.published else None,
        language=meta.language or guess_language(raw_text),
        doi=meta.doi,
        raw_text=raw_text,
        size_bytes=len(data),
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()
