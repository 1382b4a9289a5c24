"""`dyad intensity` and `dyad periods` as a reader sees them: the unit, one rounding, "no data", and the
same numbers as the report."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.pipeline import ingest
from dyad.report.context import build_data
from dyad.resolve import resolve
from dyad.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled Peru–Russia example (package data): it also names other pairs (Russia–Venezuela...)."""
    seeds = sorted(str(p) for p in Path(str(resources.files("dyad") / "examples" / "seeds")).iterdir())
    path = str(tmp_path_factory.mktemp("periods") / "seeds.db")
    with Store(f"sqlite:///{path}") as store:
        assert ingest(store, [p for p in seeds if not Path(p).name.startswith(".")]).ok
    yield path


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result.stdout  # notes (such as the main pair shown) go to stderr


def test_periods_agree_with_the_report(db: str) -> None:
    cli = json.loads(_run("periods", "--db", db, "--json"))
    with Store(f"sqlite:///{db}") as store:
        report = build_data(resolve(store))
    shown = [(p["level"], p["mean_index"]) for p in report.periods]
    assert shown == [(p["level"], p["mean_index"]) for p in cli]


def test_spans_without_any_fact_are_no_data(db: str) -> None:
    phases = json.loads(_run("periods", "--db", db, "--json"))
    silent = [p for p in phases if p["mean_index"] == 0]
    assert silent and all(p["level"] == "no data" and not p["events"] for p in silent)
    assert {p["level"] for p in phases} == {"high", "low", "no data"}


def test_intensity_states_its_unit_and_rounds_alike(db: str) -> None:
    text = _run("intensity", "--by", "decade", "--db", db)
    assert "Intensity index, PER–RUS (points:" in text
    cells = [c.strip() for line in text.splitlines() if line.startswith("│ 1") for c in line.split("│")[2:-1]]
    assert cells and all(re.fullmatch(r"\d+\.\d\d", c) for c in cells), cells
