"""Fuzzing the readers: whatever the bytes or the file name, a file is stored whole or listed with a one-line
reason, never a traceback, a half-written document or a hang.

A short, derandomized run of the campaign whose long run is ``bench/fuzz_ingest.py``; the inputs and the
property are in ``tests/fuzzing.py``. The regression tests at the end hold the minimal inputs of what the
campaign found.
"""

from __future__ import annotations

import faulthandler
import functools
import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

import fuzzing
from dyad import pipeline, workers
from dyad.clean.sentences import split_sentences
from dyad.errors import CleanError, IngestError
from dyad.ingest import read_documents
from dyad.ingest.dates import parse_date_line
from dyad.store import Store

SEEDS = fuzzing.seeds()
SEED = st.integers(0, len(SEEDS) - 1)
MUTATION = st.sampled_from(fuzzing.MUTATIONS)
RNG = st.integers(0, 2**32)


def _fuzzed(seed: int, other: int, op: str, rng: int) -> fuzzing.Seed:
    base = SEEDS[seed]
    data = fuzzing.mutate(base.data, op, random.Random(rng), SEEDS[other].data)
    return fuzzing.Seed(base.name, data, base.reader)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(seed=SEED, other=SEED, op=MUTATION, rng=RNG)
def test_a_reader_stores_or_refuses_in_one_line(seed: int, other: int, op: str, rng: int) -> None:
    """Every reader on mutated real files: documents with text, or an IngestError of one line that is not
    the catch-all for reader bugs."""
    fuzzed = _fuzzed(seed, other, op, rng)
    try:
        documents = read_documents(fuzzed.name, fuzzed.data)
    except IngestError as exc:
        message = str(exc)
        assert fuzzed.name in message and "\n" not in message, message
        assert "please report" not in message, message
        return
    assert documents and all(doc.raw_text.strip() for doc in documents)


@settings(
    max_examples=3,
    derandomize=True,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: each example runs the whole pipeline
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(st.tuples(SEED, SEED, MUTATION, RNG, st.integers(0, 99)), min_size=3, max_size=3))
def test_a_fuzzed_batch_is_stored_whole_or_listed(store_url: str, batch: list) -> None:
    """Mutated files under odd names, through the real pipeline into a real store (one store for all
    examples: each batch must leave it consistent)."""
    with tempfile.TemporaryDirectory() as folder, Store(store_url) as store:
        paths = []
        for index, (seed, other, op, rng, name) in enumerate(batch):
            fuzzed = _fuzzed(seed, other, op, rng)
            path = Path(folder) / f"{index}-{fuzzing.odd_name(name)}{Path(fuzzed.name).suffix}"
            path.write_bytes(fuzzed.data)
            paths.append(str(path))
        pipeline.ingest(store, [folder], workers=1, time_limit=120)
        fuzzing.check_batch(store, paths)


def test_pathological_inputs_are_stored_or_listed(tmp_path: Path) -> None:
    """Deep nesting, bombs, NUL bytes, a megabyte word, lone surrogates, odd and non-UTF-8 names, in one
    batch over two workers."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in fuzzing.pathological(big=False).items():
        (folder / name).write_bytes(data)
    for index, name in enumerate(fuzzing.ODD_NAMES):
        text = f"Peru and Russia signed a trade agreement, copy {index}."
        content = json.dumps({"title": text}) if name.endswith(".json") else text
        (folder / f"{index}{name}").write_text(content, encoding="utf-8")
    odd = os.fsencode(folder) + b"/" + fuzzing.undecodable_name()
    with open(odd, "wb") as f:
        f.write(b"Peru and Russia signed a trade agreement in Lima on 3 March 2015.\n")
    with Store(f"sqlite:///{tmp_path / 'fuzz.db'}") as store:
        report = pipeline.ingest(store, [folder], workers=2, time_limit=120)
        paths = [str(p) for p in folder.iterdir() if os.fsencode(p) != odd]
        paths.append(str(folder) + "/latin1-caf\\xe9-\\xff.txt")  # as stored: the bytes escaped
        outcome = fuzzing.check_batch(store, paths)
    reasons = {Path(path).name: reason for path, reason in outcome.items()}
    assert "nested too deeply" in reasons["nested-divs.html"]
    assert "nested too deeply" in reasons["unclosed-divs.html"]
    assert "nested too deeply" in reasons["nested.json"]
    assert "gzip" in reasons["bomb.gz"] and "zip archive" in reasons["bomb.zip"]
    assert "PDF" in reasons["bomb-inside.pdf"]
    assert "binary" in reasons["nul-only.txt"]
    assert reasons["latin1-caf\\xe9-\\xff.txt"] == "stored"
    assert all(reasons[f"{i}{name}"] == "stored" for i, name in enumerate(fuzzing.ODD_NAMES))
    assert all("\n" not in f.reason for f in report.failed)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_over_the_time_limit_is_stopped_and_the_batch_goes_on(tmp_path: Path, workers: int) -> None:
    """A file that keeps its worker busy for minutes (40,000 paragraphs) is stopped at the limit
    and listed; the files after it are stored."""
    words = ["Peru", "Russia", "Lima", "Moscow", "signed", "trade", "talks", "minister", "border", "oil"]
    rng = random.Random(0)  # distinct paragraphs: the cleaner drops repeated ones
    paragraphs = (" ".join(rng.choice(words) for _ in range(14)) + "." for _ in range(40_000))
    (tmp_path / "a-slow.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    good = [s for s in SEEDS if s.name.endswith(".txt")][:3]
    for seed in good:
        (tmp_path / seed.name).write_bytes(seed.data)
    with Store(f"sqlite:///{tmp_path / 'limit.db'}") as store:
        report = pipeline.ingest(
            store,
            [tmp_path / "a-slow.txt", *(tmp_path / s.name for s in good)],
            workers=workers,
            time_limit=5,
        )
        assert [(Path(f.path).name, f.reason) for f in report.failed] == [
            ("a-slow.txt", "a-slow.txt: took longer than 5 s to read; skipped (time_limit)")
        ]
        assert len(report.added) == 3
        assert store.errors()[0]["reason"].startswith("a-slow.txt: took longer than 5 s")


def test_a_file_over_the_memory_limit_is_listed_and_the_batch_goes_on(tmp_path: Path) -> None:
    sentence = b"Peru and Russia signed a trade agreement in Lima. "
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-big.txt").write_bytes((sentence + b"\n\n") * (32 * 1024 * 1024 // len(sentence)))
    good = next(s for s in SEEDS if s.name.endswith(".txt"))
    (folder / good.name).write_bytes(good.data)
    with Store(f"sqlite:///{tmp_path / 'memory.db'}") as store:
        report = pipeline.ingest(store, [folder], workers=1, memory_limit=64, time_limit=0)
    assert [Path(f.path).name for f in report.failed] == ["a-big.txt"]
    assert "memory" in report.failed[0].reason and "\n" not in report.failed[0].reason
    assert len(report.added) == 1


def _read_or_crash(path: str) -> str:
    if path == "crash":  # what a crash in a C library looks like to the parent
        faulthandler.disable()  # pytest's handler would print this worker's stack into the test log
        os.kill(os.getpid(), signal.SIGSEGV)
    return f"read {path}"


@pytest.mark.parametrize("count", [1, 2])
def test_a_worker_that_dies_costs_only_its_file(count: int) -> None:
    def failed(path: str, reason: str) -> str:
        return reason

    limits = workers.Limits()
    run = functools.partial(workers.run, _read_or_crash, workers=count, limits=limits, failed=failed)
    results = dict(run(["a", "crash", "b", "c"]))
    assert results == {"a": "read a", "b": "read b", "c": "read c", "crash": results["crash"]}
    assert results["crash"] == "crash: the worker reading it stopped (killed by signal SIGSEGV); skipped"
    assert list(run([])) == []


ORPHAN_SCRIPT = """
import os, sys, time
from dyad import workers
def job(path):
    time.sleep(0.2)
    return os.getpid()
for _path, pid in workers.run(job, ["x"] * 1000, workers=2, limits=workers.Limits(), failed=lambda p, r: 0):
    print(pid, flush=True)
"""


def test_workers_of_a_killed_ingest_exit() -> None:
    """kill -9 of the parent must not leave its workers running (their pipe never closes: forked siblings
    hold copies of its end)."""
    proc = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    pids = set()
    while len(pids) < 2:
        pids.add(int(proc.stdout.readline()))
    proc.kill()
    proc.wait()
    give_up = time.monotonic() + 120  # a worker checks every second; this only bounds a failing run
    while (alive := [pid for pid in pids if _running(pid)]) and time.monotonic() < give_up:
        time.sleep(0.2)
    assert not alive, f"workers {alive} outlived their killed parent"


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"  # a zombie has exited
    except OSError:
        return False


# -- regressions: the minimal inputs of what the campaign found ---------------------------------------------


@pytest.mark.parametrize("data", [b"[" * 5000 + b"]" * 5000, b'{"a":' * 5000 + b"1" + b"}" * 5000])
def test_json_nested_too_deeply_is_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^deep\.json: JSON nested too deeply to read; flatten"):
        read_documents("deep.json", data)


def test_html_deeper_than_the_parser_reads_is_refused_not_cut() -> None:
    """libxml2 drops what lies under 256 levels: storing the rest would store a part as the whole."""
    page = b"<html><body>" + b"<div><p>Peru and Russia signed a treaty.</p>" * 300
    with pytest.raises(IngestError, match=r"^deep\.html: HTML nested too deeply"):
        read_documents("deep.html", page)


def test_html_with_control_characters_is_read() -> None:
    """lxml refused to edit a tree whose text held C0 controls (ValueError: "please report")."""
    page = "<html><body><nav>menu</nav>\x01Peru and Russia signed a treaty in Lima.\x0b</body></html>"
    [document] = read_documents("controls.html", page.encode())
    assert "Peru and Russia signed a treaty in Lima." in document.raw_text and "\x01" not in document.raw_text


def test_records_keep_their_ids_when_hashed_once() -> None:
    """A file of many records is hashed once (it was hashed again per record: hours for 100,000 records);
    each record's id is still the hash of the file's bytes and its index."""
    data = json.dumps([{"title": f"Peru and Russia, part {i}"} for i in range(3)]).encode()
    documents = read_documents("three.json", data)
    expected = [hashlib.sha256(data + f"#{i}".encode()).hexdigest()[:16] for i in range(3)]
    assert [doc.id for doc in documents] == expected


def test_a_megabyte_line_is_not_searched_for_a_date_line() -> None:
    assert parse_date_line("3 March 2015 " + "a" * 1_000_000) is None
    assert parse_date_line("Published: 3 March 2015") == ("2015-03-03", False)


def test_a_file_name_with_a_newline_gives_a_one_line_reason(tmp_path: Path) -> None:
    (tmp_path / "two\nlines.txt").write_bytes(b"")
    with Store(f"sqlite:///{tmp_path / 'names.db'}") as store:
        report = pipeline.ingest(store, [tmp_path / "two\nlines.txt"])
    assert [f.reason for f in report.failed] == ["two\\nlines.txt: empty file; nothing to ingest"]


def test_a_pdf_stored_without_an_unreadable_page_says_so() -> None:
    """A page whose stream inflates past pypdf's limit is skipped; the document is stored with a warning
    (listed by `dyad errors`), not silently as if it were whole."""
    good = fuzzing.make_pdf("Peru and Russia signed a trade agreement in Lima on 3 March 2015.")
    bomb = fuzzing.make_pdf("", stream=fuzzing.deflated_zeros(96 * fuzzing.MB, wbits=15))
    writer = PdfWriter()
    for data in (good, bomb):
        writer.add_page(PdfReader(io.BytesIO(data)).pages[0])
    out = io.BytesIO()
    writer.write(out)
    [document] = read_documents("two.pdf", out.getvalue())
    assert "Peru and Russia signed a trade agreement" in document.raw_text
    assert len(document.warnings) == 1
    assert document.warnings[0].startswith("two.pdf: stored without 1 unreadable page(s) (page 2: ")


def test_dyad_ingest_prints_no_traceback_for_any_of_them(tmp_path: Path) -> None:
    """The command a user runs, its worker processes included: one line per skipped file, no traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    bad = {
        "deep.json": b"[" * 5000 + b"]" * 5000,
        "two\nlines.html": b"<html><body>" + b"<div>" * 300 + b"Peru</body></html>",
        "nul.txt": b"\x00" * 1000,
        "bom-only.txt": b"\xff\xfe",
        "bomb.pdf": fuzzing.make_pdf("", stream=fuzzing.deflated_zeros(96 * fuzzing.MB, wbits=15)),
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    cmd = [sys.executable, "-m", "dyad.cli", "ingest", str(folder), "--db", str(tmp_path / "cli.db")]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    skipped = [line for line in done.stderr.splitlines() if line.startswith("  skipped ")]
    assert len(skipped) == len(bad), done.stderr


def test_a_paragraph_longer_than_the_sentence_splitter_reads_is_refused_in_one_line() -> None:
    """A 10 MB line reached spaCy's length limit: "internal error (ValueError: [E088] ...)"."""
    with pytest.raises(CleanError, match=r"^a paragraph of 1,000,001 characters, more than the 1,000,000"):
        split_sentences(["a" * 1_000_001])
