"""Store stage: SQLAlchemy Core tables on SQLite (default) or PostgreSQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyad.store.store import Store, make_engine

__all__ = ["Store", "make_engine"]


def __getattr__(name: str) -> Any:
    # SQLAlchemy is imported on first use, so that `dyad.store.lists` (the CLI's light read path over
    # sqlite3) loads without it.
    if name in __all__:
        from dyad.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'dyad.store' has no attribute {name!r}")
