"""kill -9 in the middle of `dyad ingest` (the CI version of bench/crash_ingest.py): on each backend, with one
worker and with the pool, the killed store passes `dyad check`, and a rerun stores every document exactly once
with the same merged record as a clean ingest of the same files."""

from __future__ import annotations

import itertools
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, text

from dyad import pipeline
from dyad.cli import example_corpus
from dyad.store import Store
from dyad.store.check import check_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import crash_ingest  # noqa: E402  (the campaign's harness: its child process, snapshot and comparison)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six documents of two pairs (events merged across documents, value conflicts) and one bad file."""
    folder = tmp_path_factory.mktemp("crash") / "corpus"
    folder.mkdir()
    for path in [*example_corpus("peru-russia")[:3], *example_corpus("india-china")[:3]]:
        shutil.copy(path, folder)
    (folder / "empty.txt").write_bytes(b"")
    return folder


_CLEAN: dict[str, tuple[dict[str, Any], int]] = {}  # backend → clean, made once per module


@pytest.fixture
def clean(store_url: str, corpus: Path, tmp_path: Path) -> tuple[dict[str, Any], int]:
    """A clean ingest of the corpus on this backend (into a store of its own): its snapshot and how many
    SQL statements it ran, the range a kill is drawn from."""
    backend = store_url.split(":")[0]
    if backend not in _CLEAN:
        _CLEAN[backend] = _clean_ingest(store_url, corpus, tmp_path)
    return _CLEAN[backend]


def _clean_ingest(store_url: str, corpus: Path, tmp_path: Path) -> tuple[dict[str, Any], int]:
    url = store_url if store_url.startswith("postgresql") else f"sqlite:///{tmp_path / 'clean.db'}"
    seen = itertools.count()
    listener = lambda *_: next(seen)  # noqa: E731
    event.listen(Engine, "before_cursor_execute", listener)
    try:
        with Store(url) as store:
            pipeline.ingest(store, [corpus])
    finally:
        event.remove(Engine, "before_cursor_execute", listener)
    statements = next(seen)
    reference = crash_ingest.snapshot(url)
    if url == store_url:  # PostgreSQL: the same database serves the crash after this
        _drop_all(url)
    return reference, statements


def _drop_all(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _stored(url: str) -> int:
    return len(crash_ingest.snapshot(url).get("documents", []))


def _kill_after_documents(corpus: Path, url: str, workers: int, documents: int) -> crash_ingest.Run:
    """The old kill test's way: from outside, once the store holds ``documents`` documents."""
    deadline = time.monotonic() + 120
    start = time.perf_counter()
    proc = subprocess.Popen(
        crash_ingest.ingest_command(corpus, url, workers),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                if _stored(url) >= documents:
                    break
            except Exception:  # the tables are being created
                continue
        assert proc.poll() is None, "ingest finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        crash_ingest._kill_group(proc.pid)
    return crash_ingest.Run(True, time.perf_counter() - start)


@pytest.mark.parametrize(("workers", "how"), [(1, "statement"), (2, "signal")])
def test_kill_9_mid_ingest_then_rerun_stores_each_document_once(
    store_url: str, corpus: Path, clean: tuple[dict[str, Any], int], workers: int, how: str
) -> None:
    reference, statements = clean
    rng = random.Random(f"{store_url.split(':')[0]}-{workers}-{how}")  # the same points on every run
    if how == "statement":  # before a random SQL statement: most of them are inside a document's write
        run = crash_ingest.run_ingest(corpus, store_url, workers, at=rng.randint(1, statements))
    else:  # from outside, once some but not all documents are stored
        run = _kill_after_documents(corpus, store_url, workers, rng.randint(1, 3))
    assert run.killed
    if not crash_ingest.is_empty(store_url):
        assert check_store(store_url) == []
    before = _stored(store_url)
    with Store(store_url) as store:  # one worker: the rerun needs no pool to prove the store resumable
        report = pipeline.ingest(store, [corpus])
    assert len(report.added) == len(reference["documents"]) - before
    assert [f.path for f in report.failed] == [str(corpus / "empty.txt")]
    assert check_store(store_url) == []
    assert crash_ingest.differences(crash_ingest.snapshot(store_url), reference) == []


def _children(pid: int) -> list[int]:
    """Live processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, ppid = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        if int(ppid) == pid and state != "Z":
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_pool_workers_exit_when_their_ingest_is_killed(tmp_path: Path, corpus: Path) -> None:
    """kill -9 of the ingest alone (as the OOM killer does): its pool's workers do not live on."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("reads processes from /proc")
    db = tmp_path / "store.db"
    cmd = [sys.executable, "-m", "dyad.cli", "ingest", str(corpus), "--db", str(db), "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            workers = _children(proc.pid)
        assert proc.poll() is None, "the ingest finished before its workers were seen"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 60
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "pool workers outlived their killed ingest"
    finally:
        crash_ingest._kill_group(proc.pid)
