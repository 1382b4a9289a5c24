"""The store: documents, sentences, ingest errors and per-document facts, on SQLite or PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, unquote

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from dyad.errors import StoreError
from dyad.models import Document, Event, Figure, ProcessedDocument, Sentence, TimeExpression
from dyad.store import lists, record, schema
from dyad.store.record import EventQuery, FigureQuery

LOGGER = logging.getLogger(__name__)
T = TypeVar("T")

# psycopg logs a warning of its own when it closes a connection the server cut, which Python would print
# to stderr beside our one-line error saying the same. A NullHandler keeps it out of stderr unless the
# application configures logging (then its records still reach the root handlers).
logging.getLogger("psycopg").addHandler(logging.NullHandler())


# A server store is shared: `dyad serve` answers requests from a pool of threads and ingest processes
# write beside it. A pool larger than SQLAlchemy's default (5 + 10) keeps a busy dashboard from queueing;
# pre-ping replaces a connection the server closed (restart, idle timeout) instead of failing a request.
SERVER_POOL = {"pool_size": 10, "max_overflow": 20, "pool_pre_ping": True, "pool_recycle": 1800}
# How long a SQLite writer waits for another process's write transaction before giving up (seconds).
SQLITE_BUSY_TIMEOUT = 60
# How long `dyad serve` reads a SQLite store's indexes into the page cache when it starts (Store.warm),
# and the tables whose rows it reads after them: those of the events and figures pages.
WARM_SECONDS = 120.0
WARM_ROWS = (schema.record_events.name, schema.record_figures.name)
# Writers re-resolve the record's clusters one at a time (the documents themselves are locked apart).
RECORD_LOCK = "dyad:record"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun by _sqlite_begin, not by pysqlite
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    _set_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _set_wal(cursor: Any) -> None:
    """Switch to write-ahead logging. Switching needs the file to itself, and when another process opens a
    new store at the same moment SQLite may answer "database is locked" at once, without waiting its
    busy timeout: try again for as long as a writer would wait (the mode, once set, stays in the file)."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(conn: Connection) -> None:
    """A writing transaction takes SQLite's write lock when it begins (waiting for other writers), so two
    processes never both read "not stored yet" and then fail to upgrade their read to a write."""
    immediate = conn.get_execution_options().get("dyad_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite gets foreign keys, WAL and writers that queue (its parent folder must
    exist; a file this process cannot write is opened read-only); a server gets a pool of pre-pinged
    connections (SERVER_POOL)."""
    try:
        parsed = make_url(url)
        sqlite = parsed.get_backend_name() == "sqlite"
        options: dict[str, Any] = (
            {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT}} if sqlite else SERVER_POOL
        )
        path = _sqlite_file(parsed) if sqlite else None
        if path and Path(path).exists() and not os.access(path, os.W_OK):
            parsed = _read_only(parsed, path)
        engine = create_engine(parsed, **options)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open store {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        if path and not Path(path).parent.exists():
            raise StoreError(f"cannot open store {url!r}: folder {Path(path).parent} does not exist")
    return engine


def _sqlite_file(url: URL) -> str | None:
    """The file a SQLite URL names (``sqlite:///file:PATH?mode=ro&uri=true`` too); None in memory."""
    path = url.database
    if path and url.query.get("uri") == "true" and path.startswith("file:"):
        path = unquote(path.removeprefix("file:"))
    return None if not path or path == ":memory:" else path


def _read_only(url: URL, path: str) -> URL:
    """The URL of a SQLite file this process cannot write, opened read-only. Where it cannot make the WAL
    index beside the file either (a read-only folder or file system), SQLite would refuse to open it: then
    it is opened as immutable, unless a write-ahead log holds writes not yet in the file, which must be
    read through it. (An immutable reader does not see later writes by someone who can write there.)"""
    query = {"mode": "ro", "uri": "true"}
    log = Path(f"{path}-wal")
    if not os.access(Path(path).parent, os.W_OK) and not (log.exists() and log.stat().st_size):
        query["immutable"] = "1"
    return url.set(database=f"file:{quote(path)}", query=query)


def lock(conn: Connection, key: str) -> None:
    """Hold a lock on ``key`` until ``conn``'s transaction ends, so that writers of the same document (or
    any other key) take turns across processes and machines. PostgreSQL: a transaction-level advisory
    lock on the key's 64-bit hash. SQLite: a writing transaction already holds the whole file's lock."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key})


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _upgrade(conn: Any, version: int) -> None:
    """Bring a store written by an older dyad to the current schema, in place: new columns and indexes,
    and the resolved record built when the store had none (its tables were just created, empty)."""
    for added_in, table, column, sql_type, default in schema.ADDED_COLUMNS:
        # (a table created just now, by create_all, already has every column)
        if version < added_in and column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.exec_driver_sql(f'ALTER TABLE {table} ADD COLUMN "{column}" {sql_type} DEFAULT {default}')
    if version < 10:
        _mark_short_spans(conn)
    for name, replaced_in in schema.REPLACED_INDEXES:
        if version < replaced_in:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    for stored in schema.metadata.sorted_tables:  # indexes added to tables that already existed
        for index in stored.indexes:
            index.create(conn, checkfirst=True)
    if version < schema.RECORD_SINCE:
        record.rebuild(conn)
    else:
        if version < schema.INITIATOR_SINCE:
            record.fill_initiators(conn)
        if version < schema.ACTOR_DOCUMENTS_SINCE:
            record.fill_actor_documents(conn)
        if version < schema.INDEPENDENT_SINCE:
            record.fill_independent(conn)
    conn.execute(
        update(schema.meta).where(schema.meta.c.key == "schema").values(value=str(schema.SCHEMA_VERSION))
    )


def _mark_short_spans(conn: Any) -> None:
    """Links written before schema 10 came in as long (the column's default, always right but slow to
    search): mark the short ones, in SQL on either backend."""
    days = (
        "julianday(day_end) - julianday(day_start)"
        if conn.dialect.name == "sqlite"
        else "day_end - day_start"
    )
    conn.exec_driver_sql(
        f"UPDATE record_event_links SET long_span = 0 WHERE day_start IS NOT NULL AND day_end IS NOT NULL"
        f" AND {days} <= {schema.SHORT_SPAN_DAYS}"
    )


def _schema_is_current(conn: Connection) -> bool:
    """Every table exists and the store says it is of this schema version."""
    if not set(schema.metadata.tables) <= set(inspect(conn).get_table_names()):
        return False
    found = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema")).first()
    return found is not None and int(found[0]) == schema.SCHEMA_VERSION


def _require_file(url: str) -> None:
    """Refuse a SQLite store whose file does not exist: a mistyped path must not become an empty store."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # make_engine reports a malformed URL
    path = _sqlite_file(parsed) if parsed.get_backend_name() == "sqlite" else None
    if path and not Path(path).exists():
        raise StoreError(f"no store at {path}: create one with `dyad ingest FILES --db {path}`")


class Store:
    """A dyad store. ``Store(url)`` opens the tables at ``url``, creating them if needed; with
    ``create=False`` a SQLite file that does not exist is an error instead (server URLs are opened as
    given: their database is not a file)."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self._pinned = threading.local()  # this thread's snapshot connection (see snapshot())
        if not create:
            _require_file(url)
        self.engine = make_engine(url)
        try:
            with self.engine.connect() as conn:
                if _schema_is_current(conn):
                    return  # the common case, a reader: no write lock taken
            with self.engine.connect() as conn, conn.execution_options(dyad_write=True).begin():
                lock(conn, "dyad:schema")  # two processes opening a new store create its tables once
                schema.metadata.create_all(conn)
                found = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema")).first()
                if found is None:
                    conn.execute(insert(schema.meta).values(key="schema", value=str(schema.SCHEMA_VERSION)))
                elif int(found[0]) < schema.SCHEMA_VERSION:
                    _upgrade(conn, int(found[0]))
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open store {url!r}: {_reason(exc)}") from exc

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def warm(self, *, seconds: float = WARM_SECONDS) -> int:
        """Read the record's indexes and its events' and figures' rows into the system's page cache, so that
        the first pages after a restart do not wait for the disk (SQLite; a server keeps its own cache).
        Reads, never writes, beside any other reader; stops starting new reads after ``seconds``. Returns
        how many indexes and tables were read."""
        if self.backend != "sqlite":
            return 0
        deadline = time.monotonic() + seconds
        with self._connect() as conn:
            indexes = "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'"
            found = [row for row in conn.execute(text(indexes)) if row[1].startswith("record")]
            first = {table: rank for rank, table in enumerate(WARM_ROWS)}  # the pages' tables' indexes first
            found.sort(key=lambda row: (first.get(row[1], len(first)), row[1], row[0]))
            reads = [f'SELECT count(*) FROM "{table}" INDEXED BY "{index}"' for index, table in found]
            # the rows a page shows, after the indexes that find them
            reads += [f"SELECT sum(length(data)) FROM {table}" for table in WARM_ROWS]
            done = 0
            for sql in reads:
                if time.monotonic() > deadline:
                    break
                conn.execute(text(sql)).scalar()
                done += 1
        return done

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read of this thread inside the block sees one state of the store, even while another
        process commits documents: a report or an export never pairs a document list with facts read a
        moment later. One read transaction (SQLite WAL keeps its snapshot; PostgreSQL: REPEATABLE READ).
        Nested blocks share the outer one."""
        if getattr(self._pinned, "conn", None) is not None:
            yield
            return
        try:
            with self.engine.connect() as conn:
                if conn.dialect.name == "postgresql":
                    conn = conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin():
                    self._pinned.conn = conn
                    try:
                        yield
                    finally:
                        self._pinned.conn = None
        except SQLAlchemyError as exc:
            raise StoreError(f"store {self.url!r}: {_reason(exc)}") from exc

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[Connection]:
        pinned = getattr(self._pinned, "conn", None)
        if pinned is not None and not write:
            yield pinned
            return
        try:
            if write:
                with self.engine.connect() as conn, conn.execution_options(dyad_write=True).begin():
                    yield conn
            else:
                with self.engine.connect() as conn:
                    yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"store {self.url!r}: {_reason(exc)}") from exc

    # -- writing ---------------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._connect() as conn:
            return (
                conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == doc_id)).first()
                is not None
            )

    def add(self, processed: ProcessedDocument, *, replace: bool = False) -> bool:
        """Write one document and its facts in one transaction. False when it was already stored."""
        doc = processed.document
        with self._connect(write=True) as conn:
            lock(conn, f"dyad:document:{doc.id}")  # content hash: concurrent writers store it once
            exists = conn.execute(
                select(schema.documents.c.id).where(schema.documents.c.id == doc.id)
            ).first()
            if exists and not replace:
                return False
            lock(conn, RECORD_LOCK)
            if exists:
                record.remove_document(conn, doc.id)
                self._delete_document(conn, doc.id)
            _write_facts(conn, [processed], _now())
            record.add_document(conn, doc.id)
        return True

    def add_many(self, batch: Iterable[ProcessedDocument]) -> list[str]:
        """Write a batch of documents and their facts in one transaction, resolving what they touch once
        for the batch (``record.add_documents``): the record adding them one by one makes, at a fraction
        of the statements. Documents already stored (or earlier in the batch) are skipped. Returns the
        ids of those added. Nothing is kept once it returns: a large store is built batch after batch."""
        batch = list(batch)
        with self._connect(write=True) as conn:
            for doc_id in sorted({p.document.id for p in batch}):  # one order: writers never deadlock
                lock(conn, f"dyad:document:{doc_id}")
            stored: set[str] = set()
            for chunk in record.chunks([p.document.id for p in batch]):
                d = schema.documents
                stored |= set(conn.execute(select(d.c.id).where(d.c.id.in_(chunk))).scalars())
            fresh: dict[str, ProcessedDocument] = {}
            for processed in batch:
                if processed.document.id not in stored:
                    fresh.setdefault(processed.document.id, processed)
            if fresh:
                lock(conn, RECORD_LOCK)
                _write_facts(conn, list(fresh.values()), _now())
                record.add_documents(conn, list(fresh))
        return list(fresh)

    def remove(self, ref: str) -> str:
        """Delete one document (by id, file name or a unique prefix) and what only it said from the
        record, in one transaction; the events and figures it shared keep their other sources. Returns
        the document's id."""
        doc_id = self.document(ref)["id"]
        with self._connect(write=True) as conn:
            lock(conn, RECORD_LOCK)
            record.remove_document(conn, doc_id)
            self._delete_document(conn, doc_id)
        return doc_id

    def rebuild(self) -> dict[str, int]:
        """Resolve the whole record again (after a change of the merge rules); its new size."""
        with self._connect(write=True) as conn:
            lock(conn, RECORD_LOCK)
            record.rebuild(conn)
        return self.record_counts()

    @staticmethod
    def _delete_document(conn: Connection, doc_id: str) -> None:
        # Children first: not every backend enforces ON DELETE CASCADE by default.
        for table in (
            schema.source_keys,
            schema.source_groups,
            schema.event_links,
            schema.figure_links,
            schema.sentences,
            schema.time_expressions,
            schema.mentions,
            schema.events,
            schema.figures,
        ):
            conn.execute(delete(table).where(table.c.doc_id == doc_id))
        conn.execute(delete(schema.documents).where(schema.documents.c.id == doc_id))

    def record_error(self, path: str, reason: str, *, level: str = "error") -> None:
        """Remember why a file failed, or (``level="warning"``) what is doubtful about a file that was
        stored: the latest reason per path."""
        e = schema.ingest_errors
        with self._connect(write=True) as conn:
            lock(conn, f"dyad:error:{path}")
            conn.execute(delete(e).where(e.c.path == path))
            conn.execute(insert(e).values(path=path, reason=reason, at=_now(), level=level))

    def clear_errors(self, paths: Iterable[str]) -> None:
        """Forget earlier failures of files that have now been ingested."""
        paths = list(paths)
        if paths:
            with self._connect(write=True) as conn:
                conn.execute(delete(schema.ingest_errors).where(schema.ingest_errors.c.path.in_(paths)))

    # -- reading ---------------------------------------------------------------------------------------

    def documents(self) -> list[dict[str, Any]]:
        """Every document's metadata (no text), by file name (then id)."""
        return self.read(lists.documents)

    def stored_since(self, doc_id: str, moment: dt.datetime) -> bool:
        """Whether the document ``doc_id`` is stored and was written at ``moment`` (aware) or later."""
        d = schema.documents
        with self._connect() as conn:
            at = conn.execute(select(d.c.ingested_at).where(d.c.id == doc_id)).scalar()
        if at is None:
            return False
        return (at if at.tzinfo else at.replace(tzinfo=dt.UTC)) >= moment

    def document(self, ref: str) -> dict[str, Any]:
        """One document with its text and sentences, by id or file name, or a unique prefix of either."""
        return self.read(lambda run: lists.document(run, ref))

    def errors(self) -> list[dict[str, Any]]:
        """Files that failed (level error) or were stored with a doubt (level warning), oldest first."""
        return self.read(lists.errors)

    def read(self, read: Callable[[lists.Run], T]) -> T:
        """One of the small reads of ``dyad.store.lists``, run through SQLAlchemy in one connection."""
        with self._connect() as conn:

            def run(sql: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
                return [dict(row) for row in conn.execute(text(sql), dict(params)).mappings()]

            return read(run)

    def counts(self) -> dict[str, int]:
        tables = {
            "documents": schema.documents,
            "sentences": schema.sentences,
            "events": schema.events,
            "figures": schema.figures,
            "mentions": schema.mentions,
            "errors": schema.ingest_errors,
        }
        with self._connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for name, t in tables.items()
            }

    def record_counts(self) -> dict[str, int]:
        """Resolved events, figures and conflicts."""
        tables = {
            "events": schema.record_events,
            "figures": schema.record_figures,
            "conflicts": schema.record_conflicts,
        }
        with self._connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for name, t in tables.items()
            }

    def mentions(self, values: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Mention rows (all, or those naming ``values``) with their document's file name (``doc``), in
        the order they were read: oldest ingest first, then by place in the document."""
        m, d = schema.mentions, schema.documents
        query = (
            select(m, d.c.name.label("doc"))
            .join(d, d.c.id == m.c.doc_id)
            .order_by(d.c.ingested_at, d.c.id, m.c.sentence_idx, m.c.start, m.c.end)
        )
        with self._connect() as conn:
            if values is None:
                return [dict(r) for r in conn.execute(query).mappings()]
            return [
                dict(r)
                for chunk in record.chunks(sorted(set(values)))
                for r in conn.execute(query.where(m.c.value.in_(chunk))).mappings()
            ]

    def events_page(self, query: EventQuery) -> tuple[int, list[dict[str, Any]]]:
        """Resolved events (``record.EventQuery``): how many match, and the page asked for."""
        with self._connect() as conn:
            return record.read_events(conn, query)

    def ranked_event_ids(
        self, query: EventQuery, tiers: tuple[tuple[str, ...], ...], limit: int, by_date: str | None = None
    ) -> list[str] | None:
        """The ``limit`` events of ``query`` that name most words of ``tiers`` (``record.ranked_event_ids``);
        None when it selects no more than ``limit``."""
        with self._connect() as conn:
            return record.ranked_event_ids(conn, query, tiers, limit, by_date)

    def resolved_event(self, ref: str) -> dict[str, Any] | None:
        """A resolved event by its id or the id of one of its mentions."""
        with self._connect() as conn:
            return record.read_event(conn, ref)

    def figures_page(self, query: FigureQuery, order: str = "record") -> tuple[int, list[dict[str, Any]]]:
        """Resolved figures (``record.FigureQuery``): how many match, and the page asked for (in the
        record's order, or a series' with ``order="series"``)."""
        with self._connect() as conn:
            return record.read_figures(conn, query, order)

    def chart_figures(
        self, codes: tuple[str, ...], kinds: tuple[str, ...], per_year: int
    ) -> list[dict[str, Any]]:
        """What a chart of the pair's money figures shows (``record.read_chart_figures``)."""
        with self._connect() as conn:
            return record.read_chart_figures(conn, codes, kinds, per_year)

    def conflicts(self, codes: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        with self._connect() as conn:
            return record.read_conflicts(conn, codes)

    def pair_counts(self) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
        """Resolved events per pair ("CHN,IND"), and figures per pair of two named countries."""
        with self._connect() as conn:
            return record.pair_counts(conn), record.figure_pair_counts(conn)

    def actor_summaries(self, names: Iterable[str]) -> list[dict[str, Any]]:
        """The summaries of the actors named ``names`` (any kind): role, country, mentions, documents."""
        with self._connect() as conn:
            return record.read_actors(conn, names)

    def intensity_sums(self, pair: tuple[str, ...]) -> dict[tuple[str, str, int, str, str], float]:
        """The stored intensity index of a pair (``dyad.weights.Bucket`` → value; all pairs when empty)."""
        with self._connect() as conn:
            return record.read_intensity(conn, pair)

    def defining_candidates(
        self, pair: tuple[str, ...], side: str, span: tuple[int, int], top: int
    ) -> list[dict[str, Any]]:
        """The resolved events (record order, no headlines) among which are the ``top`` on ``side`` that
        weigh most in the years ``span`` (``record.defining_candidates``)."""
        with self._connect() as conn:
            return record.read_events_by_id(conn, record.defining_candidates(conn, pair, side, span, top))

    def has_events_on_side(self, pair: tuple[str, ...], side: str) -> bool:
        """Whether any dated, not planned event of the pair (any pair when empty) counts on ``side``."""
        with self._connect() as conn:
            return record.has_events_on_side(conn, pair, side)

    def count_documents(self, about: tuple[str, ...] = ()) -> int:
        """How many documents there are; with ``about``, how many mention all of those countries."""
        d = schema.documents
        query = select(func.count()).select_from(d)
        if about:
            query = select(func.count()).select_from(record.documents_about(about).subquery())
        with self._connect() as conn:
            return int(conn.execute(query).scalar_one())

    def first_documents(self, limit: int) -> list[dict[str, Any]]:
        """The first ``limit`` documents' metadata (no text) in name order, as ``documents`` lists them."""
        cols = [c for c in schema.documents.c if c.name not in ("raw_text", "text")]
        query = select(*cols).order_by(schema.documents.c.name, schema.documents.c.id).limit(limit)
        with self._connect() as conn:
            return [lists.decode_document(dict(r)) for r in conn.execute(query).mappings()]

    def overview_counts(self, pair: tuple[str, ...]) -> dict[str, Any]:
        """What the overview counts, by index: documents by kind, the pair's dated and undated events with
        their first and last day (``record.event_span``), figures and conflicts about the pair."""
        key = ",".join(sorted(pair)) if pair else None
        with self._connect() as conn:
            return {
                "kinds": record.document_kinds(conn),
                **record.event_span(conn, key),
                "figures": record.read_figures(conn, FigureQuery(pair, limit=0))[0],
                "conflicts": record.count_conflicts(conn, pair),
            }

    def rows(self, table_name: str) -> list[dict[str, Any]]:
        """All rows of one per-document fact table, for the extraction and resolution stages."""
        table = schema.metadata.tables[table_name]
        with self._connect() as conn:
            return [dict(r) for r in conn.execute(select(table)).mappings()]


# Conditions a user can act on, recognised in the driver's words (SQLite, PostgreSQL): what to do.
_ADVICE = (
    (
        ("database or disk is full", "no space left on device", "could not extend file"),
        "the disk is full: free space and run the command again (what was stored is kept)",
    ),
    (
        ("readonly database", "read-only transaction"),
        "the store is read-only: ingest into a copy you can write, or make it writable",
    ),
    (
        ("server closed the connection", "terminating connection", "connection refused", "shutting down"),
        "the database server went away: run the command again when it is back (what was stored is kept)",
    ),
)


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's own message, on one line (SQLAlchemy appends SQL and a link to it), and what to do
    about it when it is a condition of the disk, the file or the server."""
    orig = getattr(exc, "orig", None)
    message = " ".join(str(orig or exc).split())
    advice = next((a for words, a in _ADVICE if any(w in message.lower() for w in words)), None)
    return f"{exc.__class__.__name__}: {message}" + (f"; {advice}" if advice else "")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _write_facts(conn: Connection, batch: list[ProcessedDocument], at: dt.datetime) -> None:
    """Insert documents and their per-document facts, one statement per table. Each is stamped a
    microsecond after the one before it: the order of writing (which decides an actor's latest reading)
    stays the order of ``ingested_at``."""
    step = dt.timedelta(microseconds=1)
    docs = [p.document for p in batch]
    _insert_many(conn, schema.documents, [_document_row(d, at + i * step) for i, d in enumerate(docs)])
    for table, rows in (
        (schema.sentences, [_sentence_row(d.id, s) for d in docs for s in d.sentences]),
        (schema.time_expressions, [_timex_row(p.document.id, t) for p in batch for t in p.time_expressions]),
        (schema.mentions, [{"doc_id": p.document.id, **m} for p in batch for m in p.mentions]),
        (schema.events, [_event_row(p.document.id, i, e) for p in batch for i, e in enumerate(p.events)]),
        (schema.figures, [_figure_row(p.document.id, i, f) for p in batch for i, f in enumerate(p.figures)]),
    ):
        _insert_many(conn, table, rows)


def _insert_many(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _document_row(doc: Document, at: dt.datetime) -> dict[str, Any]:
    return {
        "id": doc.id,
        "name": doc.name,
        "path": doc.path,
        "format": doc.format,
        "kind": doc.kind,
        "title": doc.title,
        "authors": _json(doc.authors),
        "publisher": doc.publisher,
        "published": doc.published,
        "published_basis": doc.published_basis,
        "date_estimate": doc.date_estimate,
        "date_estimate_basis": doc.date_estimate_basis,
        "language": doc.language,
        "doi": doc.doi,
        "size_bytes": doc.size_bytes,
        "words": doc.words,
        "n_sentences": len(doc.sentences),
        "raw_text": doc.raw_text,
        "text": doc.text,
        "ingested_at": at,
    }


def _sentence_row(doc_id: str, s: Sentence) -> dict[str, Any]:
    return {"doc_id": doc_id, "idx": s.index, "start": s.start, "end": s.end, "text": s.text}


def _timex_row(doc_id: str, t: TimeExpression) -> dict[str, Any]:
    v = t.value
    return {
        "doc_id": doc_id,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "edtf": v.edtf,
        "day_start": v.start,
        "day_end": v.end,
        "granularity": v.granularity,
        "basis": v.basis,
    }


def _event_row(doc_id: str, i: int, e: Event) -> dict[str, Any]:
    d = e.date
    return {
        "id": f"{doc_id}-e{i}",
        "doc_id": doc_id,
        "type": e.type,
        "participants": _json(sorted(e.participants)),
        "date_edtf": d.edtf if d else None,
        "day_start": d.start if d else None,
        "day_end": d.end if d else None,
        "granularity": d.granularity if d else None,
        "date_basis": d.basis if d else None,
        "dimension": e.dimension,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "status": e.status,
        "plover": e.plover,
        "summary": e.summary,
        "actors": _json(e.actors),
        "location": e.location,
        "trigger": e.trigger,
        "confidence": e.confidence,
        "initiator": e.initiator,
        "start": e.source.start,
        "end": e.source.end,
        "sentence": e.source.text,
    }


def _figure_row(doc_id: str, i: int, f: Figure) -> dict[str, Any]:
    y = f.year
    return {
        "id": f"{doc_id}-f{i}",
        "doc_id": doc_id,
        "kind": f.kind,
        "value": f.value,
        "unit": f.unit,
        "year_edtf": y.edtf if y else None,
        "day_start": y.start if y else None,
        "day_end": y.end if y else None,
        "from_code": f.from_,
        "to_code": f.to,
        "qualifier": f.qualifier,
        "value_max": f.value_max,
        "status": f.status,
        "quantity_text": f.text,
        "confidence": f.confidence,
        "start": f.source.start,
        "end": f.source.end,
        "sentence": f.source.text,
    }
