"""Ingest: a file's name and bytes → ``Document`` with metadata and raw text.

Reads plain text, markdown, HTML, PDF and JSON bibliographic records.
"""

from dyad.ingest.formats import detect_format
from dyad.ingest.reader import read_document, read_documents

__all__ = ["detect_format", "read_document", "read_documents"]
