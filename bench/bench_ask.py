"""Answer time of `ask` on the seed store, beside a plain FTS5 query for the same words (the peer).

Ingests the seed corpus into a fresh SQLite store, asks each gold question ``--rounds`` times and prints the
median and p90 of the answer time, then the same statistics for a bare `bm25()` query over the FTS5 index
with the question's search words: the floor any full-text answer pays. Numbers only, no asserts.

    python bench/bench_ask.py [--seeds ../shared/corpus/seeds] [--gold ../shared/gold/seeds.json] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from dyad import pipeline
from dyad.ask import analyse_question, ask
from dyad.ask.search import FTS_TABLE, ensure_fts
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _stats(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return f"median {statistics.median(ordered) * 1000:7.2f} ms   p90 {p90 * 1000:7.2f} ms   n={len(ordered)}"


def _plain_fts(store: Store, words: tuple[str, ...]) -> None:
    match = " OR ".join(f'"{w}"' for w in words if w.isalnum())
    with store.engine.connect() as conn:
        conn.execute(
            text(
                f"SELECT rowid, bm25({FTS_TABLE}) AS r FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m "
                "ORDER BY r LIMIT 30"
            ),
            {"m": match},
        ).all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold" / "seeds.json")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    questions = [q["question"] for q in json.loads(args.gold.read_text(encoding="utf-8"))["questions"]]
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{Path(tmp) / 'bench.db'}") as store:
        pipeline.ingest(store, [args.seeds])
        ensure_fts(store)
        ask(store, questions[0])  # first call loads spaCy and the knowledge files: not an answer time
        answer_times, fts_times = [], []
        for _ in range(args.rounds):
            for question in questions:
                t0 = time.perf_counter()
                ask(store, question)
                answer_times.append(time.perf_counter() - t0)
                words = analyse_question(question).search_words
                t0 = time.perf_counter()
                _plain_fts(store, words)
                fts_times.append(time.perf_counter() - t0)
        counts = store.counts()
    print(
        f"seed store: {counts['documents']} documents, {counts['sentences']} sentences, "
        f"{len(questions)} questions x {args.rounds} rounds"
    )
    print(f"ask (dyad.ask.ask)        {_stats(answer_times)}")
    print(f"plain FTS5 bm25 query     {_stats(fts_times)}")
    print(f"ratio of medians          {statistics.median(answer_times) / statistics.median(fts_times):7.1f}x")


if __name__ == "__main__":
    main()
