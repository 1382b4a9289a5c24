"""Batches: good and bad files together, parallel workers (a crash in the middle of one: test_crash.py)."""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile
from pathlib import Path

import pytest

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
