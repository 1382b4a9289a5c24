"""`dyad ingest --dask` (issue 10): the bundled examples through a 2-worker LocalCluster give the store a
plain ingest gives, on both backends (into PostgreSQL the workers write, into SQLite the client); a worker
killed mid-batch loses and doubles nothing."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dyad import pipeline
from dyad.cli import app, example_corpus
from dyad.cluster import TRIM_SETTING, connect, map_files, store_on_dask
from dyad.models import StoredFile
from dyad.store import Store

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

FACT_COLUMNS = {
    "events": ("id", "doc_id", "type", "participants", "date_edtf", "status", "summary", "start", "end"),
    "figures": ("id", "doc_id", "kind", "value", "unit", "year_edtf", "from_code", "to_code", "start"),
}


def _contents(store: Store) -> dict[str, Any]:
    """What a store holds, independent of the order documents were written in."""
    found: dict[str, Any] = {"documents": sorted((d["id"], d["name"]) for d in store.documents())}
    for table, columns in FACT_COLUMNS.items():
        found[table] = sorted(tuple(row[c] for c in columns) for row in store.rows(table))
    return found


@pytest.fixture(scope="module")
def examples() -> list[str]:
    return [str(p) for p in example_corpus("peru-russia") + example_corpus("india-china")]


@pytest.fixture(scope="module")
def plain(examples: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The store a plain ingest in this process writes."""
    url = f"sqlite:///{tmp_path_factory.mktemp('plain') / 'plain.db'}"
    with Store(url) as store:
        assert pipeline.ingest(store, examples, workers=1).ok
        return _contents(store)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two single-threaded worker processes, each kept alive by its nanny (a killed one is restarted)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
    ) as local:
        yield local


def _kill_a_busy_worker(cluster: Any, killed: list[str]) -> None:
    """SIGKILL, once, the worker process that is busy with a document (none busy: a failed test)."""
    if killed:
        return
    with distributed.Client(cluster) as client:
        busy = [worker for worker, keys in client.processing().items() if keys]
        assert busy, "no worker was busy: the kill would not be mid-batch"
        pids = client.run(os.getpid, workers=busy[:1])
    for worker, pid in pids.items():
        os.kill(pid, signal.SIGKILL)
        killed.append(worker)


def test_dask_local_cluster_stores_what_a_plain_ingest_stores(
    store_url: str, examples: list[str], plain: dict[str, Any]
) -> None:
    with Store(store_url) as store:
        report = pipeline.ingest(store, examples, workers=2, dask="local")
        assert report.ok, report.failed
        assert sorted(report.added) == sorted(name for _, name in plain["documents"])
        assert _contents(store) == plain


def test_a_worker_killed_mid_batch_loses_and_doubles_nothing(
    store_url: str, examples: list[str], plain: dict[str, Any], cluster: Any
) -> None:
    """After the first result is stored, the worker process that is busy with a document is killed
    (SIGKILL): the scheduler runs its task again elsewhere and every document is stored exactly once."""
    killed: list[str] = []
    with Store(store_url) as store:
        report = pipeline.ingest(
            store,
            examples,
            dask=cluster.scheduler_address,
            workers=2,
            progress=lambda _: _kill_a_busy_worker(cluster, killed),
        )
        assert killed
        assert report.ok, report.failed
        assert sorted(report.added) == sorted(name for _, name in plain["documents"])
        assert _contents(store) == plain


def test_workers_write_a_server_store_themselves_and_a_second_ingest_adds_nothing(
    store_url: str, examples: list[str], plain: dict[str, Any], cluster: Any
) -> None:
    """Into PostgreSQL each worker writes its documents itself: what comes back to the client is what was
    written (names, whether added), never the documents; the store holds what a plain ingest stores, and
    ingesting the same files again adds nothing."""
    if not store_url.startswith("postgresql"):
        pytest.skip("workers write only to a server store; into SQLite the client writes")
    options = pipeline.Options()
    results = dict(store_on_dask(examples, options, cluster.scheduler_address, 2, store_url))
    assert sorted(results) == sorted(examples)
    assert all(isinstance(r, StoredFile) for r in results.values()), results
    names = sorted(name for r in results.values() for name, _id, added in r.documents if added)
    assert names == sorted(name for _, name in plain["documents"])
    with Store(store_url) as store:
        assert _contents(store) == plain
        again = pipeline.ingest(store, examples, dask=cluster.scheduler_address, workers=2)
        assert again.ok and not again.added
        assert sorted(again.unchanged) == names
        assert _contents(store) == plain


def test_two_files_of_one_content_count_one_added_when_workers_write(
    store_url: str, examples: list[str], cluster: Any, tmp_path: Path
) -> None:
    """Workers that write report what they wrote; of two files with the same content, whichever worker
    stored it, one is reported added and the other unchanged, as a plain ingest reports them."""
    if not store_url.startswith("postgresql"):
        pytest.skip("workers write only to a server store; into SQLite the client writes")
    copy = tmp_path / ("copy_" + Path(examples[0]).name)
    copy.write_bytes(Path(examples[0]).read_bytes())
    files = [*examples[:3], str(copy)]
    with Store(store_url) as store:
        report = pipeline.ingest(store, files, dask=cluster.scheduler_address, workers=2)
        assert report.ok, report.failed
        assert len(report.added) == 3 and len(report.unchanged) == 1
        assert {Path(examples[0]).name, copy.name} & set(report.unchanged)
        assert store.counts()["documents"] == 3


def test_files_batched_to_a_task_each_come_back_once_when_a_worker_is_killed(
    examples: list[str], cluster: Any
) -> None:
    """Three files to a task, one worker killed after the first results: every file's result comes back
    exactly once, and it is the result the file gives in this process."""
    options = pipeline.Options()

    def summary(result: Any) -> list[tuple[str, int, int]]:
        assert isinstance(result, list), result
        return sorted((doc.document.id, len(doc.events), len(doc.figures)) for doc in result)

    expected = {path: summary(pipeline.process_file(path, options)) for path in examples}
    killed: list[str] = []
    seen: list[str] = []
    with distributed.Client(cluster) as client:
        for path, result in map_files(client, examples, options, batch=3):
            _kill_a_busy_worker(cluster, killed)
            assert summary(result) == expected[path]
            seen.append(path)
    assert killed
    assert sorted(seen) == sorted(examples)


def test_a_local_cluster_starts_its_workers_without_dasks_malloc_trim_threshold(examples: list[str]) -> None:
    """Dask's default 64 KiB trim threshold makes the parser's every document cost more CPU in a worker;
    `--dask local` starts its workers without it, and restores Dask's setting afterwards."""
    before = dask.config.get(TRIM_SETTING)
    with connect("local", 1) as client:
        (value,) = client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_").values()
    assert value == os.environ.get("MALLOC_TRIM_THRESHOLD_")  # unset, unless the user exported one
    assert dask.config.get(TRIM_SETTING) == before


def test_a_task_that_fails_on_every_worker_is_a_failed_file_and_the_batch_goes_on(
    tmp_path: Path, examples: list[str]
) -> None:
    """With no retries allowed (allowed-failures 0), the task of a killed worker errs: its file is reported
    and recorded as failed, and every other document is stored."""
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
        ) as local,
        Store(f"sqlite:///{tmp_path / 'd.db'}") as store,
    ):
        killed: list[str] = []
        report = pipeline.ingest(
            store,
            examples,
            dask=local.scheduler_address,
            progress=lambda _: _kill_a_busy_worker(local, killed),
        )
        errors = store.errors()
        stored = store.counts()["documents"]
    assert killed
    assert report.failed, "the killed worker's task was retried although no retry was allowed"
    assert all("not processed on the Dask cluster (KilledWorker" in f.reason for f in report.failed)
    assert sorted(e["path"] for e in errors) == sorted(f.path for f in report.failed)
    assert stored == len(report.added) == len(examples) - len(report.failed)


def test_dask_missing_names_the_extra_to_install(
    tmp_path: Path, examples: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if dask[distributed] were not installed
    db = tmp_path / "d.db"
    result = CliRunner().invoke(app, ["ingest", examples[0], "--db", str(db), "--dask", "local"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error: --dask needs Dask's distributed scheduler: pip install 'dyad[dask]'"
    ]


def test_dask_address_that_is_no_scheduler_is_one_line(tmp_path: Path, examples: list[str]) -> None:
    db = tmp_path / "d.db"
    result = CliRunner().invoke(app, ["ingest", examples[0], "--db", str(db), "--dask", "scheduler"])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith("error: cannot reach the Dask scheduler at scheduler (")
    assert "use --dask local or a scheduler's address such as tcp://host:8786" in line
