"""Ranked full-text search over the store's sentences, with each backend's own engine.

SQLite: an external-content FTS5 table over ``sentences`` (porter stemming), built on first use and kept in
step by triggers from then on, ranked by ``bm25()``.
PostgreSQL: ``to_tsvector('english', text) @@ websearch_to_tsquery(...)`` ranked by ``ts_rank`` (equal ranks
in document and sentence order: PostgreSQL gives them in no fixed order otherwise).
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
from sqlalchemy.exc import SQLAlchemyError

from dyad.ask.lexicon import stems
from dyad.store import Store, schema
from dyad.store.record import documents_about

LOGGER = logging.getLogger(__name__)

FTS_TABLE = schema.FTS_TABLE
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


# The documents about a pair: those that mention both its countries (by the mentions' index).
_ABOUT = (
    " AND s.doc_id IN (SELECT doc_id FROM mentions WHERE kind = 'country' AND value IN :codes"
    " GROUP BY doc_id HAVING count(DISTINCT value) = :n)"
)


def _doc_filter(about: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
    if not about:
        return "", {}
    return _ABOUT, {"codes": sorted(set(about)), "n": len(set(about))}


def ensure_fts(store: Store) -> None:
    """Create the FTS5 index over ``sentences`` once, filled from the sentences stored so far, with triggers
    that keep it in step with every sentence written or deleted after (in the writer's transaction): a
    search never rebuilds it, whatever the size of the store. A store whose index was built by an older
    dyad (without triggers) gets it rebuilt once. (``sentences`` has no integer key: its rowids hold until
    a VACUUM, which dyad never runs.)"""
    with store.engine.connect() as conn:
        if conn.execute(_TRIGGER, {"name": _BUILT_MARK}).first() is not None:
            return
    with store.engine.connect() as conn, conn.execution_options(dyad_write=True).begin():
        if conn.execute(_TRIGGER, {"name": _BUILT_MARK}).first() is not None:
            return  # another process made it while this one waited for the write lock
        conn.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(text, content='sentences', "
                "content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')"
            )
        )
        LOGGER.info("building the full-text index over the stored sentences")
        conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')"))
        conn.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}_state"))  # older dyad's rebuild marker
        for when, body in (
            ("AFTER INSERT", _FTS_ADD),
            ("AFTER DELETE", _FTS_DROP),
            ("AFTER UPDATE", _FTS_DROP + _FTS_ADD),
        ):
            name = schema.FTS_TRIGGERS[when]
            conn.execute(text(f"CREATE TRIGGER {name} {when} ON sentences BEGIN {body} END"))


_TRIGGER = text("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = :name")
_BUILT_MARK = schema.FTS_TRIGGERS["AFTER DELETE"]  # present: the index and its triggers are built
_FTS_ADD = f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.rowid, new.text);"
_FTS_DROP = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES('delete', old.rowid, old.text);"


def _sqlite(store: Store, terms: list[str], limit: int, about: tuple[str, ...]) -> list[Hit]:
    ensure_fts(store)
    where, params = _doc_filter(about)
    query = text(
        f'SELECT s.doc_id, d.name, s.idx, s.start, s."end", s.text, bm25({FTS_TABLE}) AS rank '
        f"FROM {FTS_TABLE} JOIN sentences s ON s.rowid = {FTS_TABLE}.rowid "
        f"JOIN documents d ON d.id = s.doc_id WHERE {FTS_TABLE} MATCH :match{where} "
        "ORDER BY rank LIMIT :limit"
    )
    if params:
        query = query.bindparams(bindparam("codes", expanding=True))
    match = " OR ".join(f'"{t}"' for t in terms)
    with store.engine.connect() as conn:
        rows = conn.execute(query, {"match": match, "limit": limit, **params}).all()
    return _scaled(rows, [-r.rank for r in rows])


def _postgresql(store: Store, terms: list[str], limit: int, about: tuple[str, ...]) -> list[Hit]:
    where, params = _doc_filter(about)
    query = text(
        'SELECT s.doc_id, d.name, s.idx, s.start, s."end", s.text, '
        "ts_rank(to_tsvector('english', s.text), q) AS rank "
        "FROM sentences s JOIN documents d ON d.id = s.doc_id, websearch_to_tsquery('english', :match) q "
        f"WHERE to_tsvector('english', s.text) @@ q{where} ORDER BY rank DESC, s.doc_id, s.idx LIMIT :limit"
    )
    if params:
        query = query.bindparams(bindparam("codes", expanding=True))
    with store.engine.connect() as conn:
        rows = conn.execute(query, {"match": " or ".join(terms), "limit": limit, **params}).all()
    return _scaled(rows, [float(r.rank) for r in rows])


def _python(store: Store, terms: list[str], limit: int, about: tuple[str, ...]) -> list[Hit]:
    """Okapi BM25 (k1 = 1.2, b = 0.75) over every sentence, for backends without a full-text engine."""
    s, d = schema.sentences, schema.documents
    query = select(s.c.doc_id, d.c.name, s.c.idx, s.c.start, s.c.end, s.c.text).join(d, d.c.id == s.c.doc_id)
    if about:
        query = query.where(s.c.doc_id.in_(documents_about(about)))
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
    store: Store, words: Iterable[str], *, limit: int = 30, about: tuple[str, ...] = ()
) -> list[Hit]:
    """The sentences that best match any of ``words``, best first (at most ``limit``); only in documents
    that mention both countries of ``about`` when given."""
    terms = _terms(words)
    if not terms:
        return []

    engines = {"sqlite": _sqlite, "postgresql": _postgresql}
    engine = engines.get(store.backend)
    if engine is not None:
        try:
            return engine(store, terms, limit, tuple(about))
        except SQLAlchemyError as exc:
            LOGGER.warning("full-text search unavailable on %s (%s); ranking in Python", store.backend, exc)
    return _python(store, terms, limit, tuple(about))
