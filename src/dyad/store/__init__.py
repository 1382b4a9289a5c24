"""Store stage: SQLAlchemy Core tables on SQLite (default) or PostgreSQL."""

from dyad.store.store import Store, make_engine

__all__ = ["Store", "make_engine"]
