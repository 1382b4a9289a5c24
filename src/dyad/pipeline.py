"""The only place that knows the order of the stages.

Per document (pure, parallel): read bytes → ingest (decode, format, metadata) → clean (text, sentences)
→ extract (facts), in worker processes of this machine or on a Dask cluster (``dyad.cluster``). Then, in
the parent process: store, one transaction per document, as results arrive.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dyad.clean import clean_document
from dyad.errors import DyadError, IngestError
from dyad.extract import extract_facts
from dyad.ingest import read_documents
from dyad.models import IngestFailure, IngestWarning, ProcessedDocument
from dyad.store import Store

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


def process_bytes(path: str, data: bytes, options: Options = Options()) -> list[ProcessedDocument]:
    """The per-document stages for one file's bytes. Pure: no I/O, no store."""
    results = []
    for doc in read_documents(path, data, max_bytes=options.max_bytes):
        clean_document(doc)
        results.append(extract_facts(doc, dyad=options.dyad, knowledge_dirs=options.knowledge_dirs))
    return results


def process_file(path: str, options: Options) -> list[ProcessedDocument] | IngestFailure:
    """Read and process one file; every failure becomes an ``IngestFailure`` with a one-line reason."""
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
        if size > options.max_bytes:
            limit = options.max_bytes
            raise IngestError(f"{name}: {size:,} bytes is over the size limit of {limit:,} bytes (max_bytes)")
        data = Path(path).read_bytes()
        return process_bytes(path, data, options)
    except DyadError as exc:
        return IngestFailure(path, str(exc))
    except OSError as exc:  # the failure's path says which file: the path as given, not its last part
        return IngestFailure(path, f"cannot read: {(exc.strerror or str(exc)).lower()}")
    except Exception as exc:  # one broken file must never stop the batch
        LOGGER.exception("unexpected failure on %s", path)
        return IngestFailure(
            path, f"{name}: internal error ({exc.__class__.__name__}: {exc}); please report it"
        )


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


def _exit_with_parent(parent: int) -> None:
    """Pool initializer: a worker whose parent is killed (kill -9, the OOM killer) exits too, instead of
    waiting forever, with a language model in memory, for work that will never come."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="dyad-parent-watch", daemon=True).start()


def _process_all(
    files: list[str], workers: int, options: Options
) -> Iterator[tuple[str, list[ProcessedDocument] | IngestFailure]]:
    if workers <= 1 or len(files) < 4:
        yield from ((f, process_file(f, options)) for f in files)
        return
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(files)), initializer=_exit_with_parent, initargs=(os.getpid(),)
    )
    with pool:
        chunksize = max(1, min(16, len(files) // (workers * 4)))
        try:
            done = pool.map(process_file, files, [options] * len(files), chunksize=chunksize)
            yield from zip(files, done, strict=True)
        finally:  # closed early (a store error ends the batch): drop the files not started, not wait for them
            pool.shutdown(cancel_futures=True)


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
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders into ``store``; bad files are skipped, recorded and reported.

    ``dask`` runs the per-document stages on a Dask cluster instead of local processes: ``"local"`` (a
    ``LocalCluster`` of ``workers`` processes) or a scheduler's address (``"tcp://host:8786"``, whose
    workers must be able to read the paths); results are stored here as they complete."""
    files = expand_paths(paths)
    options = Options(max_bytes, tuple(dyad), tuple(knowledge_dirs))
    if dask:
        from dyad.cluster import process_on_dask  # Dask is an optional extra

        results: Iterator[tuple[str, list[ProcessedDocument] | IngestFailure]] = process_on_dask(
            files, options, dask, workers
        )
    else:
        results = _process_all(files, workers, options)
    report = IngestReport()
    stored_paths = []
    try:
        for path, result in results:
            if isinstance(result, IngestFailure):
                report.failed.append(result)
                store.record_error(result.path, result.reason)
            else:
                for processed in result:
                    name = processed.document.name
                    added = store.add(processed, replace=replace)
                    (report.added if added else report.unchanged).append(name)
                    report.warnings.extend(IngestWarning(path, w) for w in processed.document.warnings)
                stored_paths.append(path)
            if progress:
                progress(path)
    finally:  # a store error ends the batch: stop the workers now, in this thread
        if isinstance(results, Generator):
            results.close()
    store.clear_errors(stored_paths)
    for warning in dict.fromkeys(report.warnings):  # the records of one file share its warnings
        store.record_error(warning.path, warning.reason, level="warning")
    return report
