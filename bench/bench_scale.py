"""Reads and writes of a large record: the stored, resolved-at-write record beside whole-record resolution.

Builds stores of synthetic extracted documents (no parsing: ``ProcessedDocument`` objects as the
pipeline hands them over) through the store's one write path (``Store.add``, which resolves the clusters
each document touches), then prints p50/p95 of the main reads — an events page by pair, type and date, a
timeline page, a figures series, intensity, periods, the dashboard's overview, ask — the cost of adding
one more document, and the RSS of a process that served those reads. The named peer is the same reads
done the old way, by resolving the whole record (``dyad.resolve.resolve``) on each read, at the smallest
size.

    python bench/bench_scale.py [--events 10000 100000] [--pg URL] [--repeat 20] [--no-peer] [--rebuild-once]

Each document reports 5 events and 2 figures; an event is reported by 1–4 documents (day-precise dates
up to two days apart, as wire stories of one visit are), across 10 pairs and the event types, 1990–2025.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
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
from dyad.store import Store, record

PAIRS = [("CHN", "IND"), ("PER", "RUS"), ("CHN", "PER"), ("IND", "RUS"), ("BRA", "CHN"), ("USA", "MEX")]
PAIRS += [("JPN", "KOR"), ("DEU", "FRA"), ("TUR", "GRC"), ("KEN", "ETH")]
EVENTS_PER_DOC, FIGURES_PER_DOC = 5, 2
WANG_YI = "When did Wang Yi visit India?"
LEADERS = ["Wang Yi", "Narendra Modi", "Vladimir Putin", "Ollanta Humala", "Xi Jinping", "Lula da Silva"]


def _day(rng: random.Random) -> dt.date:
    return dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(36 * 365))


def synthetic_documents(n_docs: int, seed: int = 11) -> list[ProcessedDocument]:
    """Documents whose events repeat across 1–4 documents (each real event a few days apart at most)."""
    rng = random.Random(seed)
    happenings = [
        (rng.choice(PAIRS), rng.choice(EVENT_TYPES), _day(rng), rng.choice(LEADERS))
        for _ in range(max(1, n_docs * EVENTS_PER_DOC * 2 // 5))
    ]
    return [_document(i, rng, happenings) for i in range(n_docs)]


def _document(i: int, rng: random.Random, happenings: list[Any]) -> ProcessedDocument:
    doc_id = hashlib.sha256(f"doc{i}".encode()).hexdigest()[:16]
    sentences, events, mentions, figures = [], [], [], []
    offset = 0
    for k in range(EVENTS_PER_DOC):
        (a, b), kind, day, leader = rng.choice(happenings)
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
        a, b = rng.choice(PAIRS)
        year = rng.randrange(1995, 2025)
        value = float(rng.randrange(10, 900) * 10**6)
        text = f"Exports from {a} to {b} were ${value / 1e6:.0f} million in {year}."
        sentence = Sentence(len(sentences), offset, offset + len(text), text)
        sentences.append(sentence)
        span = TimeValue(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        source = Source(f"{doc_id}.txt", text, sentence.start, sentence.end)
        figures.append(Figure("export", value, "USD", span, a, b, "exact", source))
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


def build(url: str, n_events: int, rebuild_once: bool) -> tuple[Store, float, list[ProcessedDocument]]:
    """A store of ``n_events`` event mentions, and 20 more documents to add to it one by one. With
    ``rebuild_once``, the documents are written with their resolution put off (``record.add_document``
    skipped) and the record is then resolved in one ``Store.rebuild``: the same record
    (tests/test_record.py), built in less time than a loaded machine gives one add at a time."""
    docs = synthetic_documents(n_events // EVENTS_PER_DOC + 20)
    store = Store(url)
    start = time.perf_counter()
    if rebuild_once:
        resolve_on_write = record.add_document
        record.add_document = lambda conn, doc_id: None
        try:
            for doc in docs[:-20]:
                store.add(doc)
        finally:
            record.add_document = resolve_on_write
        store.rebuild()
    else:
        for doc in docs[:-20]:
            store.add(doc)
    return store, time.perf_counter() - start, docs[-20:]


HOW = {False: "", True: ", one rebuild"}


def run(url: str, label: str, n_events: int, repeat: int, peer: bool, rebuild_once: bool) -> None:
    store, seconds, spare = build(url, n_events, rebuild_once)
    counts, resolved = store.counts(), store.record_counts()
    print(
        f"\n{label}: {counts['events']:,} event mentions in {counts['documents']:,} documents → "
        f"{resolved['events']:,} resolved events, {resolved['figures']:,} figures; built in {seconds:.0f} s "
        f"({seconds / counts['documents'] * 1000:.1f} ms a document{HOW[rebuild_once]})",
        flush=True,
    )
    ours = {name: timed(read, repeat) for name, read in stored_reads(store).items()}
    adds = []
    for doc in spare:
        start = time.perf_counter()
        store.add(doc)
        adds.append((time.perf_counter() - start) * 1000)
    theirs = {}
    if peer:
        theirs = {name: timed(read, 3) for name, read in whole_record_reads(store).items()}
    print(f"  {'read':<34}{'stored p50':>12}{'p95 (ms)':>10}{'whole-record p50':>18}{'p95 (ms)':>10}")
    for name, (p50, p95) in ours.items():
        peer_text = "{:>18.1f}{:>10.1f}".format(*theirs[name]) if name in theirs else ""
        print(f"  {name:<34}{p50:>12.1f}{p95:>10.1f}{peer_text}")
    p50, p95 = percentiles(adds)
    print(f"  {'add one document':<34}{p50:>12.1f}{p95:>10.1f}")
    print(f"  RSS of this process after the reads: {rss_mb():.0f} MB", flush=True)
    load = "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    print(f"  load average (1, 5, 15 min) at the end: {load}", flush=True)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--pg", default=os.environ.get("DYAD_TEST_PG_URL"), help="also on this PostgreSQL")
    parser.add_argument("--sqlite", action=argparse.BooleanOptionalAction, default=True, help="on SQLite")
    parser.add_argument(
        "--rebuild-once",
        action="store_true",
        help="build each store by writing its documents unresolved, then one rebuild (same record)",
    )
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--peer",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="whole-record resolution beside the stored reads, at the smallest size (minutes at 10k)",
    )
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {dt.date.today()}")
    print("load average (1, 5, 15 min) at the start: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.events:
            peer = args.peer and n == min(args.events)
            if args.sqlite:
                url = f"sqlite:///{Path(tmp) / f'scale{n}.db'}"
                run(url, f"SQLite, {n:,} events", n, args.repeat, peer, args.rebuild_once)
            if args.pg:
                url = _fresh_database(args.pg, n)
                run(url, f"PostgreSQL, {n:,} events", n, args.repeat, peer, args.rebuild_once)


def _fresh_database(base: str, n: int) -> str:
    from sqlalchemy import create_engine, text

    name = f"dyad_bench_scale_{n}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name


if __name__ == "__main__":
    main()
