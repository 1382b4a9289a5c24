"""Start-up time of the command line: `dyad --help`, `dyad --version` and the small reading commands on a
small store, each beside named peers measured in the same run.

Run: python bench/bench_startup.py [runs]    (default 11 runs per command; prints wall times, asserts nothing)

The aim (issue 11) is under 0.3 s for these on an idle machine. The heavy libraries (spaCy, SQLAlchemy,
plotly, the web stack, pydantic) are imported only by the commands that use them; `dyad docs`, `dyad show`
and `dyad errors` read a SQLite store through the standard library (dyad.store.lists). The peers: the bare
interpreter, `git --version`, the `sqlite3` shell reading the columns `dyad docs` shows, and `python -m
pip --version`. The row "via SQLAlchemy" lists the same documents through the Store, as before the light
read path (a URL with an option is left to SQLAlchemy). Commands run round-robin, so that a change in the
machine's load falls on all of them alike; the load average is printed before and after.

The store is the first three documents of the bundled Peru–Russia example, ingested once before timing.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dyad.cli import example_corpus

# What `dyad docs` shows, asked of the `sqlite3` shell: the floor for a command that reads the store.
DOCS_QUERY = "SELECT id, kind, published, title, words FROM documents ORDER BY name"


def _dyad() -> list[str]:
    script = Path(sys.executable).with_name("dyad")  # the console script installed beside this python
    return [str(script)] if script.exists() else [sys.executable, "-m", "dyad.cli"]


def _wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _cases(dyad: list[str], db: str) -> dict[str, list[str]]:
    cases = {
        "python -c pass (peer)": [sys.executable, "-c", "pass"],
        "git --version (peer)": ["git", "--version"],
        "sqlite3 shell, docs' columns (peer)": ["sqlite3", db, DOCS_QUERY],
        "python -m pip --version (peer)": [sys.executable, "-m", "pip", "--version"],
        "dyad --help": [*dyad, "--help"],
        "dyad --version": [*dyad, "--version"],
        "dyad errors": [*dyad, "errors", "--db", db],
        "dyad errors --json": [*dyad, "errors", "--db", db, "--json"],
        "dyad docs": [*dyad, "docs", "--db", db],
        "dyad show (one document)": [*dyad, "show", "000_", "--db", db],
        "dyad docs via SQLAlchemy (reference)": [*dyad, "docs", "--db", f"sqlite:///{db}?timeout=60"],
    }
    missing = [name for name, command in cases.items() if shutil.which(command[0]) is None]
    return {name: command for name, command in cases.items() if name not in missing}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    dyad = _dyad()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "small.db")
        first = [str(p) for p in example_corpus("peru-russia")[:3]]
        ingest = [*dyad, "ingest", *first, "--db", db, "--workers", "1"]
        subprocess.run(ingest, check=True, capture_output=True)
        subprocess.run([*dyad, "docs", "--db", db], check=True, capture_output=True)  # warm the file cache
        cases = _cases(dyad, db)
        load_before = os.getloadavg()
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, command in cases.items():
                times[name].append(_wall_time(command))
        load_after = os.getloadavg()
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores")
    print(f"load average (1, 5, 15 min): before {_load(load_before)}; after {_load(load_after)}")
    print(f"{'command':<40} {'median':>8} {'min':>8}   ({runs} runs each, wall time)")
    for name, measured in times.items():
        print(f"{name:<40} {statistics.median(measured):>7.3f}s {min(measured):>7.3f}s")


def _load(load: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    main()
