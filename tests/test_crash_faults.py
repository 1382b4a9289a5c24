"""Faults under a running ingest: a full disk, a read-only store, the PostgreSQL server restarted mid-batch.
Each gives one clear line (no traceback), leaves the store consistent (`dyad check`) with nothing
half-written, and a rerun, once the fault is gone, stores every document exactly once."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dyad import pipeline
from dyad.cli import example_corpus
from dyad.store import Store
from dyad.store.check import check_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import crash_ingest  # noqa: E402  (its child: `dyad ingest` that can pause inside a write)

PGBIN = Path("/usr/lib/postgresql/15/bin")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "corpus"
    folder.mkdir()
    for path in example_corpus("peru-russia"):  # 0.6 MB of store: more than the small disk holds
        shutil.copy(path, folder)
    return folder


def _ingest_here(corpus: Path, url: str) -> pipeline.IngestReport:
    """Set-up and reruns ingest in this process (quicker); the faulted ingest runs the real command."""
    with Store(url) as store:
        return pipeline.ingest(store, [corpus])


def _ingest(corpus: Path, url: str, workers: int = 1) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "dyad.cli", "ingest", str(corpus), "--db", url, "--workers", str(workers)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def _one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    assert words in result.stderr, result.stderr


def _names(url: str) -> list[str]:
    with Store(url) as store:
        return sorted(d["name"] for d in store.documents())


def _mount_or_skip(folder: Path, options: str) -> None:
    """A tmpfs at ``folder`` (root only); a container without the right to mount skips the test."""
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot mount a tmpfs here: {exc}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 450 kB file system (tmpfs): room for an empty store (about 300 kB of tables and indexes) but not
    for the corpus (about 600 kB); unmounted afterwards, skipped where nothing can be mounted."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a size-limited file system needs root (CI runs as root)")
    _mount_or_skip(folder, "size=450k")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_stops_the_batch_with_one_line_and_a_rerun_finishes(
    small_disk: Path, corpus: Path
) -> None:
    url = f"sqlite:///{small_disk / 'store.db'}"
    result = _ingest(corpus, url)
    _one_line_error(result, "the disk is full")
    stored = _names(url)
    assert len(stored) < len(list(corpus.iterdir())), "the disk was not small enough to fill"
    assert check_store(url) == []
    subprocess.run(["mount", "-o", "remount,size=20m", str(small_disk)], check=True)
    assert len(_ingest_here(corpus, url).added) == len(list(corpus.iterdir())) - len(stored)
    assert check_store(url) == []
    assert _names(url) == sorted(p.name for p in corpus.iterdir())


@pytest.fixture
def read_only_store(tmp_path: Path, corpus: Path) -> Iterator[tuple[str, Path]]:
    """A store of some of the corpus, then made unwritable by its file's mode (or, for root, whom modes do
    not stop, by remounting its file system read-only)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    root = os.geteuid() == 0
    if root:
        _mount_or_skip(folder, "size=20m")
    db = folder / "store.db"
    first = tmp_path / "first"
    first.mkdir()
    for path in sorted(corpus.iterdir())[:2]:
        shutil.copy(path, first)
    assert _ingest_here(first, f"sqlite:///{db}").ok
    if root:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        db.chmod(0o444)
        folder.chmod(0o555)
    try:
        yield f"sqlite:///{db}", first
    finally:
        if root:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        else:
            folder.chmod(0o755)
            db.chmod(0o644)


def test_a_read_only_file_is_read_not_written(read_only_store: tuple[str, Path], corpus: Path) -> None:
    """Reads and `dyad check` work; an ingest (with the pool) refuses in one line and writes nothing."""
    url, first = read_only_store
    before = _names(url)
    assert before == sorted(p.name for p in first.iterdir())
    _one_line_error(_ingest(corpus, url, workers=2), "the store is read-only")
    assert _names(url) == before
    assert check_store(url) == []


def test_a_store_opened_with_mode_ro_is_not_written(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "store.db"
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(next(corpus.iterdir()), first)
    assert _ingest_here(first, f"sqlite:///{db}").ok
    more = tmp_path / "more"
    more.mkdir()
    (more / "new.txt").write_text("Peru and Russia signed a treaty on 3 May 2001 in Lima.", encoding="utf-8")
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    _one_line_error(_ingest(more, url), "the store is read-only")
    assert check_store(url) == []
    assert "new.txt" not in _names(url)
    assert _ingest_here(more, f"sqlite:///{db}").added == ["new.txt"]  # writable: the rerun finishes
    assert "new.txt" in _names(f"sqlite:///{db}")


class Server:
    """A throwaway PostgreSQL cluster of our own, on a free port: the tests restart it."""

    def __init__(self, folder: Path) -> None:
        self.data = folder / "pgdata"
        self.data.mkdir()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
            shutil.chown(self.data, "postgres")
        self._as_owner(f"{PGBIN}/initdb -D {self.data} -A trust -U postgres")
        self.pg_ctl("start")
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _as_owner(self, command: str) -> None:
        cmd = (
            ["su", "postgres", "-s", "/bin/sh", "-c", command] if os.geteuid() == 0 else ["sh", "-c", command]
        )
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)

    def pg_ctl(self, action: str, mode: str = "fast") -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = self.data / "server.log"
        self._as_owner(f"{PGBIN}/pg_ctl -D {self.data} -l {log} -w -m {mode} -o '{options}' {action}")


@pytest.fixture
def server() -> Iterator[Server]:
    if not (PGBIN / "initdb").exists():
        pytest.skip(f"no PostgreSQL server binaries in {PGBIN}")
    folder = Path(tempfile.mkdtemp(prefix="dyad-test-pg-"))  # pytest's temp folders are closed to others
    try:
        found = Server(folder)
        try:
            yield found
        finally:
            found.pg_ctl("stop", mode="immediate")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents")).scalar_one())
    except Exception:  # the tables are not there yet, or the server is down
        return 0
    finally:
        engine.dispose()


def test_postgres_restarted_between_documents(server: Server, corpus: Path) -> None:
    """The server restarts (fast: open transactions are cut) during a batch, most likely while a document
    is being read: the ingest goes on (a connection dropped between documents is replaced) or, if the
    restart cut a write, stops with one line; either way the store is consistent and a rerun finishes."""
    cmd = [sys.executable, "-m", "dyad.cli", "ingest", str(corpus), "--db", server.url, "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _stored(server.url) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before the server could be restarted"
    server.pg_ctl("restart")
    _, err = proc.communicate(timeout=300)
    if proc.returncode:
        assert proc.returncode == 2 and err.count("\n") == 1, err
        assert "the database server went away" in err, err
    assert "Traceback" not in err
    assert check_store(server.url) == []
    before = _stored(server.url)
    assert len(_ingest_here(corpus, server.url).added) == len(list(corpus.iterdir())) - before
    assert check_store(server.url) == []
    assert _names(server.url) == sorted(p.name for p in corpus.iterdir())


def test_postgres_restarted_inside_a_write(server: Server, corpus: Path, tmp_path: Path) -> None:
    """The server restarts while a document's write transaction is open (the ingest is paused inside it):
    the ingest stops with one line, the document is not half-written, and a rerun stores each document
    once."""
    pause = tmp_path / "paused"
    env = {**os.environ, crash_ingest.PAUSE_ON: "INSERT INTO sentences", crash_ingest.PAUSE_FILE: str(pause)}
    command = crash_ingest.ingest_command(corpus, server.url, 1)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    while not pause.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pause.exists(), proc.communicate()[1]
    server.pg_ctl("restart")
    pause.unlink()
    _, err = proc.communicate(timeout=300)
    _one_line_error(
        subprocess.CompletedProcess(command, proc.returncode, "", err), "the database server went away"
    )
    assert _stored(server.url) == 0  # the first document's write was cut: none of it is stored
    assert check_store(server.url) == []
    assert _ingest_here(corpus, server.url).added == sorted(p.name for p in corpus.iterdir())
    assert check_store(server.url) == []
