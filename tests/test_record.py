"""The record resolved at write time equals whole-record resolution, however the documents arrive.

Every test corpus is written document by document (in three orders), then a document is removed, put
back and replaced; after each step the stored record (``query.record``: events, figures, conflicts, with
headlines and independent sources) must be exactly what ``dyad.resolve.resolve`` makes of the whole
store, and the listings must read the same pages a filter over that record gives.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text, update

from conftest import CORPORA
from dyad import analyze, query
from dyad.clean import clean_document
from dyad.edtf import parse_edtf
from dyad.models import DIMENSIONS, Document, Event, ProcessedDocument, Source, TimeValue
from dyad.report.context import build_data, build_overview, chart_trade
from dyad.resolve import resolve
from dyad.resolve.actors import list_actors
from dyad.store import Store, record, schema

Processed = Callable[[str], list[ProcessedDocument]]


def _plain(items: Any) -> Any:
    return json.loads(json.dumps(items, default=str))


def assert_same_record(store: Store, *, summaries: bool = True) -> None:
    whole, stored = resolve(store), query.record(store)
    assert _plain(stored.events) == _plain(whole.events)
    assert _plain(stored.figures) == _plain(whole.figures)
    assert _plain(stored.conflicts) == _plain(whole.conflicts)
    if summaries:
        assert_same_summaries(store, whole)
        assert_same_actors(store)


def assert_same_actors(store: Store) -> None:
    """The actors' summaries kept at write time (and moved by removals) are the fold of every mention in
    the order of writing: role, country and how many mentions and documents name each."""
    expected = {
        (a["kind"], a["name"]): (a["role"], a["country"], a["mentions"], a["documents"])
        for a in list_actors(store.mentions(), latest=True)
    }
    assert _actors(store) == expected


def _actors(store: Store) -> dict[tuple[str, str], tuple[Any, ...]]:
    a = schema.actor_summary
    with store.engine.connect() as conn:
        rows = conn.execute(select(a.c.kind, a.c.value, a.c.role, a.c.country, a.c.mentions, a.c.documents))
        return {(kind, value): tuple(rest) for kind, value, *rest in rows}


def _actor_documents(store: Store) -> set[tuple[Any, ...]]:
    ad = schema.actor_documents
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(ad.c.doc_id, ad.c.kind, ad.c.value, ad.c.mentions, ad.c.role, ad.c.country)
        )
        return {tuple(r) for r in rows}


def test_removing_and_adding_again_gives_the_actors_of_a_fresh_build(
    processed: Processed, store: Store
) -> None:
    """A removal subtracts the document's own readings from its actors: where the latest document gave the
    role or country, the one before it gives it again; put back, the document is the latest again, and the
    summaries are those a build of the whole store in that order gives (``rebuild``)."""
    docs = processed("seeds")
    for doc in docs:
        store.add(doc)
    before = _actors(store)
    latest = docs[-1]
    store.remove(latest.document.id)
    assert_same_actors(store)
    changed = {k for k, v in _actors(store).items() if before.get(k, v)[:2] != v[:2]}
    assert changed  # the removed document gave an actor (Vladimir Putin) the role it had
    store.add(latest)
    assert _actors(store) == before
    written, readings = _actors(store), _actor_documents(store)
    store.rebuild()
    assert _actors(store) == written and _actor_documents(store) == readings
    assert_same_actors(store)


def test_a_store_of_version_10_gets_each_documents_actors_when_opened(
    processed: Processed, store_url: str
) -> None:
    """Version 10 kept the actors' summaries but not each document's readings: opened, one statement reads
    them from the mentions (the JSON of each backend), the same the write path keeps, and a removal then
    moves the summaries as in a store written today."""
    docs = processed("example_ind_chn")
    with Store(store_url) as store:
        for doc in docs:
            store.add(doc)
        written = _actor_documents(store)
    with Store(store_url) as store, store.engine.begin() as conn:
        conn.execute(text(f"DROP TABLE {schema.actor_documents.name}"))
        conn.execute(update(schema.meta).where(schema.meta.c.key == "schema").values(value="10"))
    with Store(store_url) as store:
        assert _actor_documents(store) == written
        store.remove(docs[-1].document.id)
        assert_same_actors(store)
        assert_same_record(store, summaries=False)


def test_a_store_of_version_11_counts_independent_sources_when_opened(
    processed: Processed, store_url: str
) -> None:
    """Version 11 counted a resolved item's independent sources at each read: opened, one statement a
    table counts them into the rows, and later writes keep them."""
    first, *rest = processed("seeds")
    with Store(store_url) as store:
        store.add(first)
        store.add(rest[0])
    with Store(store_url) as store, store.engine.begin() as conn:
        for table in (schema.record_events, schema.record_figures):
            conn.execute(text(f"ALTER TABLE {table.name} DROP COLUMN independent_sources"))
        conn.execute(update(schema.meta).where(schema.meta.c.key == "schema").values(value="11"))
    with Store(store_url) as store:
        with store.engine.connect() as conn:
            counted = conn.execute(select(schema.record_events.c.independent_sources)).scalars().all()
        assert counted and min(counted) >= 1
        assert_same_record(store, summaries=False)
        for doc in rest[1:]:
            store.add(doc)
        assert_same_record(store, summaries=False)


def assert_same_summaries(store: Store, whole: Any) -> None:
    """The per-pair summaries kept at write time give the analyses of the whole record: intensity (by year
    and decade, per dimension), periods with their defining events, for every pair and for all pairs."""
    pairs = {tuple(sorted(set(e["participants"]))) for e in whole.events} | {()}
    for pair in pairs:
        for by in ("year", "decade"):
            assert query.intensity(store, by=by, dyad=pair) == analyze.intensity(whole, by=by, dyad=pair)
        for dimension in DIMENSIONS:
            expected = analyze.intensity(whole, dyad=pair, dimension=dimension)
            assert query.intensity(store, dyad=pair, dimension=dimension) == expected
        assert query.periods(store, dyad=pair) == analyze.periods(whole, dyad=pair)
    assert_same_overview(store, whole, query.main_pair(store)[0])


def assert_same_overview(store: Store, whole: Any, pair: tuple[str, ...]) -> None:
    """The dashboard's overview, read from summaries and indexes, shows what the report's data (built from
    the whole record) shows."""
    overview, data = build_overview(store, pair), build_data(whole, pair)
    assert overview.document_count == len(data.documents)
    assert overview.documents == data.documents[: len(overview.documents)]
    assert overview.dated_count == data.dated_count
    assert overview.undated_count == len(data.undated)
    assert overview.figure_count == len(data.figures)
    assert overview.conflict_count == len(data.conflicts)
    for field in ("pair", "kinds", "span", "periods", "intensity_decades", "intensity_years"):
        assert getattr(overview, field) == getattr(data, field), field
    uncited = [
        [{k: v for k, v in f.items() if k != "citations"} for f in x] for x in (overview.trade, data.trade)
    ]
    assert uncited[0] == chart_trade(uncited[1])  # the chart shows no citations, so the overview numbers none


def _most_shared(docs: list[ProcessedDocument]) -> ProcessedDocument:
    """The document with most events: removing it touches the most clusters."""
    return max(docs, key=lambda d: (len(d.events), d.document.id))


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_stored_record_equals_whole_record_resolution(
    name: str, processed: Processed, tmp_path: Path
) -> None:
    docs = processed(name)
    orders = {
        "as listed": docs,
        "reversed": docs[::-1],
        "shuffled": random.Random(name).sample(docs, len(docs)),
    }
    for label, order in orders.items():
        with Store(f"sqlite:///{tmp_path / label}.db") as store:
            for i, doc in enumerate(order):
                store.add(doc)
                if label == "shuffled" or i == len(order) - 1:  # every step once, the end always
                    # the summaries every third step: comparing them costs more than the record
                    assert_same_record(store, summaries=i % 3 == 0 or i == len(order) - 1)
    with Store(f"sqlite:///{tmp_path / 'as listed'}.db") as store:
        removed = _most_shared(docs)
        store.remove(removed.document.id)
        assert_same_record(store)
        store.add(removed)
        assert_same_record(store)
        assert store.add(docs[0], replace=True)
        assert_same_record(store)
        before = _plain(query.record(store).events)
        store.rebuild()
        assert _plain(query.record(store).events) == before
        assert_same_record(store)  # and the summaries, built again


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_documents_written_in_batches_give_the_same_record(
    name: str, processed: Processed, tmp_path: Path
) -> None:
    """``Store.add_many`` resolves a batch once: batches of a few documents, in a shuffled order (one
    document twice, one already stored), make the record whole-record resolution makes, and so the one
    adding them one by one makes (above)."""
    docs = random.Random(name + "batches").sample(processed(name), len(processed(name)))
    with Store(f"sqlite:///{tmp_path / 'batches'}.db") as store:
        store.add(docs[0])
        added = []
        for i in range(0, len(docs), 4):
            batch = docs[i : i + 4]
            added += store.add_many([*batch, batch[-1]])
            if i % 8 == 4 or i + 4 >= len(docs):  # every other batch, after the first joins the store's
                assert_same_record(store, summaries=i + 4 >= len(docs))
        assert added == [d.document.id for d in docs[1:]]
        assert store.counts()["documents"] == len(docs)


def test_a_rebuild_streams_the_record_in_batches_of_whole_clusters(
    processed: Processed, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``rebuild`` reads the mentions by type, pair and status (figures by quantity) in batches of whole
    groups, holding a batch, not the store: with batches of a few mentions, the record is the same."""
    for doc in processed("example_ind_chn"):
        store.add(doc)
    before = _plain(query.record(store).events)
    monkeypatch.setattr(record, "_REBUILD_ROWS", 3)
    store.rebuild()
    assert _plain(query.record(store).events) == before
    assert_same_record(store)


@pytest.mark.parametrize("name", ["seeds", "example_ind_chn"])
def test_a_batch_on_both_backends(name: str, processed: Processed, store: Store) -> None:
    docs = processed(name)
    store.add_many(docs[1::2])
    store.add_many(docs[::2])
    assert_same_record(store)


@pytest.mark.parametrize("name", ["seeds", "example_ind_chn"])
def test_stored_record_on_both_backends(name: str, processed: Processed, store: Store) -> None:
    docs = processed(name)
    for doc in docs[::-1]:
        store.add(doc)
    assert_same_record(store)
    store.remove(_most_shared(docs).document.name)
    assert_same_record(store)


def test_a_store_of_the_previous_version_gets_its_record_when_opened(
    processed: Processed, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store:
        for doc in processed("seeds"):
            store.add(doc)
        expected = _plain(resolve(store).events)
    # What a store written before the record was stored looks like: no record tables, an older version.
    with Store(url) as store, store.engine.begin() as conn:
        for table in (*schema.RECORD_TABLES, schema.source_keys, schema.source_groups):
            conn.execute(text(f"DROP TABLE {table.name}"))
        old = str(schema.RECORD_SINCE - 1)
        conn.execute(update(schema.meta).where(schema.meta.c.key == "schema").values(value=old))
    with Store(url) as store:
        assert _plain(query.record(store).events) == expected
        assert store.record_counts()["events"] == len(expected) > 0
        assert_same_record(store)


def test_a_store_of_version_4_gets_its_summaries_when_opened(processed: Processed, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v4.db'}"
    with Store(url) as store:
        for doc in processed("example_ind_chn"):
            store.add(doc)
    # Version 4 kept the record but no summaries, and its conflicts had no pair column.
    with Store(url) as store, store.engine.begin() as conn:
        for table in (schema.intensity_terms, schema.intensity_sums, schema.actor_summary):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(text("DROP INDEX ix_record_conflicts_pair"))
        conn.execute(text("ALTER TABLE record_conflicts DROP COLUMN pair"))
        conn.execute(update(schema.meta).where(schema.meta.c.key == "schema").values(value="4"))
    with Store(url) as store:
        assert_same_record(store)


def test_a_store_of_version_9_marks_its_short_mentions_and_adds_as_before(
    processed: Processed, tmp_path: Path
) -> None:
    """Version 9 had no long_span on the links: opened, the short ones are marked (the column's default,
    long, is right but slow to search), the old index goes, and a document added later joins the same
    events as in a store written today."""
    url = f"sqlite:///{tmp_path / 'v9.db'}"
    first, *rest = processed("heldout")
    with Store(url) as store:
        store.add(first)
    with Store(url) as store, store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_event_links_span"))
        conn.execute(text("ALTER TABLE record_event_links DROP COLUMN long_span"))
        old_index = "ix_event_links_near ON record_event_links (type, participants, status, day_start)"
        conn.execute(text(f"CREATE INDEX {old_index}"))
        conn.execute(update(schema.meta).where(schema.meta.c.key == "schema").values(value="9"))
    with Store(url) as store:
        links = schema.event_links
        with store.engine.connect() as conn:
            marks = conn.execute(select(links.c.day_start, links.c.day_end, links.c.long_span)).all()
            indexes = {i["name"] for i in inspect(conn).get_indexes(links.name)}
        assert marks and {m for *_, m in marks} == {0, 1}
        assert all(m == record.long_span(s, e) for s, e, m in marks)
        assert "ix_event_links_near" not in indexes and "ix_event_links_span" in indexes
        for doc in rest:
            store.add(doc)
        assert_same_record(store)


def test_removing_a_document_keeps_what_others_said(processed: Processed, store: Store) -> None:
    for doc in processed("seeds"):
        store.add(doc)
    [declaration] = [e for e in query.events(store, types=("agreement",)) if e["date"] == "2015-11"]
    assert declaration["source_count"] == 2
    store.remove("003_1fdc36ad657d76f1.txt")
    [alone] = [e for e in query.events(store, types=("agreement",)) if (e["date"] or "").startswith("2015")]
    assert {s["doc"] for s in alone["sources"]} == {"002_104a4800072aadd7.txt"}
    assert alone["source_count"] == alone["independent_sources"] == 1


# -- listings read the same pages as a filter over the whole record --------------------------------------


def _within(date: str | None, lo: dt.date | None, hi: dt.date | None) -> bool:
    """The date filter listings have always applied: overlaps [lo, hi]; undated only without bounds."""
    if not date:
        return not (lo or hi)
    value = parse_edtf(date)
    end = value.end or value.start
    return not (lo and end and end < lo) and not (hi and value.start and value.start > hi)


def _expected_events(store: Store, **f: Any) -> list[dict[str, Any]]:
    lo, hi = query.date_bounds(f.get("date_from"), f.get("date_to"))
    pair, types = set(f.get("dyad", ())), f.get("types", ())
    return [
        query.event_view(e)
        for e in sorted(resolve(store).events, key=lambda e: (str(e["day_start"] or "9999"), e["type"]))
        if (f.get("include_undated") or e["date_edtf"])
        and (not pair or set(e["participants"]) == pair)
        and (not types or e["type"] in types)
        and (not f.get("dimension") or e["dimension"] == f["dimension"])
        and e["source_count"] >= f.get("min_sources", 0)
        and _within(e["date_edtf"], lo, hi)
    ]


FILTERS: list[dict[str, Any]] = [
    {},
    {"include_undated": True},
    {"dyad": ("CHN", "IND")},
    {"dyad": ("CHN", "IND"), "types": ("agreement", "visit")},
    {"date_from": "2015", "date_to": "2020-06"},
    {"dyad": ("CHN", "IND"), "date_from": "2020-06-15"},
    {"dimension": "military", "include_undated": True},
    {"min_sources": 2},
]


@pytest.fixture(scope="module")
def india_china(processed: Processed, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('record') / 'ic.db'}")
    for doc in processed("example_ind_chn") + processed("blind_d1"):
        store.add(doc)
    return store


@pytest.mark.parametrize("filters", FILTERS, ids=[json.dumps(f) for f in FILTERS])
def test_event_pages_are_the_filtered_record(india_china: Store, filters: dict[str, Any]) -> None:
    expected = _expected_events(india_china, **filters)
    assert query.events(india_china, **filters) == expected
    page = query.events_page(india_china, **filters, limit=3, offset=2)
    assert page.total == len(expected) and page.items == expected[2:5]


def test_timeline_pages_are_the_whole_timeline(india_china: Store) -> None:
    pair = ("CHN", "IND")
    whole = analyze.timeline(resolve(india_china), dyad=pair, date_from=dt.date(2000, 1, 1))
    flat = [{"decade": g["decade"], **e} for g in whole for e in g["events"]]
    page = query.timeline_page(india_china, dyad=pair, date_from="2000", limit=4, offset=1)
    assert page.total == len(flat) > 5 and page.items == flat[1:5]
    assert analyze.by_decade(query.timeline_page(india_china, dyad=pair, date_from="2000").items) == whole


def test_figure_pages_and_series_are_the_filtered_record(india_china: Store) -> None:
    pair = ("CHN", "IND")
    whole = resolve(india_china)
    expected = [
        query.figure_view(f)
        for f in whole.figures
        if {f["from_code"], f["to_code"]} <= {*pair, None} and f["kind"] in ("export", "trade_total")
    ]
    page = query.figures_page(india_china, dyad=pair, kinds=("export", "trade_total"), limit=2, offset=1)
    assert page.total == len(expected) > 2 and page.items == expected[1:3]
    assert query.series(india_china, kind="trade_total", dyad=pair) == analyze.series(
        whole, kind="trade_total", dyad=pair
    )


def test_events_of_one_document(india_china: Store) -> None:
    doc = india_china.documents()[0]
    mine = query.events(india_china, doc_id=doc["id"], include_undated=True)
    everything = _expected_events(india_china, include_undated=True)
    assert mine == [e for e in everything if any(s["doc"] == doc["name"] for s in e["sources"])] != []


def _report(doc_id: str, author: str, outlet: str, kind: str = "agreement") -> ProcessedDocument:
    """A one-sentence story of the 2008 Peru–Russia accord (or an event of another ``kind``), by
    ``author`` for ``outlet``."""
    text = f"Peru and Russia signed an accord, {outlet} reported."
    doc = clean_document(
        Document(doc_id, f"{doc_id}.txt", f"/tmp/{doc_id}.txt", "text", "news", authors=[author],
                 publisher=outlet, raw_text=text, size_bytes=len(text))
    )  # fmt: skip
    year = TimeValue("2008", dt.date(2008, 1, 1), dt.date(2008, 12, 31), "year")
    s = doc.sentences[0]
    source = Source(doc.name, s.text, s.start, s.end)
    accord = Event(kind, ("PER", "RUS"), year, "political", "057", 8.0, 1, "occurred", "accord", source)
    return ProcessedDocument(document=doc, events=[accord])


def test_independent_sources_follow_shared_authors_and_outlets(store: Store) -> None:
    store.add(_report("a1", "Ana Pérez", "El Comercio"))
    store.add(_report("b2", "Ivan Petrov", "TASS"))
    [accord] = query.events(store)
    assert (accord["source_count"], accord["independent_sources"]) == (2, 2)
    store.add(_report("c3", "Ana Pérez", "TASS"))  # shares an author with a1 and an outlet with b2
    [accord] = query.events(store)
    assert (accord["source_count"], accord["independent_sources"]) == (3, 1)
    store.remove("c3")  # what only it joined falls apart again
    [accord] = query.events(store)
    assert (accord["source_count"], accord["independent_sources"]) == (2, 2)
    assert_same_record(store)


def test_a_document_others_share_every_source_with_leaves_its_group_whole(store: Store) -> None:
    """Removing a document whose author and outlet another document shares too (most news) keeps its group
    without re-forming it, and when it was the group's label (its least member), the next least is."""
    store.add(_report("a0", "Ana Pérez", "TASS"))
    store.add(_report("b1", "Ana Pérez", "TASS"))  # holds both of a0's keys: a0 joins nothing alone
    store.add(_report("c2", "Ivan Petrov", "TASS"))
    store.add(_report("d3", "Luis Soto", "El Comercio"))
    store.remove("a0")
    groups = {r["doc_id"]: r["grp"] for r in store.rows(schema.source_groups.name)}
    assert groups == {"b1": "b1", "c2": "b1", "d3": "d3"}
    [accord] = query.events(store)
    assert (accord["source_count"], accord["independent_sources"]) == (3, 2)
    assert_same_record(store)
    store.add(_report("e4", "Luis Soto", "TASS"))  # the two groups become one
    store.remove("b1")  # the keys it leaves (Ana Pérez's is nobody's now; TASS) are one group
    [accord] = query.events(store)
    assert (accord["source_count"], accord["independent_sources"]) == (3, 1)
    assert_same_record(store)


def test_a_document_that_joins_two_sources_reweighs_what_they_reported(store: Store) -> None:
    """A new document by an author of one outlet for another makes the two one source: the events they
    reported weigh less in the intensity index though the new document does not report them."""
    store.add(_report("a1", "Ana Pérez", "El Comercio"))
    store.add(_report("b2", "Ivan Petrov", "TASS"))
    before = query.intensity(store, dyad=("PER", "RUS"))
    store.add(_report("c3", "Ana Pérez", "TASS", kind="statement"))  # joins a1 and b2, reports no accord
    after = query.intensity(store, dyad=("PER", "RUS"))
    assert after[0]["total"] < before[0]["total"] + 1.0  # the accord's two sources count as one now
    assert_same_record(store)
    store.remove("c3")
    assert query.intensity(store, dyad=("PER", "RUS")) == before
    assert_same_record(store)


def test_source_groups_fall_apart_as_sets_that_share_a_member() -> None:
    """Removing a document re-forms its source group from the sets of documents that share a key: sets
    that share a member, merged until none do (checked against merging pair by pair, on random sets)."""
    rng = random.Random(7)
    for _ in range(50):
        sets = [
            {f"d{rng.randrange(40)}" for _ in range(rng.randrange(1, 4))} for _ in range(rng.randrange(30))
        ]
        expected: list[set[str]] = []
        for s in sets:
            joined = set(s)
            for other in [m for m in expected if m & joined]:
                joined |= other
                expected.remove(other)
            expected.append(joined)
        assert sorted(map(sorted, record._merge_sets(sets))) == sorted(map(sorted, expected))
