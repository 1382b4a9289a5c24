"""Ranked full-text search over the store's sentences, with each backend's own engine.

SQLite: an external-content FTS5 table over ``sentences`` (porter stemming), created on first use and rebuilt
when the sentences changed (their count or highest rowid differ from the index's), ranked by ``bm25()``.
PostgreSQL: ``to_tsvector('english', text) @@ websearch_to_tsquery(...)`` ranked by ``ts_rank``.
Any other backend, or an SQLite without FTS5 or a read-only file: BM25 computed here over the sentences.
Scores are scaled so that the best hit of a search has 1.0.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from dyad.ask.lexicon import stems
from dyad.store import Store, schema

LOGGER = logging.getLogger(__name__)

FTS_TABLE = "dyad_sentences_fts"
_SAFE = re.compile(r"^[^\W_]+$")


@dataclass(slots=True, frozen=True)
class Hit:
    """A sentence found by a search: where it is, its text and its relevance (best hit = 1.0)."""

    doc_id: str
    doc: str
    idx: int
    start: int
    end: int
    text: str
    score: float


def _terms(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(w.lower() for w in words if _SAFE.match(w) and len(w) > 1))


def _scaled(rows: Sequence[Any], raw: list[float]) -> list[Hit]:
    top = max(raw, default=0.0) or 1.0
    return [
        Hit(r.doc_id, r.name, r.idx, r.start, r.end, r.text, round(max(score, 0.0) / top, 4))
        for r, score in zip(rows, raw, strict=True)
    ]


def _doc_filter(doc_ids: Iterable[str] | None) -> tuple[str, dict[str, Any]]:
    if doc_ids is None:
        return "", {}
    return " AND s.doc_id IN :doc_ids", {"doc_ids": list(doc_ids)}


def ensure_fts(store: Store) -> None:
    """Create the FTS5 index over ``sentences`` if missing and rebuild it when the sentences changed: their
    count, rowids or the latest ingest time differ from those recorded at the last build (a document
    replaced by one with as many sentences changes the ingest time).

    A search usually only reads; when the index is stale, the rebuild runs in a writing transaction that
    takes SQLite's write lock as it begins, waiting its turn behind an ingest in another process (a read
    transaction upgraded to a write would fail at once with "database is locked" once that ingest has
    committed)."""
    with store.engine.connect() as conn:
        if _fts_fingerprint(conn, built=True) == _fts_fingerprint(conn, built=False):
            return
    with store.engine.connect() as conn, conn.execution_options(dyad_write=True).begin():
        conn.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(text, content='sentences', "
                "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')"
            )
        )
        conn.execute(text(f"CREATE TABLE IF NOT EXISTS {FTS_TABLE}_state (fingerprint TEXT NOT NULL)"))
        fingerprint = _fts_fingerprint(conn, built=False)
        if _fts_fingerprint(conn, built=True) != fingerprint:  # another search may have rebuilt it
            LOGGER.info("rebuilding the full-text index over the sentences (%s)", fingerprint)
            conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')"))
            conn.execute(text(f"DELETE FROM {FTS_TABLE}_state"))
            conn.execute(text(f"INSERT INTO {FTS_TABLE}_state VALUES (:f)"), {"f": fingerprint})


def _fts_fingerprint(conn: Any, *, built: bool) -> str | None:
    """The sentences' fingerprint as of the last index build (``built``; None before the first), or now."""
    if built:
        try:
            return conn.execute(text(f"SELECT fingerprint FROM {FTS_TABLE}_state")).scalar()
        except OperationalError:  # no index yet
            return None
    stats = conn.execute(
        text("SELECT count(*), coalesce(max(rowid), 0), coalesce(sum(rowid), 0) FROM sentences")
    ).one()
    latest = conn.execute(text("SELECT coalesce(max(ingested_at), '') FROM documents")).scalar_one()
    return f"{stats[0]}:{stats[1]}:{stats[2]}:{latest}"


def _sqlite(store: Store, terms: list[str], limit: int, doc_ids: Iterable[str] | None) -> list[Hit]:
    ensure_fts(store)
    where, params = _doc_filter(doc_ids)
    query = text(
        f'SELECT s.doc_id, d.name, s.idx, s.start, s."end", s.text, bm25({FTS_TABLE}) AS rank '
        f"FROM {FTS_TABLE} JOIN sentences s ON s.rowid = {FTS_TABLE}.rowid "
        f"JOIN documents d ON d.id = s.doc_id WHERE {FTS_TABLE} MATCH :match{where} "
        "ORDER BY rank LIMIT :limit"
    )
    if params:
        query = query.bindparams(bindparam("doc_ids", expanding=True))
    match = " OR ".join(f'"{t}"' for t in terms)
    with store.engine.connect() as conn:
        rows = conn.execute(query, {"match": match, "limit": limit, **params}).all()
    return _scaled(rows, [-r.rank for r in rows])


def _postgresql(store: Store, terms: list[str], limit: int, doc_ids: Iterable[str] | None) -> list[Hit]:
    where, params = _doc_filter(doc_ids)
    query = text(
        'SELECT s.doc_id, d.name, s.idx, s.start, s."end", s.text, '
        "ts_rank(to_tsvector('english', s.text), q) AS rank "
        "FROM sentences s JOIN documents d ON d.id = s.doc_id, websearch_to_tsquery('english', :match) q "
        f"WHERE to_tsvector('english', s.text) @@ q{where} ORDER BY rank DESC LIMIT :limit"
    )
    if params:
        query = query.bindparams(bindparam("doc_ids", expanding=True))
    with store.engine.connect() as conn:
        rows = conn.execute(query, {"match": " or ".join(terms), "limit": limit, **params}).all()
    return _scaled(rows, [float(r.rank) for r in rows])


def _python(store: Store, terms: list[str], limit: int, doc_ids: Iterable[str] | None) -> list[Hit]:
    """Okapi BM25 (k1 = 1.2, b = 0.75) over every sentence, for backends without a full-text engine."""
    s, d = schema.sentences, schema.documents
    query = select(s.c.doc_id, d.c.name, s.c.idx, s.c.start, s.c.end, s.c.text).join(d, d.c.id == s.c.doc_id)
    if doc_ids is not None:
        query = query.where(s.c.doc_id.in_(list(doc_ids)))
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    bags = [Counter(stems(r.text)) for r in rows]
    wanted = set(stems(" ".join(terms)))
    mean = sum(sum(b.values()) for b in bags) / max(len(bags), 1)
    df = Counter(w for b in bags for w in wanted & b.keys())
    idf = {w: math.log(1 + (len(bags) - n + 0.5) / (n + 0.5)) for w, n in df.items()}
    scored = []
    for row, bag in zip(rows, bags, strict=True):
        length = sum(bag.values())
        score = sum(
            idf[w] * bag[w] * 2.2 / (bag[w] + 1.2 * (0.25 + 0.75 * length / (mean or 1)))
            for w in wanted & bag.keys()
        )
        if score > 0:
            scored.append((score, row))
    scored.sort(key=lambda x: -x[0])
    best = scored[:limit]
    return _scaled([r for _, r in best], [sc for sc, _ in best])


def search_sentences(
    store: Store, words: Iterable[str], *, limit: int = 30, doc_ids: Iterable[str] | None = None
) -> list[Hit]:
    """The sentences that best match any of ``words``, best first (at most ``limit``)."""
    terms = _terms(words)
    if not terms:
        return []
    ids = list(doc_ids) if doc_ids is not None else None
    engines = {"sqlite": _sqlite, "postgresql": _postgresql}
    engine = engines.get(store.backend)
    if engine is not None:
        try:
            return engine(store, terms, limit, ids)
        except SQLAlchemyError as exc:
            LOGGER.warning("full-text search unavailable on %s (%s); ranking in Python", store.backend, exc)
    return _python(store, terms, limit, ids)
