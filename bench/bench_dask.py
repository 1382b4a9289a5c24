"""Throughput of `dyad ingest --dask local` with 2 workers against 1, beside today's process pool.

Builds the throughput corpus of bench_pipeline.py (the bundled examples and generated variations, at
least ``--words`` words), then ingests it into a fresh SQLite store four ways, in the same run: one
process; the local process pool (`--workers 2`); a Dask LocalCluster of 1 worker and of 2 workers
(`--dask local`). Times are wall clock and include starting the pool or the cluster and loading the
models in every worker, as a user would see them. Prints the 2-worker / 1-worker ratios and the load of
the machine, which is shared: other work on it lowers the ratios (``--rounds`` interleaves repeated runs
and keeps each system's best).

First, in one process, it splits a document's cost in two: E, the CPU time of reading and extracting it
(``pipeline.process_file``, what a worker does) and W, the CPU time of writing it (``Store.add``, what
the one writing process does for every worker). On c cores with c workers the writer takes its share of
the same cores, so the speed-up over one worker is at most about c·E/(E + W) (2E/(E + W) on 2 cores).

    python bench/bench_dask.py [--words 1000000] [--workers 2] [--rounds 1] [--no-systems]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench_pipeline import build_corpus
from dyad import pipeline
from dyad.cluster import connect
from dyad.store import Store


def run(folder: Path, workers: int, dask: str | None) -> tuple[float, int]:
    """Seconds to ingest ``folder`` into a fresh store, and the documents stored."""
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/bench.db") as store:
        start = time.perf_counter()
        report = pipeline.ingest(store, [folder], workers=workers, dask=dask)
        elapsed = time.perf_counter() - start
        documents = store.counts()["documents"]
    assert report.ok, report.failed[:3]
    return elapsed, documents


def split(folder: Path) -> tuple[float, float, int]:
    """CPU seconds per document of extraction (E) and of writing into a fresh store (W), in this process,
    and the documents written."""
    files = pipeline.expand_paths([folder])
    options = pipeline.Options()
    pipeline.process_file(files[0], options)  # the models load outside the measurement
    extract = write = 0.0
    documents = 0
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/split.db") as store:
        for path in files:
            start = time.process_time()
            result = pipeline.process_file(path, options)
            extracted = time.process_time()
            assert isinstance(result, list), result
            for processed in result:
                store.add(processed)
            extract += extracted - start
            write += time.process_time() - extracted
            documents += len(result)
    return extract / documents, write / documents, documents


def worker_cpu(folder: Path) -> float:
    """CPU seconds per document that one Dask worker spends on ``process_file`` (its own process's CPU
    time, read on the worker before and after: the load of the machine hardly enters it). Beside E, it is
    what the worker's own machinery costs."""
    files = pipeline.expand_paths([folder])
    options = pipeline.Options()
    with connect("local", 1) as client:  # the cluster `--dask local` starts
        client.submit(pipeline.process_file, files[0], options, pure=False).result()  # models loaded
        [before] = client.run(time.process_time).values()
        documents = 0
        for result in client.gather(client.map(pipeline.process_file, files, options=options, pure=False)):
            assert isinstance(result, list), result
            documents += len(result)
        [after] = client.run(time.process_time).values()
    return (after - before) / documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel runs")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each system, interleaved; best kept")
    parser.add_argument(
        "--systems",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time the four ways of ingesting (--no-systems: only E and W)",
    )
    args = parser.parse_args()
    n = args.workers
    runs = [
        ("one process (--workers 1)", 1, None),
        (f"process pool (--workers {n})", n, None),
        ("Dask LocalCluster, 1 worker", 1, "local"),
        (f"Dask LocalCluster, {n} workers", n, "local"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = build_corpus(folder, args.words)
        files = len(list(folder.iterdir()))
        print(f"corpus: {files} files, {words:,} words (bench_pipeline.build_corpus)")
        print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        e, w, documents = split(folder)
        print(
            f"per document, CPU ms ({documents} documents, one process): extraction E {e * 1000:.1f}, "
            f"writing W {w * 1000:.1f}; {n} workers / 1 at most ~{n * e / (e + w):.2f}x on {n} cores"
        )
        print(f"one Dask worker, CPU ms a document (E above): {worker_cpu(folder) * 1000:.1f}")
        if not args.systems:
            return
        print(f"{'system':<36} {'best s':>8} {'words/s':>10} {'docs':>6}  every run (s)")
        seconds: dict[str, list[float]] = {label: [] for label, _, _ in runs}
        stored: dict[str, int] = {}
        for _ in range(args.rounds):  # interleaved, so that a burst of other load hits every system
            for label, workers, dask in runs:
                elapsed, stored[label] = run(folder, workers, dask)
                seconds[label].append(elapsed)
        for label, _, _ in runs:
            best = min(seconds[label])
            every = " ".join(f"{s:.1f}" for s in seconds[label])
            print(f"{label:<36} {best:>8.1f} {words / best:>10,.0f} {stored[label]:>6}  {every}")
        plain, pool, dask1, daskn = (min(seconds[label]) for label, _, _ in runs)
        print(f"Dask {n} workers / Dask 1 worker: {dask1 / daskn:.2f}x")
        print(f"process pool {n} / one process:  {plain / pool:.2f}x")
        print(f"Dask {n} workers / process pool {n}: {pool / daskn:.2f}x (above 1: Dask is faster)")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
