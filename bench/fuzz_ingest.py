"""The long fuzzing run: thousands of mutated and pathological inputs through the real pipeline into a real
store, reader by reader, with the property checked after every batch.

    python bench/fuzz_ingest.py                      # 10,000+ inputs, SQLite, 2 workers (~20-40 min here)
    python bench/fuzz_ingest.py --inputs 500         # a quick look
    python bench/fuzz_ingest.py --db postgresql://…  # into PostgreSQL (one database, emptied first)

Each reader's inputs run in their own process (so that its max RSS, workers included, is its own) in
batches of ``--batch`` files. Per reader it prints: inputs, stored, listed with a reason, tracebacks
(reasons from the catch-all for reader bugs), hangs (files stopped at the time limit), documents lost or
half-written (the property of ``tests/fuzzing.py`` broken), max RSS, and time per input beside the time
the reader's own library takes alone on a sample of the same inputs (trafilatura for HTML, pypdf for PDF,
json for JSON, charset-normalizer for text). The inputs and the property are shared with
``tests/test_fuzz_readers.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import fuzzing  # noqa: E402

READERS = ("text", "html", "json", "pdf", "other")
SHARE = {"text": 0.34, "html": 0.25, "json": 0.2, "pdf": 0.15, "other": 0.06}
PEER_SAMPLE = 300
MUTATION_ROUNDS = 3


def inputs_for(reader: str, count: int, seed: int) -> list[tuple[str, bytes]]:
    """``count`` (file name, bytes) for one reader: mutated seeds under ordinary and odd names; "other" is
    random bytes, archives and the pathological inputs."""
    rng = random.Random(f"{seed}:{reader}")
    pool = [s for s in fuzzing.seeds() if s.reader == reader]
    made: list[tuple[str, bytes]] = []
    if reader == "other":
        made += list(fuzzing.pathological(big=True).items())
        while len(made) < count:
            made.append((f"random{len(made)}.bin", rng.randbytes(rng.randint(0, 65536))))
        return made[:count]
    everything = fuzzing.seeds()
    while len(made) < count:
        base = rng.choice(pool)
        data = base.data[: rng.choice((2048, 4096, 8192))]  # short: extraction time grows with length
        for _ in range(rng.randint(1, MUTATION_ROUNDS)):
            data = fuzzing.mutate(data, rng.choice(fuzzing.MUTATIONS), rng, rng.choice(everything).data)
        stem = fuzzing.odd_name(rng.randrange(100)) if rng.random() < 0.2 else f"in{len(made)}"
        made.append((f"{len(made)}-{stem}{Path(base.name).suffix}", data))
    return made


def run_reader(reader: str, count: int, args: argparse.Namespace) -> dict[str, Any]:
    """Ingest one reader's inputs batch by batch and check the property after each (in this process)."""
    from dyad import pipeline
    from dyad.store import Store

    inputs = inputs_for(reader, count, args.seed)
    counts = {"inputs": 0, "stored": 0, "listed": 0, "tracebacks": 0, "hangs": 0, "lost": 0}
    reasons: dict[str, int] = {}
    url = args.db or f"sqlite:///{Path(args.work) / f'fuzz-{reader}.db'}"
    started = time.perf_counter()
    with Store(url) as store:
        for start in range(0, len(inputs), args.batch):
            with tempfile.TemporaryDirectory(dir=args.work) as folder:
                paths = []
                for name, data in inputs[start : start + args.batch]:
                    path = Path(folder) / name
                    path.write_bytes(data)
                    paths.append(str(path))
                report = pipeline.ingest(store, [folder], workers=args.workers, time_limit=args.time_limit)
                try:
                    outcome = fuzzing.check_batch(store, paths)
                except AssertionError as exc:
                    if "internal error" not in str(exc) and "please report" not in str(exc):
                        counts["lost"] += 1  # a reader bug's reason is a traceback, counted below
                    print(f"  {reader}: PROPERTY BROKEN: {str(exc)[:300]}", file=sys.stderr)
                    outcome = {p: "?" for p in paths}
                for failure in report.failed:
                    if "please report" in failure.reason or "internal error" in failure.reason:
                        counts["tracebacks"] += 1
                    if "took longer than" in failure.reason:
                        counts["hangs"] += 1
                    kind = failure.reason.split(": ", 1)[-1].split(";")[0].split("(")[0].strip()
                    reasons[kind] = reasons.get(kind, 0) + 1
                summary = fuzzing.summary(outcome)
                for key in ("inputs", "stored", "listed"):
                    counts[key] += summary[key]
            print(f"  {reader}: {counts['inputs']}/{len(inputs)}", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "reader": reader,
        **counts,
        "max_rss_mb": round(max(children, own) / 1024),
        "ms_per_input": round(1000 * elapsed / max(1, counts["inputs"]), 1),
        "peer": peer_time(reader, inputs[:PEER_SAMPLE]),
        "reasons": dict(sorted(reasons.items(), key=lambda kv: -kv[1])[:8]),
    }


def peer_time(reader: str, inputs: list[tuple[str, bytes]]) -> dict[str, Any]:
    """Milliseconds per input that the reader's own library takes alone on the same inputs."""
    peers = {"html": ("trafilatura", _trafilatura), "pdf": ("pypdf", _pypdf), "json": ("json", _json)}
    name, read = peers.get(reader, ("charset-normalizer", _charset))
    started = time.perf_counter()
    for _name, data in inputs:
        with contextlib.suppress(Exception):  # the peer refusing an input is fine: only its time counts
            read(data)
    per_input = 1000 * (time.perf_counter() - started) / max(1, len(inputs))
    return {"name": name, "ms_per_input": round(per_input, 1)}


def _trafilatura(data: bytes) -> Any:
    import trafilatura

    return trafilatura.extract(data.decode("utf-8", "replace"))


def _pypdf(data: bytes) -> Any:
    import io

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data), strict=False).pages]


def _json(data: bytes) -> Any:
    return json.loads(data.decode("utf-8", "replace"))


def _charset(data: bytes) -> Any:
    from charset_normalizer import from_bytes

    return from_bytes(data).best()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--inputs", type=int, default=10_000, help="fuzzed inputs across all readers")
    parser.add_argument("--batch", type=int, default=250, help="files per ingest call")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-limit", type=int, default=60, help="seconds per file (time_limit)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", default="", help="a PostgreSQL URL; default: a SQLite file per reader")
    parser.add_argument("--readers", default=",".join(READERS))
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one reader, print JSON
    parser.add_argument("--work", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        count = int(args.one.split(":")[1])
        print(json.dumps(run_reader(args.one.split(":")[0], count, args)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for reader in args.readers.split(","):
            count = max(1, round(args.inputs * SHARE[reader]))
            cmd = [sys.executable, __file__, "--one", f"{reader}:{count}", "--work", work]
            cmd += ["--batch", str(args.batch), "--workers", str(args.workers)]
            cmd += ["--time-limit", str(args.time_limit), "--seed", str(args.seed), "--db", args.db]
            done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False, env=os.environ)
            if done.returncode != 0:
                rows.append({"reader": reader, "error": f"exit code {done.returncode}"})
                continue
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(json.dumps(rows[-1]), file=sys.stderr)
    print_table(rows)


def print_table(rows: list[dict[str, Any]]) -> None:
    print(
        "| reader | inputs | stored | listed | tracebacks | stopped at time limit | lost/half-written |",
        end="",
    )
    print(" max RSS MB | ms/input | peer alone, ms/input |")
    print("|---" * 10 + "|")
    totals = {k: 0 for k in ("inputs", "stored", "listed", "tracebacks", "hangs", "lost")}
    for row in rows:
        if "error" in row:
            print(f"| {row['reader']} | run failed: {row['error']} |")
            continue
        for key in totals:
            totals[key] += row[key]
        peer = row["peer"]
        cells = [row["reader"], f"{row['inputs']:,}", f"{row['stored']:,}", f"{row['listed']:,}"]
        cells += [row["tracebacks"], row["hangs"], row["lost"], row["max_rss_mb"], row["ms_per_input"]]
        cells += [f"{peer['ms_per_input']} ({peer['name']})"]
        print("| " + " | ".join(map(str, cells)) + " |")
    cells = ["all", *(f"{totals[key]:,}" for key in totals), "", "", ""]
    print("| " + " | ".join(cells) + " |")
    for row in rows:
        if "reasons" in row:
            print(f"{row['reader']}: most common reasons {row['reasons']}")


if __name__ == "__main__":
    main()
