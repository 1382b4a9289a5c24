"""`dyad serve` keeps answering while an ingest writes to its store from another process.

The SQLite store runs in WAL mode (readers never wait for a writer); what could still break a request is a
reader that upgrades to a write (the full-text index rebuilt by a search) or a page built from several
reads that see different states of the store (a document list older than the facts read after it).
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="dyad serve needs fastapi (install the serve dependencies)")
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import text  # noqa: E402

from dyad.ask.search import search_sentences  # noqa: E402
from dyad.export import build_export  # noqa: E402
from dyad.pipeline import ingest  # noqa: E402
from dyad.serve import create_app  # noqa: E402
from dyad.store import Store  # noqa: E402

ASK = "/api/ask?q=When did India and China sign an agreement?"
PATHS = ["/api/stats", "/api/events?limit=5", ASK, "/", "/timeline", "/api/documents", "/api/export"]
# Enough notes that the writer's commits span several requests even when one page is slow to build.
NOTES = 36
NOTE = "India and China signed a border trade agreement in New Delhi on {day} March 2019 (note {n}).\n"


def _copies(folder: Path, n: int) -> list[str]:
    """``n`` small distinct documents, so the ingest commits many times while the requests run."""
    folder.mkdir()
    for i in range(n):
        (folder / f"note{i:02d}.txt").write_text(NOTE.format(day=1 + i % 28, n=i), encoding="utf-8")
    return [str(folder)]


def test_serve_answers_every_request_while_another_process_ingests(
    tmp_path: Path, seeds_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    with Store(url) as store:
        assert ingest(store, [seeds_dir]).ok
    cmd = [sys.executable, "-m", "dyad.cli", "ingest", *_copies(tmp_path / "more", NOTES), "--db", url]
    statuses: list[tuple[str, int, str]] = []
    seen_counts = set()
    with caplog.at_level(logging.WARNING), TestClient(create_app(url), raise_server_exceptions=False) as c:
        proc = subprocess.Popen([*cmd, "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        while proc.poll() is None:
            for path in PATHS:
                response = c.get(path)
                statuses.append((path, response.status_code, response.text[:200]))
                # the size seen after every request, not every sweep: on a loaded machine a sweep of the
                # slower pages can outlast several of the writer's commits
                seen_counts.add(c.get("/api/stats").json()["counts"]["documents"])
        out, err = proc.communicate()
        final = c.get("/api/stats").json()["counts"]["documents"]
    assert proc.returncode == 0, err.decode()
    assert [s for s in statuses if s[1] != 200] == []
    assert not [r.getMessage() for r in caplog.records if "locked" in r.getMessage()]
    assert final == 5 + NOTES
    # The requests really ran beside the writer: they saw the store at two or more sizes on the way
    # (36 commits leave room for that, sizes being read between every two requests; with 12, a slow page
    # could outlast them all).
    assert len(seen_counts - {final}) >= 2, seen_counts


def _hold_write_lock(url: str, locked: threading.Event, release: threading.Event) -> None:
    """Another writer: adds a sentence-bearing document in a transaction held open until ``release``."""
    with Store(url) as other, other.engine.connect() as conn, conn.execution_options(dyad_write=True).begin():
        conn.execute(text("UPDATE documents SET ingested_at = '9999-12-31 writer' WHERE rowid = 1"))
        locked.set()
        release.wait(timeout=30)


def test_a_search_after_an_ingest_rebuilds_its_index_behind_a_busy_writer(
    tmp_path: Path, seeds_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The full-text index is stale and another connection holds the write lock: the search waits for its
    turn and rebuilds, instead of failing with "database is locked" (and falling back to slow ranking)."""
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    locked, release = threading.Event(), threading.Event()
    with Store(url) as store:
        assert ingest(store, [seeds_dir]).ok
        assert search_sentences(store, ["partnership"])  # the index is built
        with store.engine.begin() as conn:  # a later ingest: the index is stale
            conn.execute(text("UPDATE documents SET ingested_at = '9999-12-31' WHERE rowid = 2"))
        writer = threading.Thread(target=_hold_write_lock, args=(url, locked, release))
        writer.start()
        assert locked.wait(timeout=30)
        searcher = threading.Thread(target=lambda: hits.extend(search_sentences(store, ["partnership"])))
        hits: list = []
        with caplog.at_level(logging.WARNING):
            searcher.start()
            searcher.join(timeout=1)  # the search is now waiting for the lock (or done)
            release.set()
            writer.join()
            searcher.join()
    assert hits and not [r.getMessage() for r in caplog.records if "unavailable" in r.getMessage()]


def test_an_export_reads_one_state_of_the_store_while_a_document_is_added(
    store_url: str, seeds_dir: Path, tmp_path: Path
) -> None:
    """A document committed by another connection in the middle of an export is in none of its parts:
    the export's reads share one snapshot (SQLite WAL, PostgreSQL REPEATABLE READ)."""
    note = tmp_path / "note.txt"
    note.write_text(NOTE.format(day=3, n=0), encoding="utf-8")
    with Store(store_url) as store, Store(store_url) as other:
        assert ingest(store, [seeds_dir]).ok
        with store.snapshot():
            before = store.documents()
            assert ingest(other, [note]).added == ["note.txt"]
            data = build_export(store)
            timex_docs = {t["doc"] for t in data["time_expressions"]}
        assert len(store.documents()) == len(before) + 1
    assert {d["doc"] for d in data["documents"]} == {d["name"] for d in before}
    assert "note.txt" not in timex_docs
