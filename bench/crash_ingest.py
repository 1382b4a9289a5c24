"""Crash campaign: `kill -9` a running `dyad ingest` at random points, on SQLite and PostgreSQL, with one
worker and with the pool; after every kill `dyad check` must find the store consistent, and a rerun must
finish with every document exactly once and the same merged record as a clean ingest of the same files.

Two kinds of kill, both SIGKILL, so nothing of dyad's runs after it (no exception handler, no rollback):
- ``signal``: from outside, after a random delay within a clean ingest's wall time (anywhere: start-up,
  reading, a statement or a commit in flight), to the whole process group (the pool's workers too);
- ``statement``: the ingest kills itself just before its N-th SQL statement, N drawn at random over the
  statements of a clean ingest: every point between two statements is reachable, most of them inside a
  document's write transaction (its rows, then its merged record).

A round is one fresh store: kill, check, start again, until a run is left to finish (at most ``--kills``
kills a round), then check and compare with the clean ingest.

    python bench/crash_ingest.py [--crashes 50] [--words 6000] [--kills 3] [--seed 1] [--pg URL]

``--pg`` (or DYAD_TEST_PG_URL) is a server URL whose user may create databases; without it only SQLite is
run. Prints one line per round and a summary per backend; exits 1 if any check or comparison failed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, select, text

CRASH_AT = "DYAD_CRASH_AT"  # the child kills itself before this SQL statement (1-based)
COUNT_TO = "DYAD_CRASH_COUNT_TO"  # the child writes how many statements it ran to this file
WHERE_TO = "DYAD_CRASH_WHERE_TO"  # before killing itself, the child writes "write" here if in a write
# The child pauses before its first statement containing PAUSE_ON (say "INSERT INTO sentences": inside a
# document's write transaction), creates the file PAUSE_FILE, and goes on once that file is deleted: a test
# does something to the server meanwhile.
PAUSE_ON, PAUSE_FILE = "DYAD_CRASH_PAUSE_ON", "DYAD_CRASH_PAUSE_FILE"


# -- the child: `dyad ingest` with a kill switch on its SQL statements ---------------------------------------


def _child(argv: list[str]) -> None:
    from sqlalchemy import Engine, event

    at = int(os.environ.get(CRASH_AT, "0"))
    count_to = os.environ.get(COUNT_TO)
    seen = itertools.count(1)
    done = [0]

    pause_on, pause_file = os.environ.get(PAUSE_ON), Path(os.environ.get(PAUSE_FILE, "-"))

    @event.listens_for(Engine, "before_cursor_execute")
    def _statement(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        nonlocal pause_on
        done[0] = next(seen)
        if done[0] == at:
            writing = conn.get_execution_options().get("dyad_write", False)  # the store's write transaction
            Path(os.environ.get(WHERE_TO, os.devnull)).write_text("write" if writing else "other")
            os.kill(os.getpid(), signal.SIGKILL)
        if pause_on and pause_on in statement:
            pause_on = None
            pause_file.touch()
            while pause_file.exists():
                time.sleep(0.05)

    from dyad.cli import app

    try:
        app(argv, prog_name="dyad")
    finally:
        if count_to:
            Path(count_to).write_text(str(done[0]), encoding="utf-8")


def ingest_command(folder: Path, url: str, workers: int) -> list[str]:
    args = ["ingest", str(folder), "--db", url, "--workers", str(workers), "--json"]
    return [sys.executable, str(Path(__file__).resolve()), "--child", *args]


@dataclass(slots=True)
class Run:
    """One `dyad ingest` process: whether it was killed, and the report it printed if it finished."""

    killed: bool
    seconds: float
    report: dict[str, Any] | None = None
    in_write: bool = False  # killed inside one of the store's write transactions (statement kills only)


def run_ingest(folder: Path, url: str, workers: int, *, at: int = 0, after: float | None = None) -> Run:
    """Run an ingest; kill it before its ``at``-th statement, or ``after`` seconds (whole process group)."""
    with tempfile.TemporaryDirectory() as scratch:
        where = Path(scratch) / "where"
        env = {**os.environ, CRASH_AT: str(at), WHERE_TO: str(where)}
        start = time.perf_counter()
        # Output to files, not pipes: a pool worker outliving its killed parent would hold a pipe open.
        with open(where.with_name("out"), "w+") as out, open(where.with_name("err"), "w+") as err:
            proc = subprocess.Popen(
                ingest_command(folder, url, workers),
                stdout=out,
                stderr=err,
                env=env,
                start_new_session=True,  # its own process group: the pool's workers die with it
            )
            try:
                proc.wait(timeout=after)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            finally:
                _kill_group(proc.pid)  # the workers of a parent that killed itself
            seconds = time.perf_counter() - start
            if proc.returncode == -signal.SIGKILL:
                return Run(True, seconds, in_write=where.exists() and where.read_text() == "write")
            out.seek(0)
            err.seek(0)
            if proc.returncode not in (0, 1, 3):
                raise RuntimeError(f"ingest exited {proc.returncode}: {err.read().strip()[-500:]}")
            return Run(False, seconds, json.loads(out.read()))


def _kill_group(pgid: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


def count_statements(folder: Path, url: str, workers: int) -> tuple[int, float]:
    """How many SQL statements a clean ingest of ``folder`` runs, and its wall time."""
    with tempfile.NamedTemporaryFile(suffix=".n") as f:
        os.environ[COUNT_TO] = f.name
        try:
            run = run_ingest(folder, url, workers)
        finally:
            del os.environ[COUNT_TO]
        return int(Path(f.name).read_text(encoding="utf-8")), run.seconds


# -- what a store holds, to compare with a clean ingest ------------------------------------------------------


def snapshot(url: str) -> dict[str, Any]:
    """Documents (by id and name), fact counts, and the merged record: everything a rerun must reproduce.
    Times of ingest are left out; they differ by design."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if "documents" not in inspect(conn).get_table_names():
                return {}
            rows = lambda sql: sorted(tuple(r) for r in conn.execute(text(sql)))  # noqa: E731
            return {
                "documents": rows("SELECT id, name, n_sentences FROM documents"),
                "facts": {
                    t: conn.execute(select(text("count(*)")).select_from(text(t))).scalar_one()
                    for t in ("sentences", "mentions", "events", "figures", "time_expressions")
                },
                "events": rows("SELECT id, source_count, data FROM record_events"),
                "event_links": rows("SELECT mention_id, event_id FROM record_event_links"),
                "figures": rows("SELECT id, source_count, data FROM record_figures"),
                "figure_links": rows("SELECT mention_id, figure_id FROM record_figure_links"),
                "conflicts": rows("SELECT scope, data FROM record_conflicts"),
                "source_groups": rows("SELECT doc_id, grp FROM record_source_groups"),
                "errors": rows("SELECT path, level FROM ingest_errors"),
            }
    finally:
        engine.dispose()


def differences(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    """What differs between two snapshots, one line per part (documents lost or doubled first)."""
    if not got:
        return ["the store is empty"]
    out = []
    names = [d[1] for d in got["documents"]]
    doubled = sorted({n for n in names if names.count(n) > 1})
    lost = sorted({d[1] for d in want["documents"]} - set(names))
    if doubled:
        out.append(f"documents doubled: {', '.join(doubled)}")
    if lost:
        out.append(f"documents lost: {', '.join(lost)}")
    out += [
        f"{part} differ from a clean ingest"
        for part in want
        if part != "documents" and got[part] != want[part]
    ]
    return out


def is_empty(url: str) -> bool:
    """A store killed before it created its tables: a missing SQLite file or a database without tables."""
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return True
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return not inspect(conn).get_table_names()
    finally:
        engine.dispose()


def check(url: str) -> list[str]:
    from dyad.store.check import check_store

    return [] if is_empty(url) else check_store(url)


# -- stores --------------------------------------------------------------------------------------------------


class Stores:
    """Fresh stores on one backend: SQLite files in a folder, or databases on a PostgreSQL server."""

    def __init__(self, backend: str, folder: Path, pg_url: str | None = None) -> None:
        self.backend, self.folder, self.pg_url = backend, folder, pg_url
        self.made = itertools.count()

    @contextmanager
    def fresh(self) -> Iterator[str]:
        n = next(self.made)
        if self.backend == "sqlite":
            path = self.folder / f"store{n}.db"
            yield f"sqlite:///{path}"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return
        assert self.pg_url
        name = f"dyad_crash_{os.getpid()}_{n}"
        admin = create_engine(self.pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield self.pg_url.rsplit("/", 1)[0] + "/" + name
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


# -- rounds --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Round:
    backend: str
    workers: int
    mode: str
    stored_at_kill: list[int] = field(default_factory=list)  # documents in the store after each kill
    in_write: int = 0  # kills that landed inside a write transaction (known for statement kills)
    problems: list[str] = field(default_factory=list)  # from dyad check, after a kill or at the end
    differences: list[str] = field(default_factory=list)  # from the clean ingest, at the end

    @property
    def ok(self) -> bool:
        return not self.problems and not self.differences


@dataclass(slots=True)
class Plan:
    """What a clean ingest of the corpus looks like on one backend with one worker count."""

    folder: Path
    workers: int
    statements: int
    seconds: float
    reference: dict[str, Any]


def make_plan(stores: Stores, folder: Path, workers: int) -> Plan:
    with stores.fresh() as url:
        statements, seconds = count_statements(folder, url, workers)
        return Plan(folder, workers, statements, seconds, snapshot(url))


def crash_round(stores: Stores, plan: Plan, mode: str, rng: random.Random, kills: int) -> Round:
    """Kill a fresh store's ingest up to ``kills`` times at random points, checking after each kill, then
    let a run finish and compare the store with the clean ingest."""
    found = Round(stores.backend, plan.workers, mode)
    with stores.fresh() as url:
        for attempt in range(kills + 1):
            if attempt == kills:
                run = run_ingest(plan.folder, url, plan.workers)
            elif mode == "statement":
                run = run_ingest(plan.folder, url, plan.workers, at=rng.randint(1, plan.statements))
            else:
                run = run_ingest(plan.folder, url, plan.workers, after=rng.uniform(0, plan.seconds))
            if not run.killed:
                break
            found.stored_at_kill.append(len(snapshot(url).get("documents", [])))
            found.in_write += run.in_write
            found.problems += [f"after kill {attempt + 1}: {p}" for p in check(url)]
        found.problems += check(url)
        found.differences = differences(snapshot(url), plan.reference)
    return found


# -- the campaign --------------------------------------------------------------------------------------------


def _summary(rounds: list[Round]) -> str:
    kills = [n for r in rounds for n in r.stored_at_kill]
    bad = [r for r in rounds if not r.ok]
    spread = f"{min(kills)}–{max(kills)} documents stored at a kill" if kills else "no kill landed"
    in_write = sum(r.in_write for r in rounds)
    statement_kills = sum(len(r.stored_at_kill) for r in rounds if r.mode == "statement")
    return (
        f"{len(rounds)} rounds, {len(kills)} kills ({spread}; {in_write} of {statement_kills} "
        f"statement kills inside a write transaction), {len(bad)} rounds with problems, "
        f"{sum(len(r.problems) for r in rounds)} check problems, "
        f"{sum(1 for r in rounds for d in r.differences if 'lost' in d)} rounds with documents lost, "
        f"{sum(1 for r in rounds for d in r.differences if 'doubled' in d)} with documents doubled"
    )


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--crashes", type=int, default=50, help="kills to land, over all backends")
    parser.add_argument("--words", type=int, default=6000, help="size of the corpus")
    parser.add_argument("--kills", type=int, default=3, help="kills per round before a run may finish")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", default=os.environ.get("DYAD_TEST_PG_URL"), help="PostgreSQL server URL")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).parent))
    from bench_pipeline import build_corpus

    rng = random.Random(args.seed)
    backends = ["sqlite", "postgresql"] if args.pg else ["sqlite"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        words = build_corpus(corpus, args.words)
        (corpus / "empty.txt").write_bytes(b"")  # one bad file: its error is recorded once
        files = len(list(corpus.iterdir()))
        print(f"corpus: {files} files, {words} words; seed {args.seed}")
        all_rounds: dict[str, list[Round]] = {}
        for backend in backends:
            stores = Stores(backend, Path(tmp), args.pg)
            plans = [make_plan(stores, corpus, workers) for workers in (1, 2)]
            for p in plans:
                clean = f"clean ingest {p.seconds:.1f} s, {p.statements} statements"
                print(f"{backend}, {p.workers} worker(s): {clean}")
            rounds = all_rounds.setdefault(backend, [])
            target = args.crashes // len(backends)
            while sum(len(r.stored_at_kill) for r in rounds) < target:
                plan = plans[len(rounds) % 2]
                mode = ("statement", "signal")[(len(rounds) // 2) % 2]
                found = crash_round(stores, plan, mode, rng, args.kills)
                rounds.append(found)
                verdict = "ok" if found.ok else "; ".join(found.problems + found.differences)
                where = f"kills at {found.stored_at_kill} documents"
                print(f"  {backend} workers={plan.workers} {mode:<9} {where}: {verdict}", flush=True)
        for backend, rounds in all_rounds.items():
            print(f"{backend}: {_summary(rounds)}")
    return 0 if all(r.ok for rounds in all_rounds.values() for r in rounds) else 1


if __name__ == "__main__":
    sys.exit(main())
