"""What ``dyad.open()`` returns: a store with the library's conveniences on it.

The store itself knows nothing above it (the pipeline writes into it, ``ask`` and the export read from
it); this thin subclass lets a Python user call them as methods all the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.store import Store

if TYPE_CHECKING:
    from dyad.ask import Answer
    from dyad.pipeline import IngestReport


class Workspace(Store):
    """A ``Store`` with ``ingest``, ``ask`` and DataFrames of the record."""

    def ingest(self, paths: Iterable[str | Path], **options: Any) -> IngestReport:
        """Ingest files and folders; options (workers, max_bytes, dyad, knowledge_dirs, replace) as
        ``dyad.pipeline.ingest``."""
        from dyad.pipeline import ingest

        return ingest(self, paths, **options)

    def ask(self, question: str, *, dyad: tuple[str, ...] = ()) -> Answer:
        """Answer a question from the record, with citations; see ``dyad.ask.ask``."""
        from dyad.ask import ask

        return ask(self, question, dyad=dyad)

    def events_frame(self) -> Any:
        """The resolved, dated events as a pandas DataFrame, one row per event (``dyad.tables``)."""
        return self._frame("events")

    def figures_frame(self) -> Any:
        """The resolved figures as a pandas DataFrame, one row per figure (``dyad.tables``)."""
        return self._frame("figures")

    def _frame(self, table: str) -> Any:
        from dyad.export import build_export
        from dyad.tables import build_tables, frame

        return frame(build_tables(build_export(self))[table], table)
