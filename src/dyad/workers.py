"""Worker processes that read one file at a time, each file under a time limit and a memory limit.

A reader that loops, or an input that swells in memory (a page nested a hundred thousand levels deep, a
PDF stream that inflates to gigabytes), must cost one file, never the batch or the machine. So every file
is read in a child process that the parent watches:

- a child still on one file when its time is up is killed and replaced; the file fails with
  "took longer than N s";
- a child's address space is capped (``RLIMIT_AS``) at what it held when it started plus the memory
  limit, so an allocation past it raises ``MemoryError`` inside the reader, and that file fails;
- a child that dies for any other reason (a crash in a C library) costs only the file it was on.

Children are forked, so they share what the parent loaded (the language model) instead of loading it
again; ``run`` hands out one file at a time and yields results as they arrive, not in input order.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from dyad.errors import file_label

LOGGER = logging.getLogger(__name__)

Result = TypeVar("Result")
MB = 1024 * 1024
ORPHAN_CHECK_SECONDS = 1.0


@dataclass(slots=True, frozen=True)
class Limits:
    seconds: int = 0  # wall-clock time for one file; 0 = no limit
    memory_mb: int = 0  # memory a worker may take beyond what it held at its start; 0 = no limit


class _Worker(Generic[Result]):
    """One child process and the file it is reading."""

    def __init__(
        self, job: Callable[[str], Result], failed: Callable[[str, str], Result], limits: Limits
    ) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, child_end = context.Pipe()
        args = (child_end, job, failed, limits.memory_mb)
        self.process = context.Process(target=_serve, args=args, daemon=True)
        self.process.start()
        child_end.close()  # so that the parent sees end-of-file when the child dies
        self.path = ""
        self.deadline = math.inf

    def give(self, path: str, seconds: int) -> None:
        self.path = path
        self.deadline = time.monotonic() + seconds if seconds > 0 else math.inf
        self.conn.send(path)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def exit_reason(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"killed by signal {signal.Signals(-code).name}"
        return f"exit code {code}"


def run(
    job: Callable[[str], Result],
    paths: Iterable[str],
    *,
    workers: int,
    limits: Limits,
    failed: Callable[[str, str], Result],
) -> Iterator[tuple[str, Result]]:
    """``(path, job(path))`` for every path, each run in a worker process under ``limits``; a file whose
    worker ran out of time or died gives ``(path, failed(path, reason))``."""
    pending = deque(paths)
    busy: dict[Connection, _Worker[Result]] = {}
    try:
        for _ in range(min(max(1, workers), len(pending))):
            worker = _Worker(job, failed, limits)
            busy[worker.conn] = worker
            worker.give(pending.popleft(), limits.seconds)
        while busy:
            timeout = min(w.deadline for w in busy.values()) - time.monotonic()
            ready = wait(list(busy), timeout=None if timeout == math.inf else max(0.0, timeout))
            answered = [w for w in busy.values() if w.conn in ready]
            for worker in answered or _overdue(busy.values()):
                path, result, alive = _collect(worker, limits, failed)
                del busy[worker.conn]
                if not alive:
                    worker.stop()
                    worker = _Worker(job, failed, limits) if pending else worker
                if pending:
                    busy[worker.conn] = worker
                    worker.give(pending.popleft(), limits.seconds)
                else:
                    worker.stop()  # no more files for it
                yield path, result
    finally:
        for worker in busy.values():
            worker.stop()


def _overdue(workers: Iterable[_Worker[Result]]) -> list[_Worker[Result]]:
    now = time.monotonic()
    return [w for w in workers if w.deadline <= now]


def _collect(
    worker: _Worker[Result], limits: Limits, failed: Callable[[str, str], Result]
) -> tuple[str, Result, bool]:
    """The worker's result for its file, or its failure; whether the worker can take another file."""
    path, name = worker.path, file_label(worker.path)
    if worker.deadline <= time.monotonic() and not worker.conn.poll():
        worker.stop()
        reason = f"{name}: took longer than {limits.seconds} s to read; skipped (time_limit)"
        return path, failed(path, reason), False
    try:
        return path, worker.conn.recv(), True
    except (EOFError, OSError):  # the child died while reading this file
        how = worker.exit_reason()
        LOGGER.warning("worker reading %s stopped (%s)", path, how)
        memory = f", perhaps out of its {limits.memory_mb} MB memory limit" if limits.memory_mb else ""
        reason = f"{name}: the worker reading it stopped ({how}{memory}); skipped"
        return path, failed(path, reason), False


def _serve(
    conn: Connection, job: Callable[[str], Any], failed: Callable[[str, str], Any], memory_mb: int
) -> None:
    """The child's loop: read a path, send back ``job(path)``, until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which stops its children
    _cap_memory(memory_mb)
    parent = os.getppid()
    while True:
        # A parent killed with -9 never closes the pipe (forked siblings hold copies of its end): an
        # orphan sees its parent change instead.
        if not conn.poll(ORPHAN_CHECK_SECONDS):
            if os.getppid() != parent:
                return
            continue
        try:
            path = conn.recv()
        except EOFError:  # the parent closed the pipe
            return
        try:
            conn.send(job(path))
        except Exception as exc:  # the result could not be pickled (out of memory): still one line
            reason = f"{file_label(path)}: could not be passed back from its worker ({type(exc).__name__})"
            conn.send(failed(path, reason))


def _cap_memory(memory_mb: int) -> None:
    """Cap the address space at its present size plus ``memory_mb`` (Linux; elsewhere no cap)."""
    if memory_mb <= 0:
        return
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            present = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = present + memory_mb * MB
        resource.setrlimit(
            resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard)
        )
    except (OSError, ValueError) as exc:
        LOGGER.info("no memory limit for ingest workers here (%s)", exc)
