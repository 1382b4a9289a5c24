"""The export as flat tables: one CSV or Parquet file per table, and pandas DataFrames."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dyad
from dyad.cli import app
from dyad.errors import DyadError
from dyad.export import build_export
from dyad.pipeline import ingest
from dyad.store import Store
from dyad.tables import COLUMNS, build_tables, write_tables

runner = CliRunner()
STORIES = {
    "a.txt": "Peru and Russia sign fisheries accord\n\nBy Maria Lopez\n\nLima, 12 March 2019 - "
    "Russian President Vladimir Putin and Peruvian President Martin Vizcarra signed the Fisheries "
    "Cooperation Agreement on Monday in Lima. Peru's exports to Russia reached $8.2 bn in 2018.\n",
    "b.txt": "Fisheries deal for Peru and Russia\n\nBy Ivan Petrov\n\nMoscow, 13 March 2019 - "
    "Peru and Russia signed the Fisheries Cooperation Agreement on Monday, officials said.\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("tables")
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Store(f"sqlite:///{folder / 'store.db'}") as s:
        assert ingest(s, sorted(str(p) for p in folder.glob("*.txt"))).ok
        yield s


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_export_writes_one_flat_file_per_table(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(out), "--db", store.url])
    assert result.exit_code == 0, result.output
    assert "wrote events.csv (1 rows)" in result.output and str(out) in result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in COLUMNS)
    for table in COLUMNS:
        rows = _csv(out / f"{table}.csv")
        assert rows and list(rows[0]) == list(COLUMNS[table])
        assert not any(cell.startswith(("[", "{")) for row in rows for cell in row.values())  # no JSON
    (event,) = _csv(out / "events.csv")
    links = [s for s in _csv(out / "sources.csv") if s["item_id"] == event["id"]]
    assert {s["doc"] for s in links} == {"a.txt", "b.txt"} and event["source_count"] == "2"
    assert {d["doc"] for d in _csv(out / "documents.csv")} == {"a.txt", "b.txt"}
    (figure,) = _csv(out / "figures.csv")
    assert (figure["value"], figure["unit"]) == ("8200000000", "USD")


def test_table_formats_need_a_folder(store: Store) -> None:
    result = runner.invoke(app, ["export", "--format", "csv", "--db", store.url])
    assert result.exit_code == 2 and "give a folder with -o DIR" in result.output
    assert "Traceback" not in result.output


def test_json_export_keeps_the_contract(store: Store) -> None:
    result = runner.invoke(app, ["export", "--db", store.url])
    data = json.loads(result.output)
    assert {"documents", "events", "figures", "actors", "time_expressions"} <= set(data)
    assert isinstance(data["events"][0]["sources"], list) and data["events"][0]["source_count"] == 2


def test_parquet_has_the_same_tables(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    result = runner.invoke(app, ["export", "--format", "parquet", "-o", str(tmp_path), "--db", store.url])
    assert result.exit_code == 0, result.output
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert [e["source_count"] for e in events] == [2] and events[0]["type"] == "agreement"
    assert pq.read_table(tmp_path / "sources.parquet").column_names == list(COLUMNS["sources"])


def test_parquet_without_pyarrow_names_the_extra(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    with pytest.raises(DyadError, match=r"pip install 'dyad\[parquet\]'"):
        write_tables(build_tables(build_export(store)), tmp_path, "parquet")


def test_frames(store: Store) -> None:
    pytest.importorskip("pandas")
    with dyad.open(store.url, create=False) as workspace:
        events, figures = workspace.events_frame(), workspace.figures_frame()
    assert list(events.columns) == list(COLUMNS["events"]) and len(events) == 1
    assert figures.loc[0, "value"] == 8_200_000_000
