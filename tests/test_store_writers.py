"""Several writers on one store (issue 10): every document stored once, whatever the interleaving, and the
merged record whole (issue 12); a server store keeps serving when the server drops its connections."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import QueuePool, text

from dyad import pipeline
from dyad.cli import example_corpus
from dyad.models import ProcessedDocument
from dyad.store import Store
from dyad.store.check import check_store
from dyad.store.record import EventQuery, FigureQuery

WRITERS = 4


@pytest.fixture(scope="module")
def examples() -> list[str]:
    return [str(p) for p in example_corpus("peru-russia") + example_corpus("india-china")]


@pytest.fixture(scope="module")
def processed(examples: list[str]) -> list[ProcessedDocument]:
    docs: list[ProcessedDocument] = []
    for path in examples:
        result = pipeline.process_file(path, pipeline.Options())
        assert isinstance(result, list), result
        docs.extend(result)
    return docs


def test_writers_racing_on_the_same_documents_store_each_once(
    store_url: str, processed: list[ProcessedDocument]
) -> None:
    """Writers in step (a barrier before each document) add the same documents: exactly one stores each,
    the others find it stored; none fails on the primary key or on a busy database."""
    Store(store_url).close()  # the tables exist before the race
    barrier = threading.Barrier(WRITERS)
    added: list[list[str]] = [[] for _ in range(WRITERS)]
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            with Store(store_url) as store:
                for doc in processed:
                    barrier.wait(timeout=60)
                    if store.add(doc):
                        added[i].append(doc.document.id)
        except BaseException as exc:  # reported below: a thread's exception would be lost
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=write, args=(i,)) for i in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    ids = sorted(d for each in added for d in each)
    assert ids == sorted(doc.document.id for doc in processed)
    with Store(store_url) as store:
        counts = store.counts()
    assert counts["documents"] == len(processed)
    assert counts["events"] == sum(len(doc.events) for doc in processed)
    assert counts["sentences"] == sum(len(doc.document.sentences) for doc in processed)


def _ingest_process(url: str, paths: list[str]) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "dyad.cli", "ingest", *paths, "--db", url, "--workers", "1", "--json"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_ingest_processes_on_one_new_store_lose_and_double_nothing(
    store_url: str, examples: list[str], processed: list[ProcessedDocument]
) -> None:
    """Two `dyad ingest` processes start together on a store that does not exist yet, with overlapping
    batches (all files; the same files from the other end plus a repeat): both create the tables without
    error, and every document is added by exactly one of them."""
    first = _ingest_process(store_url, examples)
    second = _ingest_process(store_url, [*reversed(examples), examples[0]])
    reports = []
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    added = sorted(name for report in reports for name in report["added"])
    assert added == sorted(doc.document.name for doc in processed)
    with Store(store_url) as store:
        counts = store.counts()
        names = [d["name"] for d in store.documents()]
    assert sorted(names) == added
    assert counts["events"] == sum(len(doc.events) for doc in processed)
    assert counts["figures"] == sum(len(doc.figures) for doc in processed)
    # The merged record the two built side by side is whole, and is the one resolved from scratch.
    assert check_store(store_url) == []
    with Store(store_url) as store:
        built = _merged(store)
        store.rebuild()
        assert _merged(store) == built


def _merged(store: Store) -> tuple[Any, ...]:
    events = store.events_page(EventQuery(dated=False, order="record"))
    return events, store.figures_page(FigureQuery()), store.conflicts()


@pytest.mark.postgres
@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_a_server_store_pools_connections_and_replaces_dropped_ones(store_url: str) -> None:
    with Store(store_url) as store:
        assert isinstance(store.engine.pool, QueuePool)
        assert store.engine.pool.size() == 10
        assert store.counts()["documents"] == 0  # a pooled connection now exists
        with Store(store_url) as admin, admin.engine.connect() as conn:
            dropped = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalar_one()
        assert dropped >= 1
        assert store.counts()["documents"] == 0  # pre-ping: the dead connection is replaced, not used


def test_processes_opening_one_new_sqlite_store_at_once_all_open_it(tmp_path: Path) -> None:
    """Switching a new SQLite file to write-ahead logging needs the file to itself; a second process
    opening it at that moment was told "database is locked" at once (about 1 open in 13 before the
    retry). Twenty pairs of processes open twenty new stores together: every one opens."""
    opener = "import sys; from dyad.store import Store; Store(sys.argv[1]).close()"
    failures = []
    for i in range(20):
        url = f"sqlite:///{tmp_path}/new{i}.db"
        procs = [
            subprocess.Popen([sys.executable, "-c", opener, url], stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            if proc.returncode != 0:
                failures.append(err.strip().splitlines()[-1])
    assert not failures, failures
