"""Reads and writes of a large record: the stored, resolved-at-write record beside whole-record resolution.

Builds stores of synthetic extracted documents (no parsing: ``ProcessedDocument`` objects as the
pipeline hands them over) through the store's write path (``Store.add_many``: a batch of documents in one
transaction, resolving the clusters the batch touches once; nothing is held from one batch to the next),
then prints p50/p95 of the main reads — an events page by pair, type and date, a
timeline page, a figures series, intensity, periods, the dashboard's overview, ask — the cost of adding
one more document, and the RSS of a process that served those reads. The named peer is the same reads
done the old way, by resolving the whole record (``dyad.resolve.resolve``) on each read, at the smallest
size.

    python bench/bench_scale.py [--events 10000 100000] [--pg URL] [--repeat 20] [--no-peer]
        [--batch 2000] [--progress] [--keep DIR] [--no-reads] [--cold [--warm]]

``--cold`` empties the system's page cache before the reads (root), as after a restart; with ``--warm``
the store is then warmed as `dyad serve` does when it starts (``Store.warm``), and the time it took is
printed.

Each document reports 5 events and 2 figures; an event is reported by 1–4 documents (day-precise dates
up to two days apart, as wire stories of one visit are), across 10 pairs and the event types, 1990–2025;
a figure is a yearly export or import of one of the pairs, with one value most reports give and two
others one report in ten gives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dyad import analyze, query
from dyad.ask import ask
from dyad.models import (
    EVENT_TYPES,
    Document,
    Event,
    Figure,
    ProcessedDocument,
    Sentence,
    Source,
    TimeValue,
)
from dyad.report.context import build_data
from dyad.resolve import resolve
from dyad.serve.data import Snapshot
from dyad.store import Store

PAIRS = [("CHN", "IND"), ("PER", "RUS"), ("CHN", "PER"), ("IND", "RUS"), ("BRA", "CHN"), ("USA", "MEX")]
PAIRS += [("JPN", "KOR"), ("DEU", "FRA"), ("TUR", "GRC"), ("KEN", "ETH")]
EVENTS_PER_DOC, FIGURES_PER_DOC = 5, 2
WANG_YI = "When did Wang Yi visit India?"
LEADERS = ["Wang Yi", "Narendra Modi", "Vladimir Putin", "Ollanta Humala", "Xi Jinping", "Lula da Silva"]


def _day(rng: random.Random) -> dt.date:
    return dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(36 * 365))


def _happening(seed: int, j: int) -> tuple[tuple[str, str], str, dt.date, str]:
    """The ``j``-th real event (pair, type, day, leader), made from its number alone: the generator keeps
    nothing, so building a store of any size holds one batch of documents at a time."""
    rng = random.Random(f"{seed}:happening:{j}")
    return rng.choice(PAIRS), rng.choice(EVENT_TYPES), _day(rng), rng.choice(LEADERS)


def _quantity(rng: random.Random) -> tuple[str, str, str, int, float]:
    """One figure report: a yearly export or import of one of the pairs, either way. Each such quantity has
    one value most sources give and, for one report in ten, one of two others (a revision, a misreading):
    a few conflicting values per quantity, however often it is reported, as in the news."""
    a, b = rng.choice(PAIRS)
    if rng.random() < 0.5:
        a, b = b, a
    kind, year = rng.choice(("export", "import")), rng.randrange(1995, 2025)
    base = random.Random(f"{a}{b}{kind}{year}").randrange(10, 900) * 10**6
    revision = rng.choice((1.25, 0.8)) if rng.random() < 0.1 else 1.0
    return a, b, kind, year, float(round(base * revision))


def synthetic_documents(
    n_docs: int, *, first: int = 0, total: int | None = None, seed: int = 11
) -> Iterator[ProcessedDocument]:
    """Documents ``first`` .. ``first + n_docs - 1`` of a store of ``total`` (default: as many) whose
    events repeat across 1–4 documents (each real event a few days apart at most), made one at a time:
    document ``i`` of a store is the same whichever batch makes it."""
    happenings = max(1, (total or first + n_docs) * EVENTS_PER_DOC * 2 // 5)
    for i in range(first, first + n_docs):
        yield _document(i, random.Random(f"{seed}:doc:{i}"), seed, happenings)


def _document(i: int, rng: random.Random, seed: int, happenings: int) -> ProcessedDocument:
    doc_id = hashlib.sha256(f"doc{i}".encode()).hexdigest()[:16]
    sentences, events, mentions, figures = [], [], [], []
    offset = 0
    for k in range(EVENTS_PER_DOC):
        (a, b), kind, day, leader = _happening(seed, rng.randrange(happenings))
        day += dt.timedelta(days=rng.randint(0, 2))
        text = f"{leader} and officials of {a} and {b} ({kind}) met on {day:%d %B %Y}, story {i}-{k}."
        sentence = Sentence(k, offset, offset + len(text), text)
        sentences.append(sentence)
        source = Source(f"{doc_id}.txt", text, sentence.start, sentence.end)
        date = TimeValue(day.isoformat(), day, day, "day")
        events.append(
            Event(kind, (a, b), date, "political", "040", 1.0, 1, "occurred", text[:80], source, [leader])
        )
        mentions.append(
            {
                "sentence_idx": k,
                "start": offset,
                "end": offset + len(leader),
                "text": leader,
                "kind": "person",
                "value": leader,
                "attrs": '{"role": "minister"}',
            }
        )
        offset = sentence.end + 1
    for _ in range(FIGURES_PER_DOC):
        a, b, kind, year, value = _quantity(rng)
        text = f"The {kind}s of {a} with {b} ({a} to {b}) were ${value / 1e6:.0f} million in {year}."
        sentence = Sentence(len(sentences), offset, offset + len(text), text)
        sentences.append(sentence)
        span = TimeValue(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        source = Source(f"{doc_id}.txt", text, sentence.start, sentence.end)
        figures.append(Figure(kind, value, "USD", span, a, b, "exact", source))
        offset = sentence.end + 1
    body = "\n".join(s.text for s in sentences)
    document = Document(
        doc_id,
        f"{doc_id}.txt",
        f"/synthetic/{doc_id}.txt",
        "text",
        "news",
        title=f"Story {i}",
        authors=[f"Author {i % 97}"],
        publisher=f"Outlet {i % 13}",
        raw_text=body,
        text=body,
        sentences=sentences,
        size_bytes=len(body),
    )
    return ProcessedDocument(document, [], mentions, events, figures)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(read: Callable[[int], Any], repeat: int) -> tuple[float, float]:
    read(repeat)  # warm: knowledge files and caches load once per process, not per read
    samples = []
    for i in range(repeat):
        start = time.perf_counter()
        read(i)
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def stored_reads(store: Store) -> dict[str, Callable[[int], Any]]:
    def events(i: int) -> Any:
        pair = PAIRS[i % len(PAIRS)]
        kind = EVENT_TYPES[i % len(EVENT_TYPES)]
        return query.events_page(
            store, dyad=pair, types=(kind,), date_from="2000", date_to="2020", limit=50, offset=(i % 3) * 50
        )

    def timeline(i: int) -> Any:
        return query.timeline_page(store, dyad=PAIRS[i % len(PAIRS)], limit=50, offset=(i % 5) * 50)

    def asked(i: int) -> Any:
        pair = PAIRS[i % len(PAIRS)]
        year = 1995 + i % 25
        return ask(store, f"When did {pair[0]} and {pair[1]} sign an agreement in {year}?", dyad=pair)

    return {
        "events page (pair, type, dates)": events,
        "timeline page": timeline,
        "figures series page of 50": lambda i: query.series_page(
            store, kind="export", dyad=PAIRS[i % len(PAIRS)], limit=50, offset=(i % 3) * 50
        ),
        "pairs and main pair": lambda i: query.main_pair(store),
        "intensity (pair, by year)": lambda i: query.intensity(store, dyad=PAIRS[i % len(PAIRS)]),
        "periods (pair)": lambda i: query.periods(store, dyad=PAIRS[i % len(PAIRS)]),
        "overview (dashboard)": lambda i: Snapshot(store).report_data(PAIRS[i % len(PAIRS)]),
        "ask (pair, type, year)": asked,
        "ask (pair, type, person; no year)": lambda i: ask(
            store, "When did Wang Yi visit India?", dyad=PAIRS[0]
        ),
    }


def whole_record_reads(store: Store) -> dict[str, Callable[[int], Any]]:
    """The same reads as before issue 10: resolve everything, then filter and slice in Python."""

    def events(i: int) -> Any:
        pair, kind = set(PAIRS[i % len(PAIRS)]), EVENT_TYPES[i % len(EVENT_TYPES)]
        lo, hi = dt.date(2000, 1, 1), dt.date(2020, 12, 31)
        rows = [
            e
            for e in resolve(store).events
            if set(e["participants"]) == pair
            and e["type"] == kind
            and e["day_start"]
            and e["day_end"] >= lo
            and e["day_start"] <= hi
        ]
        return rows[(i % 3) * 50 : (i % 3) * 50 + 50]

    def timeline(i: int) -> Any:
        pair = set(PAIRS[i % len(PAIRS)])
        rows = sorted(
            (e for e in resolve(store).events if e["day_start"] and set(e["participants"]) == pair),
            key=lambda e: (e["day_start"], e["day_end"], e["type"]),
        )
        return rows[(i % 5) * 50 : (i % 5) * 50 + 50]

    def series(i: int) -> Any:
        pair = PAIRS[i % len(PAIRS)]
        return analyze.series(resolve(store), kind="export", dyad=pair)[(i % 3) * 50 : (i % 3) * 50 + 50]

    return {
        "events page (pair, type, dates)": events,
        "timeline page": timeline,
        "figures series page of 50": series,
        "pairs and main pair": lambda i: resolve(store),
        "intensity (pair, by year)": lambda i: analyze.intensity(resolve(store), dyad=PAIRS[i % len(PAIRS)]),
        "periods (pair)": lambda i: analyze.periods(resolve(store), dyad=PAIRS[i % len(PAIRS)]),
        "overview (dashboard)": lambda i: build_data(resolve(store), PAIRS[i % len(PAIRS)]),
    }


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(
    url: str, n_events: int, batch: int, progress: bool = False
) -> tuple[Store, float | None, list[ProcessedDocument]]:
    """A store of ``n_events`` event mentions, written ``batch`` documents at a time through
    ``Store.add_many`` (the write path, resolving each batch's clusters once; nothing is held from one
    batch to the next), and 20 more documents to add to it one by one. A store already at ``url`` with
    those documents is read as it is (None: not built now); one left unfinished is built on. With
    ``progress``, a line after each batch: its time, the peak RSS so far and the load."""
    n_docs = n_events // EVENTS_PER_DOC
    store = Store(url)
    spare = list(synthetic_documents(20, first=n_docs, total=n_docs))
    for doc in spare:  # left by a run stopped before it removed them
        if store.has_document(doc.document.id):
            store.remove(doc.document.id)
    if store.counts()["documents"] == n_docs:
        return store, None, spare
    start = time.perf_counter()
    done = store.counts()["documents"]  # an interrupted build goes on where it stopped
    while done < n_docs:
        size = min(batch, n_docs - done)
        started = time.perf_counter()
        store.add_many(synthetic_documents(size, first=done, total=n_docs))
        done += size
        if progress:
            print(
                f"  {done:,} documents: {time.perf_counter() - started:.1f} s for the last {size:,}, "
                f"peak RSS {peak_rss_mb():.0f} MB, load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    return store, time.perf_counter() - start, spare


def drop_page_cache() -> None:
    """Empty the system's page cache (root only, Linux): the store is then read as after a restart."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError as exc:
        raise SystemExit(f"--cold needs root on Linux to empty the page cache ({exc})") from None


def run(
    url: str,
    label: str,
    n_events: int,
    repeat: int,
    peer: bool,
    batch: int,
    progress: bool,
    reads: bool,
    start: tuple[bool, bool] = (False, False),
) -> None:
    """``start``: (empty the page cache before the reads, then warm the store as `dyad serve` does)."""
    store, seconds, spare = build(url, n_events, batch, progress)
    counts, resolved = store.counts(), store.record_counts()
    per_doc = (seconds or 0) / counts["documents"] * 1000
    how = (
        f"built in {seconds:.0f} s ({per_doc:.1f} ms a document, batches of {batch})"
        if seconds is not None
        else "already built"
    )
    print(
        f"\n{label}: {counts['events']:,} event mentions in {counts['documents']:,} documents → "
        f"{resolved['events']:,} resolved events, {resolved['figures']:,} figures, "
        f"{resolved['conflicts']:,} conflicts; {how}; peak RSS so far {peak_rss_mb():.0f} MB",
        flush=True,
    )
    if not reads:
        store.close()
        return
    cold, warm = start
    if cold:
        drop_page_cache()
        print("  page cache emptied before the reads", flush=True)
    if warm:
        began = time.perf_counter()
        read = store.warm()
        print(
            f"  warmed as `dyad serve` does when it starts: {read} indexes and tables read in "
            f"{time.perf_counter() - began:.1f} s",
            flush=True,
        )
    ours = {name: timed(read, repeat) for name, read in stored_reads(store).items()}
    reads_rss = rss_mb()
    theirs = {}
    if peer:
        theirs = {name: timed(read, 3) for name, read in whole_record_reads(store).items()}
    print(f"  {'read':<34}{'stored p50':>12}{'p95 (ms)':>10}{'whole-record p50':>18}{'p95 (ms)':>10}")
    for name, (p50, p95) in ours.items():
        peer_text = "{:>18.1f}{:>10.1f}".format(*theirs[name]) if name in theirs else ""
        print(f"  {name:<34}{p50:>12.1f}{p95:>10.1f}{peer_text}")
    print(f"  RSS of this process after the reads: {reads_rss:.0f} MB", flush=True)
    adds = []
    for doc in spare:
        start = time.perf_counter()
        store.add(doc)
        adds.append((time.perf_counter() - start) * 1000)
    p50, p95 = percentiles(adds)
    print(f"  {'add one document':<34}{p50:>12.1f}{p95:>10.1f}", flush=True)
    removes = []
    for doc in spare:  # leaves the store as it was built, to be read again
        start = time.perf_counter()
        store.remove(doc.document.id)
        removes.append((time.perf_counter() - start) * 1000)
    p50, p95 = percentiles(removes)
    print(f"  {'remove one document':<34}{p50:>12.1f}{p95:>10.1f}", flush=True)
    load = "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    print(f"  load average (1, 5, 15 min) at the end: {load}", flush=True)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--pg", default=os.environ.get("DYAD_TEST_PG_URL"), help="also on this PostgreSQL")
    parser.add_argument("--sqlite", action=argparse.BooleanOptionalAction, default=True, help="on SQLite")
    parser.add_argument("--batch", type=int, default=2000, help="documents written in one transaction")
    parser.add_argument("--progress", action="store_true", help="a line after each batch of the build")
    parser.add_argument(
        "--reads",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="measure the reads and adds (--no-reads: only build, say at a lower priority, to --keep)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the SQLite stores in this folder (and read, not build, one that is there already)",
    )
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cold", action="store_true", help="empty the page cache before the reads (root)")
    parser.add_argument(
        "--warm", action="store_true", help="before the reads, Store.warm() as `dyad serve` does at its start"
    )
    parser.add_argument(
        "--peer",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="whole-record resolution beside the stored reads, at the smallest size (minutes at 10k)",
    )
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {dt.date.today()}")
    print("load average (1, 5, 15 min) at the start: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    start = (args.cold, args.warm)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        for n in args.events:
            peer = args.peer and n == min(args.events)
            if args.sqlite:
                url = f"sqlite:///{folder / f'scale{n}.db'}"
                label = f"SQLite, {n:,} events"
                run(url, label, n, args.repeat, peer, args.batch, args.progress, args.reads, start)
            if args.pg:
                url = _database(args.pg, n, fresh=args.keep is None)
                run(
                    url,
                    f"PostgreSQL, {n:,} events",
                    n,
                    args.repeat,
                    peer,
                    args.batch,
                    args.progress,
                    args.reads,
                    start,
                )


def _database(base: str, n: int, fresh: bool) -> str:
    """The URL of the bench's database for ``n`` events on the server of ``base``: made empty, unless
    ``fresh`` is false and it exists (then it is read, or its build goes on)."""
    from sqlalchemy import create_engine, text

    name = f"dyad_bench_scale_{n}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if fresh:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if fresh or not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name


if __name__ == "__main__":
    main()
