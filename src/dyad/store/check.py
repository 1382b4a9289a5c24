"""Is a store whole? ``check_store`` reads every table and says, one line per problem, what is wrong.

A document and everything derived from it are written in one transaction, so a crash or a full disk
should never leave a trace here; this is how a user (and the crash campaign, ``bench/crash_ingest.py``)
verifies that. It reads only: a read-only file or a store of another schema version is checked as it is,
never upgraded. What is checked:

- the schema: every table present, the version this dyad writes;
- documents ↔ sentences: each document has as many sentences as it says it has, and no row of any table
  belongs to a document that is not there;
- the full-text index: SQLite's FTS5 table, once built, has its triggers and agrees with the sentences
  (FTS5's own integrity check); PostgreSQL's GIN index exists and is valid;
- facts: every event, figure, mention and time expression lies within its document;
- the merged record (``dyad.store.record``): every event and figure mention is linked to exactly one
  merged event or figure that exists, no merged item is without mentions, each one's source count is the
  number of documents linked to it (by file name, as the resolver counts them), every conflict belongs to
  something still in the record, and every document has its group of sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Column, Connection, Table, func, inspect, literal_column, select, text
from sqlalchemy.exc import SQLAlchemyError

from dyad.errors import StoreError
from dyad.store import schema
from dyad.store.store import _reason, _require_file, make_engine

# SQLite's full-text index, kept in step with the sentences by triggers (dyad.ask.search builds both).
FTS_TABLE = schema.FTS_TABLE
# Problems of one kind listed one by one before the rest are counted on one line.
SHOWN = 10


def check_store(url: str) -> list[str]:
    """Every problem found in the store at ``url``, one line each; empty when it is consistent."""
    _require_file(url)  # checking a mistyped path must not create an empty store that passes
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return list(_problems(conn))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot check store {url!r}: {_reason(exc)}") from exc
    finally:
        engine.dispose()


def _problems(conn: Connection) -> Iterator[str]:
    missing = sorted(set(schema.metadata.tables) - set(inspect(conn).get_table_names()))
    if missing:
        yield f"schema: table(s) missing: {', '.join(missing)} (not a dyad store, or one half created)"
        return
    yield from _schema_version(conn)
    for check in (_documents, _orphans, _full_text, _facts, _merged_record, _conflicts):
        yield from check(conn)


def _listed(lines: Iterable[str], kind: str) -> Iterator[str]:
    """The first ``SHOWN`` lines, then how many more of the same kind there are."""
    lines = list(lines)
    yield from lines[:SHOWN]
    if len(lines) > SHOWN:
        yield f"... and {len(lines) - SHOWN} more {kind}"


def _schema_version(conn: Connection) -> Iterator[str]:
    found = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema")).scalar()
    if found is None:
        yield "schema: no schema version recorded (dyad_meta has no 'schema' row)"
    elif found != str(schema.SCHEMA_VERSION):
        current = schema.SCHEMA_VERSION
        yield f"schema: version {found}, this dyad writes {current} (any write command upgrades it)"


def _documents(conn: Connection) -> Iterator[str]:
    d, s, g = schema.documents, schema.sentences, schema.source_groups
    stored = select(s.c.doc_id, func.count().label("n")).group_by(s.c.doc_id).subquery()
    found = func.coalesce(stored.c.n, 0)
    rows = conn.execute(
        select(d.c.id, d.c.name, d.c.n_sentences, found)
        .outerjoin(stored, stored.c.doc_id == d.c.id)
        .where(found != d.c.n_sentences)
        .order_by(d.c.id)
    )
    yield from _listed(
        (f"document {i} ({name}): {n} of its {want} sentences stored" for i, name, want, n in rows),
        "documents with sentences missing",
    )
    ungrouped = conn.execute(
        select(d.c.id, d.c.name).where(d.c.id.not_in(select(g.c.doc_id))).order_by(d.c.id)
    )
    yield from _listed(
        (f"document {i} ({name}): in no group of sources (record_source_groups)" for i, name in ungrouped),
        "documents without a source group",
    )


def _orphans(conn: Connection) -> Iterator[str]:
    """Rows whose document is gone (the foreign keys forbid them, unless a store was written without)."""
    d = schema.documents
    for table in schema.metadata.sorted_tables:
        if table is d or "doc_id" not in table.c:
            continue
        rows = conn.execute(
            select(table.c.doc_id, func.count())
            .where(table.c.doc_id.not_in(select(d.c.id)))
            .group_by(table.c.doc_id)
            .order_by(table.c.doc_id)
        )
        yield from _listed(
            (f"{table.name}: {n} row(s) of document {doc}, which is not stored" for doc, n in rows),
            f"missing documents with rows in {table.name}",
        )


def _full_text(conn: Connection) -> Iterator[str]:
    if conn.dialect.name == "postgresql":
        valid = conn.execute(
            text(
                "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                "WHERE c.relname = 'ix_sentences_fts' AND pg_table_is_visible(c.oid)"
            )
        ).scalar()
        if valid is None:
            yield "full-text index: ix_sentences_fts is missing (dyad ask searches without it, slowly)"
        elif not valid:
            yield "full-text index: ix_sentences_fts is invalid (REINDEX INDEX ix_sentences_fts)"
        return
    names = set(inspect(conn).get_table_names())
    if conn.dialect.name != "sqlite" or FTS_TABLE not in names:
        return  # not built yet: dyad ask builds it on first use
    triggers = {
        r[0]
        for r in conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sentences'")
        )
    }
    if not triggers & set(schema.FTS_TRIGGERS.values()):
        return  # built by an older dyad, without triggers: dyad ask rebuilds it before searching
    for name in schema.FTS_TRIGGERS.values():
        if name not in triggers:
            yield f"full-text index: its trigger {name} is missing (sentences written since are not in it)"
    try:
        conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)"))
    except SQLAlchemyError as exc:
        if "readonly" not in str(exc).replace("-", ""):
            yield f"full-text index: {FTS_TABLE} disagrees with the sentences ({_reason(exc)})"
    finally:
        conn.rollback()


def _facts(conn: Connection) -> Iterator[str]:
    d = schema.documents
    length = func.length(d.c.text)
    for table, label in (
        (schema.events, "event"),
        (schema.figures, "figure"),
        (schema.mentions, "mention"),
        (schema.time_expressions, "time expression"),
        (schema.sentences, "sentence"),
    ):
        key = table.c.id if "id" in table.c else literal_column("''")
        outside = (table.c.start < 0) | (table.c.start > table.c.end) | (table.c.end > length)
        if table is schema.mentions:
            outside |= table.c.sentence_idx >= d.c.n_sentences
        rows = conn.execute(
            select(table.c.doc_id, key, table.c.start, table.c.end)
            .join(d, d.c.id == table.c.doc_id)
            .where(outside)
            .order_by(table.c.doc_id, table.c.start)
        )
        yield from _listed(
            (
                f"{label} {ident or 'of document ' + doc} at {start}-{end}: outside its document"
                for doc, ident, start, end in rows
            ),
            f"{label}s outside their document",
        )


def _merged_record(conn: Connection) -> Iterator[str]:
    for label, mentions, links, merged in (
        ("event", schema.events, schema.event_links, schema.record_events),
        ("figure", schema.figures, schema.figure_links, schema.record_figures),
    ):
        item = links.c.event_id if label == "event" else links.c.figure_id
        yield from _unlinked(conn, label, mentions, links)
        yield from _dangling(conn, label, mentions, links, item, merged)
        yield from _source_counts(conn, label, links, item, merged)
        yield from _independent_counts(conn, label, links, item, merged)


def _unlinked(conn: Connection, label: str, mentions: Table, links: Table) -> Iterator[str]:
    rows = conn.execute(
        select(mentions.c.id).where(mentions.c.id.not_in(select(links.c.mention_id))).order_by(mentions.c.id)
    )
    yield from _listed(
        (f"{label} mention {m}: in no merged {label}" for m in rows.scalars()),
        f"{label} mentions in no merged {label}",
    )


def _dangling(
    conn: Connection, label: str, mentions: Table, links: Table, item: Column[Any], merged: Table
) -> Iterator[str]:
    """Links to a merged item that is not there, or from a mention that is not (or not in that document)."""
    rows = conn.execute(
        select(links.c.mention_id, item).where(item.not_in(select(merged.c.id))).order_by(links.c.mention_id)
    )
    yield from _listed(
        (f"{label} mention {m}: linked to merged {label} {x}, which does not exist" for m, x in rows),
        f"links to missing merged {label}s",
    )
    disagree = conn.execute(
        select(links.c.mention_id, links.c.doc_id, mentions.c.doc_id)
        .outerjoin(mentions, mentions.c.id == links.c.mention_id)
        .where(mentions.c.doc_id.is_(None) | (mentions.c.doc_id != links.c.doc_id))
        .order_by(links.c.mention_id)
    )
    yield from _listed(
        (
            f"{label} link {m}: its mention is not stored"
            if theirs is None
            else f"{label} link {m}: says document {mine}, its mention is in {theirs}"
            for m, mine, theirs in disagree
        ),
        f"{label} links that disagree with their mention",
    )


def _per_item(links: Table, item: Column[Any], document: Column[Any], value: Column[Any]) -> Any:
    """Each merged item's number of distinct ``value`` over its links' documents, ``document`` being the
    column of ``value``'s table that names the document (a subquery of ``item``, ``n``)."""
    return (
        select(item.label("item"), func.count(value.distinct()).label("n"))
        .join(document.table, document == links.c.doc_id)
        .group_by(item)
        .subquery()
    )


def _source_counts(
    conn: Connection, label: str, links: Table, item: Column[Any], merged: Table
) -> Iterator[str]:
    """Each merged item's source count is its linked documents, by name as the resolver counts them; an
    item with no links at all is a cluster without mentions."""
    d = schema.documents
    linked = _per_item(links, item, d.c.id, d.c.name)
    found = func.coalesce(linked.c.n, 0)
    rows = conn.execute(
        select(merged.c.id, merged.c.source_count, found)
        .outerjoin(linked, linked.c.item == merged.c.id)
        .where(found != merged.c.source_count)
        .order_by(merged.c.id)
    )
    yield from _listed(
        (
            f"merged {label} {x}: no mentions"
            if n == 0
            else f"merged {label} {x}: {want} source(s) counted, {n} document(s) linked"
            for x, want, n in rows
        ),
        f"merged {label}s with wrong sources",
    )


def _conflicts(conn: Connection) -> Iterator[str]:
    """Each conflict's scope still holds merged items: a date conflict its event type and participants, a
    value conflict its figure component."""
    c, e, f = schema.record_conflicts, schema.record_events, schema.record_figures
    events = {f"event\t{t}\t{p}" for t, p in conn.execute(select(e.c.type, e.c.participants).distinct())}
    figures = {f"figure\t{x}" for x in conn.execute(select(f.c.component).distinct()).scalars()}
    rows = conn.execute(select(c.c.id, c.c.scope).order_by(c.c.id)).all()
    stale = [(i, scope) for i, scope in rows if scope not in events | figures]
    yield from _listed(
        (f"conflict {i}: about {scope.split(chr(9))[0]}s no longer in the record" for i, scope in stale),
        "conflicts about nothing in the record",
    )


def _independent_counts(
    conn: Connection, label: str, links: Table, item: Column[Any], merged: Table
) -> Iterator[str]:
    """Each merged item's independent sources (kept in its row since schema 12) are the source groups of
    its linked documents as they stand (an item with no links is reported above)."""
    g = schema.source_groups
    grouped = _per_item(links, item, g.c.doc_id, g.c.grp)
    rows = conn.execute(
        select(merged.c.id, merged.c.independent_sources, grouped.c.n)
        .join(grouped, grouped.c.item == merged.c.id)
        .where(grouped.c.n != merged.c.independent_sources)
        .order_by(merged.c.id)
    )
    yield from _listed(
        (f"merged {label} {x}: {want} independent source(s) kept, {n} counted" for x, want, n in rows),
        f"merged {label}s with wrong independent sources",
    )
