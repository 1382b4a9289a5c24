"""The store's tables, in SQLAlchemy Core: portable across SQLite and PostgreSQL.

Lists (authors, participants, actors) are JSON text so that both backends read them the same way.
Per-document facts (mentions, events, figures, time expressions) belong to their document and are
deleted with it; the resolved record (issue: cross-document resolution) is derived from them.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

SCHEMA_VERSION = 3
# Columns added since schema 1, added in place to an older store when it opens (the schema version that
# added it, table, column, SQL type and default).
ADDED_COLUMNS = (
    (2, "events", "plover", "VARCHAR(12)", "''"),
    (2, "figures", "value_max", "FLOAT", "NULL"),
    (2, "figures", "status", "VARCHAR(10)", "'occurred'"),
    (3, "ingest_errors", "level", "VARCHAR(8)", "'error'"),
)

metadata = MetaData()


def _doc_fk() -> Column[str]:
    return Column("doc_id", String(16), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


meta = Table(
    "dyad_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(16), primary_key=True),  # sha256 of the file's bytes, first 16 hex digits
    Column("name", Text, nullable=False),  # base name as ingested: the `doc` of the export contract
    Column("path", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("title", Text),
    Column("authors", Text, nullable=False, default="[]"),
    Column("publisher", Text),
    Column("published", String(10)),  # as the document states it; null when it does not
    Column("published_basis", String(10)),
    Column("date_estimate", String(10)),  # the reference date used for relative expressions
    Column("date_estimate_basis", String(10)),
    Column("language", String(8)),
    Column("doi", Text),
    Column("size_bytes", Integer, nullable=False),
    Column("words", Integer, nullable=False),
    Column("n_sentences", Integer, nullable=False),  # lets a reader check a document is whole
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    _doc_fk(),
    Column("idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_sentences_doc", "doc_id", "idx", unique=True),
)
# Full-text search on PostgreSQL (dyad ask); SQLite gets an FTS5 table from dyad.ask.search instead.
Index(
    "ix_sentences_fts", text("to_tsvector('english', text)"), postgresql_using="gin", _table=sentences
).ddl_if(dialect="postgresql")

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    # error: the file was not stored; warning: it was stored, but read with a doubt (a guessed encoding)
    Column("level", String(8), nullable=False, default="error"),
)

time_expressions = Table(
    "time_expressions",
    metadata,
    _doc_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("edtf", String(32), nullable=False),
    Column("day_start", Date),
    Column("day_end", Date),
    Column("granularity", String(12), nullable=False),
    Column("basis", String(10), nullable=False),
    Index("ix_timex_doc", "doc_id"),
)

mentions = Table(
    "mentions",
    metadata,
    _doc_fk(),
    Column("sentence_idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # country, person, organisation, forum
    Column("value", Text, nullable=False),  # ISO3 code, person's name, organisation's name
    Column("attrs", Text, nullable=False, default="{}"),  # JSON: role, country, historical name...
    Index("ix_mentions_doc", "doc_id"),
    Index("ix_mentions_value", "kind", "value"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(24), primary_key=True),
    _doc_fk(),
    Column("type", String(24), nullable=False),
    Column("participants", Text, nullable=False),  # JSON list of ISO3, sorted
    Column("date_edtf", String(32)),
    Column("day_start", Date),
    Column("day_end", Date),
    Column("granularity", String(12)),
    Column("date_basis", String(10)),
    Column("dimension", String(32), nullable=False),
    Column("cameo", String(8), nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("status", String(10), nullable=False),
    Column("plover", String(12), nullable=False, default=""),
    Column("summary", Text, nullable=False),
    Column("actors", Text, nullable=False, default="[]"),
    Column("location", Text),
    Column("trigger", Text, nullable=False, default=""),
    Column("confidence", Float, nullable=False),
    Column("start", Integer, nullable=False),  # the source sentence in the document's clean text
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Index("ix_events_doc", "doc_id"),
    Index("ix_events_type_day", "type", "day_start"),
)

figures = Table(
    "figures",
    metadata,
    Column("id", String(24), primary_key=True),
    _doc_fk(),
    Column("kind", String(16), nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(16), nullable=False),
    Column("year_edtf", String(32)),
    Column("day_start", Date),
    Column("day_end", Date),
    Column("from_code", String(3)),
    Column("to_code", String(3)),
    Column("qualifier", String(10), nullable=False),
    Column("value_max", Float),
    Column("status", String(10), nullable=False, default="occurred"),
    Column("quantity_text", Text, nullable=False, default=""),
    Column("confidence", Float, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Index("ix_figures_doc", "doc_id"),
    Index("ix_figures_kind", "kind", "from_code", "to_code"),
)
