"""Store stage: SQLAlchemy Core tables on SQLite (default) or PostgreSQL."""

from dyad.store.store import ProcessedDocument, Store, make_engine

__all__ = ["ProcessedDocument", "Store", "make_engine"]
