"""The store's tables, in SQLAlchemy Core: portable across SQLite and PostgreSQL.

Lists (authors, participants, actors) are JSON text so that both backends read them the same way.
Per-document facts (mentions, events, figures, time expressions) belong to their document and are
deleted with it. The resolved record (``record_*`` tables) is derived from them when a document is
written or removed (``dyad.store.record``) and read by SQL: nothing a source said is overwritten.
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
    SmallInteger,
    String,
    Table,
    Text,
    text,
)

SCHEMA_VERSION = 12
# The first version whose record tables are all there (the record since 4; its per-pair intensity and
# per-actor summaries since 5; a resolved figure's value and a figure conflict's two figures in columns
# since 6): an older store gets them built when it opens.
RECORD_SINCE = 6
# SQLite's full-text index over the sentences (built by dyad.ask.search on the first question) and the
# triggers that keep it in step with every sentence written afterwards; dyad.store.check reads both.
FTS_TABLE = "dyad_sentences_fts"
FTS_TRIGGERS = {
    "AFTER INSERT": f"{FTS_TABLE}_ai",
    "AFTER DELETE": f"{FTS_TABLE}_ad",
    "AFTER UPDATE": f"{FTS_TABLE}_au",
}
# Columns added since schema 1, added in place to an older store when it opens (the schema version that
# added it, table, column, SQL type and default).
ADDED_COLUMNS = (
    (2, "events", "plover", "VARCHAR(12)", "''"),
    (2, "figures", "value_max", "FLOAT", "NULL"),
    (2, "figures", "status", "VARCHAR(10)", "'occurred'"),
    (3, "ingest_errors", "level", "VARCHAR(8)", "'error'"),
    (5, "record_conflicts", "pair", "VARCHAR(64)", "''"),
    (6, "record_figures", "value", "FLOAT", "NULL"),
    (6, "record_conflicts", "first", "VARCHAR(24)", "NULL"),
    (6, "record_conflicts", "second", "VARCHAR(24)", "NULL"),
    (7, "events", "initiator", "VARCHAR(3)", "NULL"),
    (9, "record_events", "initiator", "VARCHAR(3)", "NULL"),
    (10, "record_event_links", "long_span", "SMALLINT", "1"),  # 1 until the upgrade marks the short ones
    (12, "record_events", "independent_sources", "INTEGER", "0"),  # counted by the upgrade
    (12, "record_figures", "independent_sources", "INTEGER", "0"),
)
# A resolved event's acting side as a column since 9: a store of 6 to 8 gets it from its mentions when it
# opens (``dyad.store.record.fill_initiators``), without resolving anything again.
INITIATOR_SINCE = 9

# Indexes of older versions that one of today's covers (a store loses them when it is upgraded): name,
# and the version that replaced it.
REPLACED_INDEXES = (
    ("ix_record_events_pair", 8),
    ("ix_record_events_pair_day", 8),
    ("ix_event_links_near", 10),
)
# A mention longer than this many days (or open at one end) is "long" (``record_event_links.long_span``,
# since 10): the neighbours of a new mention are found among the short ones by a bounded range of first
# days, and among the few long ones apart.
SHORT_SPAN_DAYS = 31

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
    Index("ix_documents_name", "name"),  # a document by its file name; the list in name order
    Index("ix_documents_kind", "kind"),  # the overview's count by kind, without reading the texts
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
    Column("initiator", String(3)),  # ISO3 of the side that acts on the other, when the sentence says
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


# -- the resolved record, kept up to date at write time (dyad.store.record) -------------------------------
# A "component" is a set of per-document mentions that can reach each other through the merge rules
# (dyad.resolve): adding or removing a document re-resolves only the components it touches.

event_links = Table(
    "record_event_links",
    metadata,
    Column("mention_id", String(24), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    _doc_fk(),
    Column("type", String(24), nullable=False),
    Column("participants", Text, nullable=False),
    Column("status", String(10), nullable=False),
    Column("day_start", Date),
    Column("day_end", Date),
    Column("instrument", Text, nullable=False),  # the named instrument's words, sorted; "" when none
    Column("component", String(24), nullable=False),
    Column("event_id", String(24), nullable=False),  # the resolved event it is part of
    # 1: undated, open at one end or longer than SHORT_SPAN_DAYS (see record._near)
    Column("long_span", SmallInteger, nullable=False, server_default="1"),
    Index("ix_event_links_span", "type", "participants", "status", "long_span", "day_start"),
    Index("ix_event_links_instrument", "type", "participants", "status", "instrument"),
    Index("ix_event_links_component", "component"),
    Index("ix_event_links_event", "event_id", "doc_id"),
    Index("ix_event_links_doc", "doc_id"),
)

record_events = Table(
    "record_events",
    metadata,
    Column("id", String(24), primary_key=True),  # the id of its best-dated mention
    Column("component", String(24), nullable=False),
    Column("pair", String(64), nullable=False),  # the participants, sorted and comma-joined: "CHN,IND"
    Column("participants", Text, nullable=False),  # JSON list, as in events
    Column("type", String(24), nullable=False),
    Column("status", String(10), nullable=False),
    Column("dimension", String(32), nullable=False),
    Column("date_edtf", String(32)),
    Column("day_start", Date),
    Column("day_end", Date),
    Column("source_count", Integer, nullable=False),
    # Sources not of one author or outlet group (``source_groups``): kept whenever the event's sources or
    # their groups change (``record._count_independent``), so a page reads it instead of counting links.
    Column("independent_sources", Integer, nullable=False, default=0),
    # ISO3 of the side that acted on the other, when its mentions name one (``resolve.events.acting_side``)
    Column("initiator", String(3)),
    # Whole-record order of resolution (type, participants, date rank, first mention): ties in every
    # listing fall back on it, so that stored and re-resolved records list events alike.
    Column("order_key", Text, nullable=False),
    Column("head_name", Text, nullable=False),  # first mention's instrument words, for date conflicts
    Column("head_day_start", Date),
    Column("head_day_end", Date),
    Column("data", Text, nullable=False),  # the resolved event as JSON (dyad.resolve.events)
    # A page's total is counted in these alone (every column its filter reads), not in the table's rows.
    Index("ix_record_events_pair_type", "pair", "type", "day_start", "day_end", "date_edtf"),
    Index("ix_record_events_pair_dated", "pair", "day_start", "day_end", "date_edtf"),
    Index("ix_record_events_pair_end", "pair", "day_end"),  # the last day of a pair's events
    Index("ix_record_events_day", "day_start", "type"),
    Index("ix_record_events_type", "type", "participants"),
    Index("ix_record_events_component", "component"),
    Index("ix_record_events_sources", "source_count"),
    Index("ix_record_events_dimension", "dimension", "day_start"),
    Index("ix_record_events_status", "status"),
    Index("ix_record_events_initiator", "initiator", "pair", "day_start"),  # the acts one side initiated
)

figure_links = Table(
    "record_figure_links",
    metadata,
    Column("mention_id", String(24), ForeignKey("figures.id", ondelete="CASCADE"), primary_key=True),
    _doc_fk(),
    Column("component", Text, nullable=False),  # kind, unit, direction, year and status, as JSON
    Column("figure_id", String(24), nullable=False),
    Index("ix_figure_links_component", "component"),
    Index("ix_figure_links_figure", "figure_id", "doc_id"),
    Index("ix_figure_links_doc", "doc_id"),
)

record_figures = Table(
    "record_figures",
    metadata,
    Column("id", String(24), primary_key=True),  # its first mention's id: the record's order
    Column("component", Text, nullable=False),
    Column("pair", String(8), nullable=False),  # from and to, sorted and comma-joined ("" for none)
    Column("kind", String(16), nullable=False),
    Column("unit", String(16), nullable=False),
    Column("from_code", String(3)),
    Column("to_code", String(3)),
    Column("year_edtf", String(32)),
    Column("day_start", Date),
    Column("day_end", Date),
    Column("status", String(10), nullable=False),
    Column("source_count", Integer, nullable=False),
    Column("independent_sources", Integer, nullable=False, default=0),  # as a resolved event's
    Column("value", Float),  # a series page is ordered by it
    Column("data", Text, nullable=False),  # the resolved figure as JSON (dyad.resolve.figures)
    Index("ix_record_figures_kind", "kind", "pair", "year_edtf"),
    Index("ix_record_figures_pair", "pair", "kind"),
    Index("ix_record_figures_component", "component"),
)

record_conflicts = Table(
    "record_conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scope", Text, nullable=False),  # the component (figures) or type and pair (events) it is in
    Column("order_key", Text, nullable=False),  # event conflicts first, then figures, in record order
    Column("codes", Text, nullable=False),  # its countries, comma-joined, for the pair filter
    Column("pair", String(64), nullable=False, default=""),  # the same, distinct and sorted: counted by index
    Column("data", Text, nullable=False),
    # A figure conflict's two figures (first in the record's order): a new report of one figure replaces
    # the conflicts of that figure alone, found by these. Null for event conflicts.
    Column("first", String(24)),
    Column("second", String(24)),
    Index("ix_record_conflicts_scope", "scope"),
    Index("ix_record_conflicts_first", "first"),
    Index("ix_record_conflicts_second", "second"),
    Index("ix_record_conflicts_pair", "pair"),
    Index("ix_record_conflicts_order", "order_key"),
)

# Which documents count as one source (dyad.resolve.sources): documents sharing an author or outlet key
# share a group, named by its smallest document id. Kept at write time; read to count independent sources.
source_keys = Table(
    "record_source_keys",
    metadata,
    _doc_fk(),
    Column("key", Text, nullable=False),
    Index("ix_source_keys_key", "key"),
    Index("ix_source_keys_doc", "doc_id"),
)

source_groups = Table(
    "record_source_groups",
    metadata,
    Column("doc_id", String(16), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("grp", String(16), nullable=False),
    Index("ix_source_groups_grp", "grp"),
)

# -- summaries kept with the record, so that analyses and headlines read a pair's or a name's rows only ----

# What each dated, not planned resolved event or figure adds to the intensity index in each year it covers
# (dyad.weights): one row per item and year (an event with an open end: one row, year null, share 0, so
# that "the pair has conflict events" is still known). Events carry what picks a phase's defining events.
intensity_terms = Table(
    "record_intensity_terms",
    metadata,
    Column("item_id", String(24), nullable=False),
    Column("kind", String(8), nullable=False),  # event, figure
    Column("component", Text, nullable=False),  # the item's component: replaced with it
    Column("scope", String(64), nullable=False),  # event: its pair; figure: the countries it names
    Column("year", Integer),
    Column("dimension", String(32), nullable=False),
    Column("side", String(12), nullable=False),  # cooperation, conflict
    Column("share", Float, nullable=False),
    Column("single", Integer, nullable=False),  # 1: the item's whole weight falls in this one year
    Column("day_start", Date),
    Column("order_key", Text, nullable=False),  # events: whole-record order, for ties
    Index("ix_intensity_terms_defining", "scope", "kind", "side", "single", "year", "share"),
    Index("ix_intensity_terms_component", "kind", "component"),
    Index("ix_intensity_terms_item", "item_id"),
)

# The index per pair (or figure scope), kind, year, dimension and side: the sum of the terms' shares, kept
# exact (a fraction, as text) and moved by what each write changes; ``value`` is the float nearest to it,
# what math.fsum of the shares gives. Intensity and periods read these.
intensity_sums = Table(
    "record_intensity",
    metadata,
    Column("scope", String(64), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("year", Integer, nullable=False),
    Column("dimension", String(32), nullable=False),
    Column("side", String(12), nullable=False),
    Column("value", Float, nullable=False),
    Column("exact", Text, nullable=False),
    Index("ix_intensity_scope", "scope", "kind", "year", "dimension", "side"),
)

# Each named person, organisation, forum or country: its role and country as the latest document read
# them, and how many mentions and documents name it (dyad.resolve.actors), for event headlines.
actor_summary = Table(
    "record_actors",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("value", Text, primary_key=True),
    Column("role", Text),
    Column("country", Text),
    Column("mentions", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
    Index("ix_record_actors_value", "value"),
)

# What each document says of each actor it names: how many mentions, and the role and country its last
# mention giving one reads (since 11). The summaries above are these rows folded in the order of writing,
# so removing a document subtracts its own rows and, where it gave a role or a country, takes the latest
# other document's (an index scan from the newest), instead of reading every mention of the actor again.
actor_documents = Table(
    "record_actor_documents",
    metadata,
    Column("doc_id", String(16), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("value", Text, primary_key=True),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("role", Text),
    Column("country", Text),
    Index("ix_actor_documents_latest", "kind", "value", "ingested_at", "doc_id"),
)
ACTOR_DOCUMENTS_SINCE = 11
# A resolved event's and figure's independent sources in a column since 12: an older store counts them
# when it opens (``dyad.store.record.fill_independent``), in one statement a table.
INDEPENDENT_SINCE = 12

RECORD_TABLES: tuple[Table, ...] = (
    record_conflicts,
    record_events,
    event_links,
    record_figures,
    figure_links,
)
RECORD_TABLES += (intensity_terms, intensity_sums, actor_summary, actor_documents)
