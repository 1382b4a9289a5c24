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

With ``--pg URL`` (a PostgreSQL server; each run gets a fresh database) it also times Dask into
PostgreSQL two ways: the client writing every document (as into SQLite), and each worker writing its own
(what `dyad ingest --dask` does with a server store). One writing client caps a cluster at about
(E + W) / W workers; workers that write share the record's lock instead (``--only-pg`` skips the rest).

    python bench/bench_dask.py [--words 1000000] [--workers 2] [--rounds 1] [--no-systems]
                               [--pg URL [--only-pg]]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from bench_pipeline import build_corpus
from dyad import pipeline
from dyad.cluster import connect, process_on_dask
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


def run_pg(folder: Path, workers: int, base: str, writer: str, n: int) -> tuple[float, int]:
    """Seconds to ingest ``folder`` with a Dask LocalCluster into a fresh PostgreSQL database, the
    ``writer`` being "client" (every result sent back and written here) or "workers" (each worker writes
    its own documents), and the documents stored."""
    name = f"dyad_bench_dask_{os.getpid()}_{n}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        with Store(url) as store:
            start = time.perf_counter()
            if writer == "workers":
                report = pipeline.ingest(store, [folder], workers=workers, dask="local")
                assert report.ok, report.failed[:3]
            else:
                files = pipeline.expand_paths([folder])
                for _path, result in process_on_dask(files, pipeline.Options(), "local", workers):
                    assert isinstance(result, list), result
                    for processed in result:
                        store.add(processed)
            elapsed = time.perf_counter() - start
            documents = store.counts()["documents"]
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
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
    parser.add_argument("--pg", default=None, help="also Dask into this PostgreSQL server (a base URL)")
    parser.add_argument("--only-pg", action="store_true", help="with --pg: only the PostgreSQL runs")
    args = parser.parse_args()
    n = args.workers
    runs = [
        ("one process (--workers 1)", 1, None),
        (f"process pool (--workers {n})", n, None),
        ("Dask LocalCluster, 1 worker", 1, "local"),
        (f"Dask LocalCluster, {n} workers", n, "local"),
    ]
    pg_runs = [
        ("PG, Dask 1 worker, client writes", 1, "client"),
        (f"PG, Dask {n} workers, client writes", n, "client"),
        ("PG, Dask 1 worker, worker writes", 1, "workers"),
        (f"PG, Dask {n} workers, workers write", n, "workers"),
    ]
    if args.only_pg:
        runs = []
    if not args.pg:
        pg_runs = []
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
        if runs:
            print(f"one Dask worker, CPU ms a document (E above): {worker_cpu(folder) * 1000:.1f}")
        if not args.systems:
            return
        print(f"{'system':<36} {'best s':>8} {'words/s':>10} {'docs':>6}  every run (s)")
        labels = [label for label, _, _ in runs + pg_runs]
        seconds: dict[str, list[float]] = {label: [] for label in labels}
        stored: dict[str, int] = {}
        for round_ in range(args.rounds):  # interleaved, so that a burst of other load hits every system
            for label, workers, dask in runs:
                elapsed, stored[label] = run(folder, workers, dask)
                seconds[label].append(elapsed)
            for i, (label, workers, writer) in enumerate(pg_runs):
                elapsed, stored[label] = run_pg(folder, workers, args.pg, writer, round_ * 10 + i)
                seconds[label].append(elapsed)
        for label in labels:
            best = min(seconds[label])
            every = " ".join(f"{s:.1f}" for s in seconds[label])
            print(f"{label:<36} {best:>8.1f} {words / best:>10,.0f} {stored[label]:>6}  {every}")
        if runs:
            plain, pool, dask1, daskn = (min(seconds[label]) for label, _, _ in runs)
            print(f"Dask {n} workers / Dask 1 worker: {dask1 / daskn:.2f}x")
            print(f"process pool {n} / one process:  {plain / pool:.2f}x")
            print(f"Dask {n} workers / process pool {n}: {pool / daskn:.2f}x (above 1: Dask is faster)")
        if pg_runs:
            client1, clientn, workers1, workersn = (min(seconds[label]) for label, _, _ in pg_runs)
            print(f"PG, client writes: Dask {n} workers / 1 worker: {client1 / clientn:.2f}x")
            print(f"PG, workers write: Dask {n} workers / 1 worker: {workers1 / workersn:.2f}x")
            speed = clientn / workersn
            print(f"PG, {n} workers: workers writing / client writing: {speed:.2f}x (above 1: faster)")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
