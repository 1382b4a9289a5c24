"""The store on both backends: SQLite always, PostgreSQL when DYAD_TEST_PG_URL is set (as in CI)."""

from __future__ import annotations

import datetime as dt

import pytest

from dyad.clean import clean_document
from dyad.errors import StoreError
from dyad.models import Document, Event, Figure, ProcessedDocument, Source, TimeExpression, TimeValue
from dyad.store import Store


def _processed(
    doc_id: str = "abc123", text: str = "Peru and Russia signed an accord. Trade grew."
) -> ProcessedDocument:
    doc = clean_document(
        Document(
            id=doc_id,
            name=f"{doc_id}.txt",
            path=f"/tmp/{doc_id}.txt",
            format="text",
            kind="news",
            title="Accord",
            authors=["Ana Pérez"],
            raw_text=text,
            size_bytes=len(text),
        )
    )
    year = TimeValue("2008", dt.date(2008, 1, 1), dt.date(2008, 12, 31), "year")
    first = doc.sentences[0]
    source = Source(doc.name, first.text, first.start, first.end)
    return ProcessedDocument(
        document=doc,
        time_expressions=[TimeExpression("2008", 0, 4, year)],
        events=[
            Event("agreement", ("PER", "RUS"), year, "political", "057", 8.0, 1, "occurred", "accord", source)
        ],
        figures=[Figure("export", 1.35e8, "USD", year, "PER", "RUS", "exact", source)],
    )


def test_add_and_read_back(store: Store) -> None:
    assert store.add(_processed())
    [row] = store.documents()
    assert row["title"] == "Accord" and row["authors"] == ["Ana Pérez"] and row["n_sentences"] == 2
    full = store.document("abc123.txt")
    assert [s["text"] for s in full["sentences"]] == ["Peru and Russia signed an accord.", "Trade grew."]
    assert store.counts()["events"] == 1 and store.counts()["figures"] == 1


def test_identical_content_is_a_no_op(store: Store) -> None:
    assert store.add(_processed())
    assert not store.add(_processed())
    assert store.counts()["documents"] == 1 and store.counts()["sentences"] == 2


def test_replace_rewrites_the_document_and_its_facts(store: Store) -> None:
    store.add(_processed())
    assert store.add(_processed(text="Only one sentence here."), replace=True)
    assert store.counts() | {"errors": 0} == {
        "documents": 1,
        "sentences": 1,
        "events": 1,
        "figures": 1,
        "mentions": 0,
        "errors": 0,
    }


def test_document_lookup_by_prefix_and_ambiguity(store: Store) -> None:
    store.add(_processed("aaa111"))
    store.add(_processed("aaa222"))
    assert store.document("aaa1")["id"] == "aaa111"
    with pytest.raises(StoreError, match="2 documents match 'aaa'"):
        store.document("aaa")
    with pytest.raises(StoreError, match="no document matches 'zzz'"):
        store.document("zzz")


def test_errors_keep_the_latest_reason_per_path(store: Store) -> None:
    store.record_error("/x/a.bin", "a.bin: binary data")
    store.record_error("/x/a.bin", "a.bin: still binary")
    store.record_error("/x/b.gz", "b.gz: gzip-compressed data")
    assert [(e["path"], e["reason"]) for e in store.errors()] == [
        ("/x/a.bin", "a.bin: still binary"),
        ("/x/b.gz", "b.gz: gzip-compressed data"),
    ]
    store.clear_errors(["/x/a.bin"])
    assert [e["path"] for e in store.errors()] == ["/x/b.gz"]


def test_failed_write_leaves_nothing_behind(store: Store) -> None:
    bad = _processed()
    bad.figures[0].kind = "x" * 1000  # longer than the column allows on PostgreSQL; SQLite: see below
    bad.events[0].participants = ("PER", "RUS")
    bad.document.sentences.append(bad.document.sentences[0])  # duplicate (doc_id, idx): fails on both
    with pytest.raises(StoreError):
        store.add(bad)
    assert store.counts()["documents"] == 0 and store.counts()["sentences"] == 0


def test_unreachable_store_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")


def test_warm_reads_every_index_of_the_record_and_the_rows_of_its_pages(store: Store) -> None:
    """`dyad serve` warms a SQLite store when it starts (Store.warm): every index of the record's tables is
    read (a statement a renamed or dropped index would make fail), then the events' and figures' rows; a
    server store keeps its own cache and is left alone; past its time nothing more is read."""
    from sqlalchemy import text

    from dyad.store.store import WARM_ROWS

    store.add(_processed())
    if store.backend != "sqlite":
        assert store.warm() == 0
        return
    with store.engine.connect() as conn:
        indexes = conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'record%'")
        ).scalar()
    assert indexes and indexes >= 20
    assert store.warm() == indexes + len(WARM_ROWS)
    assert store.warm(seconds=-1) == 0
