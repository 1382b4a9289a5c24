"""dyad: a sourced, queryable model of the relationship between two countries, built from documents.

>>> import dyad
>>> store = dyad.open("dyad.db")
>>> report = store.ingest(["corpus/"])
>>> [d["title"] for d in store.documents()]
"""

from __future__ import annotations

import logging

from dyad.errors import DyadError
from dyad.models import Document, Event, Figure, Sentence, Source, TimeExpression, TimeValue
from dyad.settings import Settings, load_settings
from dyad.store import Store

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
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def open(db: str | None = None) -> Store:  # noqa: A001 - the public entry point mirrors sqlite3/dbm naming
    """Open (or create) a store: a SQLAlchemy URL or a SQLite file path; default from settings."""
    settings = load_settings(db=db)
    return Store(settings.db_url)
