"""Batches: good and bad files together, parallel workers, and a crash in the middle of an ingest."""

from __future__ import annotations

import gzip
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dyad import pipeline
from dyad.store import Store


def _bad_files(folder: Path) -> dict[str, str]:
    """Write one file of each bad kind; return name → a word its failure reason must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t\n  ")
    (folder / "binary.dat").write_bytes(bytes(range(256)) * 40)
    (folder / "archive.txt").write_bytes(gzip.compress(b"Peru and Russia signed a treaty." * 50))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "Peru and Russia")
    (folder / "bundle.zip").write_bytes(buffer.getvalue())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF")
    (folder / "broken.json").write_bytes(b'{"title": "Peru", "authors": [')
    with open(folder / "huge.txt", "wb") as f:  # sparse: 60 MB on paper, nothing on disk
        f.truncate(60 * 1024 * 1024)
    return {
        "empty.txt": "empty",
        "blank.txt": "blank",
        "binary.dat": "binary",
        "archive.txt": "gzip",
        "bundle.zip": "zip",
        "broken.pdf": "pdf",
        "broken.json": "json",
        "huge.txt": "limit",
    }


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_with_bad_files_stores_the_good_and_lists_the_bad(
    tmp_path: Path, seeds_dir: Path, workers: int, store_url: str
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus / "seeds")
    expected = _bad_files(corpus / "bad")
    with Store(store_url) as store:
        report = pipeline.ingest(store, [corpus], workers=workers)
        assert len(report.added) == 5 and not report.ok
        reasons = {Path(f.path).name: f.reason for f in report.failed}
        assert set(reasons) == set(expected)
        for name, word in expected.items():
            assert word in reasons[name].lower(), reasons[name]
            assert name in reasons[name] and "\n" not in reasons[name] and "Traceback" not in reasons[name]
        assert {Path(e["path"]).name for e in store.errors()} == set(expected)
        assert store.counts()["documents"] == 5
        again = pipeline.ingest(store, [corpus / "seeds"], workers=workers)
        assert again.added == [] and len(again.unchanged) == 5


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        report = pipeline.ingest(store, [tmp_path / "nope.txt"])
    failure = str(tmp_path / "nope.txt"), "cannot read: no such file or directory"
    assert [(f.path, f.reason) for f in report.failed] == [failure]


def test_kill_during_ingest_leaves_no_half_document(tmp_path: Path, seeds_dir: Path) -> None:
    """kill -9 a running `dyad ingest`; every document in the store must be whole."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    base = (seeds_dir / "002_104a4800072aadd7.txt").read_text(encoding="utf-8")
    for i in range(400):  # distinct content, so none is skipped as already stored
        (corpus / f"doc{i:03d}.txt").write_text(f"Copy {i} of a paper.\n\n{base}", encoding="utf-8")
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "dyad.cli", "ingest", str(corpus), "--db", str(db), "--workers", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    engine = create_engine(f"sqlite:///{db}")
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with engine.connect() as conn:
                    stored = conn.execute(text("select count(*) from documents")).scalar_one()
            except Exception:  # tables not created yet
                continue
            if stored >= 5:
                break
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "select d.id, d.n_sentences, count(s.idx) from documents d "
                "left join sentences s on s.doc_id = d.id group by d.id, d.n_sentences"
            )
        ).all()
    engine.dispose()
    assert 5 <= len(rows) < 400
    assert all(n == found for _id, n, found in rows), "a document was stored without all its sentences"
    with Store(f"sqlite:///{db}") as store:  # the store is usable and the batch can resume
        report = pipeline.ingest(store, [corpus], workers=2)
    assert len(report.added) == 400 - len(rows) and report.ok
