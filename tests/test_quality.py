"""The quality gate: extraction scored against gold files must not fall below quality_floors.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad import pipeline
from dyad.evaluate import check_floors, evaluate, format_report, load_floors, read_gold
from dyad.export import build_export
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "quality_floors.toml"
HELDOUT = ROOT / "tests" / "data" / "heldout"


def _score(tmp_path: Path, inputs: list[Path], gold_path: Path) -> dict:
    with Store(f"sqlite:///{tmp_path / 'gate.db'}") as store:
        report = pipeline.ingest(store, inputs)
        assert report.ok, report.failed
        return evaluate(build_export(store), read_gold(gold_path))


def test_seed_gold_floors(tmp_path: Path, seeds_dir: Path) -> None:
    from conftest import GOLD

    report = _score(tmp_path, [seeds_dir], GOLD)
    failures = check_floors(report, load_floors(FLOORS, "seeds"))
    assert not failures, "\n".join(failures) + "\n" + format_report(report)


def test_heldout_gold_floors(tmp_path: Path) -> None:
    documents = sorted(p for p in HELDOUT.iterdir() if p.name.startswith("h"))
    if not documents:
        pytest.skip("held-out corpus missing")
    report = _score(tmp_path, documents, HELDOUT / "gold.json")
    failures = check_floors(report, load_floors(FLOORS, "heldout"))
    assert not failures, "\n".join(failures) + "\n" + format_report(report)
