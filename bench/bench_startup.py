"""Start-up time of the command line: `dyad --help`, `dyad --version` and small commands on a small store,
beside two peers measured in the same run (the bare interpreter and `python -m pip --version`).

Run: python bench/bench_startup.py [runs]    (default 9 runs per command; prints wall times, asserts nothing)

The aim (issue 11) is under 0.3 s for these; the heavy libraries (spaCy, SQLAlchemy, plotly, the web stack)
are imported only by the commands that use them. The store is one document of the bundled Peru–Russia
example, ingested once before timing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dyad.cli import example_corpus


def _dyad() -> list[str]:
    script = Path(sys.executable).with_name("dyad")  # the console script installed beside this python
    return [str(script)] if script.exists() else [sys.executable, "-m", "dyad.cli"]


def _wall_times(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    dyad = _dyad()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "small.db")
        first = str(example_corpus("peru-russia")[0])
        subprocess.run(
            [*dyad, "ingest", first, "--db", db, "--workers", "1"], check=True, capture_output=True
        )
        cases = {
            "python -c pass (peer)": [sys.executable, "-c", "pass"],
            "python -m pip --version (peer)": [sys.executable, "-m", "pip", "--version"],
            "dyad --help": [*dyad, "--help"],
            "dyad --version": [*dyad, "--version"],
            "dyad errors (1-document store)": [*dyad, "errors", "--db", db],
            "dyad docs (1-document store)": [*dyad, "docs", "--db", db],
        }
        print(f"{'command':<34} {'median':>8} {'min':>8}   ({runs} runs, wall time)")
        for name, command in cases.items():
            times = _wall_times(command, runs)
            print(f"{name:<34} {statistics.median(times):>7.3f}s {min(times):>7.3f}s")


if __name__ == "__main__":
    main()
