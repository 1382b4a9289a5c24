"""dyad: a sourced, queryable model of the relationship between two countries, built from documents.

>>> import dyad
>>> store = dyad.open("dyad.db")
>>> report = store.ingest(["corpus/"])
>>> [d["title"] for d in store.documents()]
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from dyad.errors import DyadError
from dyad.models import Document, Event, Figure, Sentence, Source, TimeExpression, TimeValue
from dyad.settings import Settings, load_settings

if TYPE_CHECKING:
    from dyad.store import Store
    from dyad.workspace import Workspace

    __version__: str

__all__ = [
    "Document",
    "DyadError",
    "Event",
    "Figure",
    "Sentence",
    "Settings",
    "Source",
    "Store",
    "TimeExpression",
    "TimeValue",
    "load_settings",
    "open",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    # The store (SQLAlchemy, about 0.15 s) and the version (package metadata, about 0.02 s) are loaded on
    # first use, so that `import dyad` and the command line's start-up stay fast.
    if name == "Store":
        from dyad.store import Store

        return Store
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("dyad")
        except metadata.PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")


def open(db: str | None = None, *, create: bool = True) -> Workspace:  # noqa: A001 - mirrors sqlite3/dbm
    """Open a store: a SQLAlchemy URL or a SQLite file path; default from settings. It is a ``Store``
    with ``ingest``, ``ask``, ``events_frame`` and ``figures_frame`` (``dyad.workspace``).

    The store is created if it does not exist; with ``create=False`` a missing SQLite file is a
    ``StoreError`` instead (for code that only reads).
    """
    from dyad.workspace import Workspace

    return Workspace(load_settings(db=db).db_url, create=create)
