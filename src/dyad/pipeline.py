"""The only place that knows the order of the stages.

Per document (pure, parallel): read bytes → ingest (decode, format, metadata) → clean (text, sentences)
→ extract (facts), in worker processes of this machine (``dyad.workers``: each file under a time and a
memory limit) or on a Dask cluster (``dyad.cluster``). Then, in the parent process: store, one
transaction per document, as results arrive.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dyad.clean import clean_document
from dyad.errors import CleanError, DyadError, IngestError, file_label, text_path
from dyad.extract import extract_facts
from dyad.ingest import read_documents
from dyad.models import IngestFailure, IngestWarning, ProcessedDocument, StoredFile
from dyad.store import Store
from dyad.workers import Limits, run

DEFAULT_TIME_LIMIT = 300  # seconds per file
DEFAULT_MEMORY_LIMIT = 2048  # MB per worker, beyond the language model it starts with
# Read once in the parent before the workers are forked, so that they share the loaded model.
WARM_UP = b"Peru and Russia signed a trade agreement in Lima on 3 March 2015.\n"

LOGGER = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass(slots=True)
class IngestReport:
    added: list[str] = field(default_factory=list)  # document names newly stored
    unchanged: list[str] = field(default_factory=list)  # identical content already in the store
    failed: list[IngestFailure] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)  # files stored, but read with a doubt

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(slots=True, frozen=True)
class Options:
    """What the per-document stages need from the settings (picklable, for worker processes)."""

    max_bytes: int = 50 * 1024 * 1024
    dyad: tuple[str, ...] = ()  # read every document for this pair; empty = each document's own
    knowledge_dirs: tuple[str, ...] = ()
    time_limit: int = DEFAULT_TIME_LIMIT  # seconds per file in a worker process; 0 = none
    memory_limit: int = DEFAULT_MEMORY_LIMIT  # MB per worker process; 0 = none


def process_bytes(path: str, data: bytes, options: Options = Options()) -> list[ProcessedDocument]:
    """The per-document stages for one file's bytes. Pure: no I/O, no store."""
    results = []
    for doc in read_documents(path, data, max_bytes=options.max_bytes):
        try:
            clean_document(doc)
        except CleanError as exc:  # the message names the file, as the readers' do
            raise CleanError(f"{file_label(doc.name)}: {exc}") from None
        results.append(extract_facts(doc, dyad=options.dyad, knowledge_dirs=options.knowledge_dirs))
    return results


def process_file(path: str, options: Options) -> list[ProcessedDocument] | IngestFailure:
    """Read and process one file; every failure becomes an ``IngestFailure`` with a one-line reason.
    Documents and failures carry the path as text (``text_path``): a file name need not be UTF-8."""
    shown, name = text_path(path), file_label(path)
    try:
        size = os.path.getsize(path)
        if size > options.max_bytes:
            limit = options.max_bytes
            raise IngestError(f"{name}: {size:,} bytes is over the size limit of {limit:,} bytes (max_bytes)")
        data = Path(path).read_bytes()
        return process_bytes(shown, data, options)
    except DyadError as exc:
        return IngestFailure(shown, str(exc))
    except MemoryError:
        return IngestFailure(
            shown, f"{name}: needs more memory than the memory limit; skipped (memory_limit)"
        )
    except OSError as exc:  # the failure's path says which file: the path as given, not its last part
        return IngestFailure(shown, f"cannot read: {(exc.strerror or str(exc)).lower()}")
    except Exception as exc:  # one broken file must never stop the batch
        LOGGER.exception("unexpected failure on %s", shown)
        what = f"{exc.__class__.__name__}: {exc}".splitlines()[0]
        return IngestFailure(shown, f"{name}: internal error ({what}); please report it")


def _failed(path: str, reason: str) -> IngestFailure:
    return IngestFailure(text_path(path), reason)


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Files under the given files and folders (recursive, sorted, hidden files skipped)."""
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(str(raw))  # as given: a missing file is reported by process_file
    return list(dict.fromkeys(found))


def _process_all(
    files: list[str], workers: int, options: Options
) -> Iterator[tuple[str, list[ProcessedDocument] | IngestFailure]]:
    """Each file read in a worker process under the time and memory limits, results as they arrive."""
    if not files:
        return
    _warm_up(options)
    limits = Limits(options.time_limit, options.memory_limit)
    job = _FileJob(options)
    yield from run(job, files, workers=workers, limits=limits, failed=_failed)


@dataclass(slots=True, frozen=True)
class _FileJob:
    options: Options

    def __call__(self, path: str) -> list[ProcessedDocument] | IngestFailure:
        return process_file(path, self.options)


@lru_cache(maxsize=4)
def _warm_up(options: Options) -> None:
    process_bytes("warm-up.txt", WARM_UP, options)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    workers: int = 1,
    max_bytes: int = 50 * 1024 * 1024,
    dyad: tuple[str, ...] = (),
    knowledge_dirs: tuple[str, ...] = (),
    replace: bool = False,
    dask: str | None = None,
    time_limit: int = DEFAULT_TIME_LIMIT,
    memory_limit: int = DEFAULT_MEMORY_LIMIT,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders into ``store``; bad files are skipped, recorded and reported.

    ``dask`` runs the per-document stages on a Dask cluster instead of local processes: ``"local"`` (a
    ``LocalCluster`` of ``workers`` processes) or a scheduler's address (``"tcp://host:8786"``, whose
    workers must be able to read the paths). Into a SQLite store, results are written here as they
    complete; into a server store (PostgreSQL), each worker writes its own documents (the workers must
    reach the server at the store's URL), so that writing grows with the cluster.

    Locally, each file is read in a worker process: one that takes longer than ``time_limit`` seconds is
    stopped, and a worker may use ``memory_limit`` MB beyond the model it starts with (0 = no limit); the
    file is then listed as failed with the reason (``dyad.workers``)."""
    files = expand_paths(paths)
    options = Options(max_bytes, tuple(dyad), tuple(knowledge_dirs), time_limit, memory_limit)
    started = dt.datetime.now(dt.UTC)
    results: Iterator[tuple[str, list[ProcessedDocument] | IngestFailure | StoredFile]]
    if dask and store.backend != "sqlite":
        from dyad.cluster import store_on_dask  # Dask is an optional extra

        results = store_on_dask(files, options, dask, workers, store.url, replace=replace)
    elif dask:
        from dyad.cluster import process_on_dask

        results = process_on_dask(files, options, dask, workers)
    else:
        results = _process_all(files, workers, options)
    report = IngestReport()
    stored_paths = []
    worker_added: set[str] = set()  # the documents Dask workers' reports counted as added
    try:
        for path, result in results:
            if isinstance(result, IngestFailure):
                report.failed.append(result)
                store.record_error(result.path, result.reason)
            else:
                shown = text_path(path)
                if isinstance(result, StoredFile):  # a Dask worker wrote it
                    written, warnings, by_worker = result.documents, result.warnings, True
                else:
                    written = tuple(
                        (p.document.name, p.document.id, store.add(p, replace=replace)) for p in result
                    )
                    warnings, by_worker = tuple(w for p in result for w in p.document.warnings), False
                for name, doc_id, added in written:
                    if by_worker:
                        # A task run again (its worker lost after writing) finds the document it wrote; of
                        # this run's files that hold one content, the first reported counts as adding it.
                        added = doc_id not in worker_added and (added or store.stored_since(doc_id, started))
                        if added:
                            worker_added.add(doc_id)
                    (report.added if added else report.unchanged).append(name)
                report.warnings.extend(IngestWarning(shown, w) for w in warnings)
                stored_paths.append(shown)
            if progress:
                progress(path)
    finally:  # a store error ends the batch: stop the workers now, in this thread
        if isinstance(results, Generator):
            results.close()
    store.clear_errors(stored_paths)
    for warning in dict.fromkeys(report.warnings):  # the records of one file share its warnings
        store.record_error(warning.path, warning.reason, level="warning")
    return report
