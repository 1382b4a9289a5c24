"""One root error; one subclass per stage. Messages name the input and say what to do."""

import os


class DyadError(Exception):
    """Root of every error dyad raises on purpose."""


class SettingsError(DyadError):
    """A setting, config file or environment variable is invalid."""


class IngestError(DyadError):
    """A file cannot be read as a document (binary, empty, broken, too large...)."""


class CleanError(DyadError):
    """Cleaning or sentence segmentation failed for a document."""


class ExtractError(DyadError):
    """Fact extraction failed for a document."""


class KnowledgeError(DyadError):
    """A knowledge file is missing or malformed."""


class StoreError(DyadError):
    """The store cannot be opened, read or written."""


class EvalError(DyadError):
    """A gold file cannot be read or scored."""


class ClusterError(DyadError):
    """A Dask cluster cannot be started or reached, or Dask is not installed."""


def text_path(path: str) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 in a file name (which
    Python keeps as lone surrogates) become ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def file_label(path: str) -> str:
    """How a message names a file: its last part, with newlines, other controls and direction marks
    escaped, so that a message stays one line and reads left to right."""
    name = os.path.basename(text_path(path).rstrip("/\\")) or path
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)
