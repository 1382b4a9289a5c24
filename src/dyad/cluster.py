"""The per-document stages on a Dask cluster: beyond the cores of one machine.

``process_on_dask`` maps ``pipeline.process_file`` over the files on the cluster's workers (each worker
reads its files by path) and yields the results in the order they complete, for the caller to write
through the store. A worker lost mid-batch costs nothing: the scheduler runs its unfinished tasks again
on another worker, a finished result that was lost with it before it was read is asked for again, and
the store keeps one copy of a document (its id is its content hash), so a result computed twice is
still written once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from dyad.errors import ClusterError
from dyad.models import IngestFailure, ProcessedDocument
from dyad.pipeline import Options, process_file

LOGGER = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'dyad[dask]'"
# Tasks in flight per worker thread: enough to keep every worker busy while the client writes, few
# enough that a corpus of millions of files is not held by the scheduler all at once.
TASKS_PER_THREAD = 4
# How often a file whose finished result was lost with its worker is run again before it is a failure.
LOST_RETRIES = 3
CONNECT_TIMEOUT = "20s"

Result = list[ProcessedDocument] | IngestFailure


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterError(f"--dask needs Dask's distributed scheduler: {INSTALL_HINT}") from None
    return distributed


@contextmanager
def connect(address: str, workers: int) -> Iterator[Any]:
    """A client of a new ``LocalCluster`` of ``workers`` single-threaded processes (``address`` "local"),
    or of the running scheduler at ``address`` (e.g. ``tcp://host:8786``), closed on exit."""
    distributed = _distributed()
    if address == "local":
        cluster = distributed.LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,  # the parser is CPU-bound: one document per process at a time
            processes=True,
            dashboard_address=":0",  # any free port: a second cluster on this machine must not clash
            silence_logs=logging.ERROR,
        )
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} ({exc}); use --dask local or a scheduler's "
            "address such as tcp://host:8786"
        ) from None
    with client:
        yield client


def process_on_dask(
    files: list[str], options: Options, address: str, workers: int
) -> Iterator[tuple[str, Result]]:
    """``(path, result)`` for every file, in the order the cluster finishes them."""
    with connect(address, workers) as client:
        yield from map_files(client, files, options)


def map_files(client: Any, files: list[str], options: Options) -> Iterator[tuple[str, Result]]:
    """Run ``process_file`` on the client's cluster, a window of tasks at a time, as results arrive."""
    distributed = _distributed()
    pending = iter(files)
    path_of: dict[str, str] = {}
    completed = distributed.as_completed(loop=client.loop, with_results=True, raise_errors=False)

    lost: dict[str, int] = {}

    def submit(path: str) -> None:
        future = client.submit(process_file, path, options, pure=False)
        path_of[future.key] = path
        completed.add(future)

    def top_up() -> None:
        # The window follows the cluster's size, which may change while it runs (workers added or lost).
        window = max(1, sum(client.nthreads().values())) * TASKS_PER_THREAD
        for path in islice(pending, max(0, window - completed.count())):
            submit(path)

    top_up()
    for batch in completed.batches():  # everything finished since the last look, written together
        for future, result in batch:
            path = path_of.pop(future.key)
            if future.status == "lost" and lost.get(path, 0) < LOST_RETRIES:
                # done, but its result was held by a worker killed before it was read: run it again
                lost[path] = lost.get(path, 0) + 1
                submit(path)
                continue
            yield path, result if future.status == "finished" else _failure(path, future)
        top_up()


def _failure(path: str, future: Any) -> IngestFailure:
    """A task that failed on every worker it was tried on, or was cancelled (the scheduler went away)."""
    reason = future.exception() if future.status == "error" else future.status
    LOGGER.warning("%s failed on the Dask cluster: %r", path, reason)
    name = os.path.basename(path)
    return IngestFailure(path, f"{name}: not processed on the Dask cluster ({reason!r})")
