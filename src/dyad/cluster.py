"""The per-document stages on a Dask cluster: beyond the cores of one machine.

``process_on_dask`` maps ``pipeline.process_file`` over the files on the cluster's workers, a few files
to a task (each worker reads its files by path), and yields the results in the order they complete, for
the caller to write through the store. ``store_on_dask`` does the same for a server store (PostgreSQL),
but each worker writes its documents itself, through its own connection: one writing client would cap a
cluster at about (E + W) / W workers (E a document's extraction, W its write: about six). A worker lost
mid-batch costs nothing: the scheduler runs its unfinished tasks again on another worker, a finished
result that was lost with it before it was read is asked for again, a write cut off is rolled back by the
server, and the store keeps one copy of a document (its id is its content hash), so a document computed
or written twice is still stored once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from dyad.errors import ClusterError, StoreError
from dyad.models import IngestFailure, ProcessedDocument, StoredFile
from dyad.pipeline import Options, process_file
from dyad.store import Store

LOGGER = logging.getLogger(__name__)

INSTALL_HINT = "pip install 'dyad[dask]'"
# Tasks in flight per worker thread: enough to keep every worker busy while the client writes, few
# enough that a corpus of millions of files is not held by the scheduler all at once.
TASKS_PER_THREAD = 4
# Files a task reads: a task's round trip through the scheduler and back to the client costs the client
# and the scheduler CPU on the cores the workers use; four to a task pays it once for four documents.
FILES_PER_TASK = 4
# How often a file whose finished result was lost with its worker is run again before it is a failure.
LOST_RETRIES = 3
CONNECT_TIMEOUT = "20s"
# The environment Dask's nannies give the worker processes they start (docs/scale.md).
TRIM_SETTING = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"

Result = list[ProcessedDocument] | IngestFailure
Written = StoredFile | IngestFailure


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
        import dask

        # Dask starts its workers with glibc's MALLOC_TRIM_THRESHOLD_ at 64 KiB, so that they hand freed
        # memory back to the system at once; the parser allocates and frees so much that this made every
        # document cost 12-15 % more CPU in a worker than in one process. Unset while the cluster lives
        # (a worker that is lost is started again under it); a value the user exported still wins.
        with dask.config.set({TRIM_SETTING: None}):
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


def store_on_dask(
    files: list[str], options: Options, address: str, workers: int, url: str, *, replace: bool = False
) -> Iterator[tuple[str, Written]]:
    """``(path, what was written)`` for every file, each read, extracted and written into the server store
    at ``url`` by a worker, in the order the cluster finishes them."""
    with connect(address, workers) as client:
        try:
            yield from map_files(client, files, options, task=store_batch, extra=(url, replace))
        finally:
            try:  # the workers of a cluster that lives on keep no connection to this store
                client.run(close_stores, url)
            except Exception:  # a worker gone, the scheduler going down: their connections went with them
                LOGGER.debug("could not close the workers' connections to the store", exc_info=True)


def process_batch(paths: list[str], options: Options) -> list[Result]:
    """``process_file`` over a few files in one task: one scheduler round trip and one message back for
    the lot."""
    return [process_file(path, options) for path in paths]


# The stores a worker process writes to, opened once per process: opening one checks its schema.
_STORES: dict[str, Store] = {}


def store_batch(paths: list[str], options: Options, url: str, replace: bool) -> list[Written]:
    """``process_file`` over a few files in one task, each file's documents written by this worker into the
    store at ``url`` (one transaction a document, as a plain ingest writes them)."""
    out: list[Written] = []
    for path in paths:
        result = process_file(path, options)
        if isinstance(result, IngestFailure):
            out.append(result)
            continue
        try:
            store = _STORES.get(url) or _STORES.setdefault(url, Store(url))
            written = tuple((p.document.name, p.document.id, store.add(p, replace=replace)) for p in result)
        except StoreError as exc:  # this worker cannot write (the server unreachable from it): said per file
            reason = f"{os.path.basename(path)}: not stored by the Dask worker ({exc})"
            out.append(IngestFailure(path, reason))
            continue
        out.append(StoredFile(written, tuple(w for p in result for w in p.document.warnings)))
    return out


def close_stores(url: str) -> None:
    """Close this worker process's connections to the store at ``url``."""
    store = _STORES.pop(url, None)
    if store is not None:
        store.close()


def map_files(
    client: Any,
    files: list[str],
    options: Options,
    batch: int | None = None,
    *,
    task: Any = process_batch,
    extra: tuple[Any, ...] = (),
) -> Iterator[tuple[str, Any]]:
    """Run ``task`` (by default ``process_batch``) on the client's cluster, ``batch`` files to a task (by
    default up to FILES_PER_TASK, fewer when there are too few files to keep every worker busy) and a
    window of tasks at a time, and yield each file's result as its task finishes."""
    distributed = _distributed()
    if batch is None:
        batch = max(1, min(FILES_PER_TASK, len(files) // (_threads(client) * TASKS_PER_THREAD)))
    pending = iter(files)
    paths_of: dict[str, list[str]] = {}
    completed = distributed.as_completed(loop=client.loop, with_results=True, raise_errors=False)

    lost: dict[str, int] = {}

    def submit(paths: list[str]) -> None:
        future = client.submit(task, paths, options, *extra, pure=False)
        paths_of[future.key] = paths
        completed.add(future)

    def top_up() -> None:
        # The window follows the cluster's size, which may change while it runs (workers added or lost).
        window = _threads(client) * TASKS_PER_THREAD
        while completed.count() < window:
            paths = list(islice(pending, batch))
            if not paths:
                return
            submit(paths)

    top_up()
    for finished in completed.batches():  # everything finished since the last look, written together
        for future, results in finished:
            paths = paths_of.pop(future.key)
            if future.status == "finished":
                yield from zip(paths, results, strict=True)
                continue
            if future.status == "lost":
                # done, but its result was held by a worker killed before it was read: run it again
                again = [path for path in paths if lost.get(path, 0) < LOST_RETRIES]
                for path in again:
                    lost[path] = lost.get(path, 0) + 1
                if again:
                    submit(again)
                paths = [path for path in paths if path not in again]
            yield from ((path, _failure(path, future)) for path in paths)
        top_up()


def _threads(client: Any) -> int:
    """The worker threads the cluster has now (at least one)."""
    return max(1, sum(client.nthreads().values()))


def _failure(path: str, future: Any) -> IngestFailure:
    """A task that failed on every worker it was tried on, or was cancelled (the scheduler went away)."""
    reason = future.exception() if future.status == "error" else future.status
    LOGGER.warning("%s failed on the Dask cluster: %r", path, reason)
    name = os.path.basename(path)
    return IngestFailure(path, f"{name}: not processed on the Dask cluster ({reason!r})")
