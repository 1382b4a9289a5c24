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


@pytest.mark.parametrize("name", ["heldout", "heldout_b", "heldout_c"])
def test_heldout_gold_floors(tmp_path: Path, name: str) -> None:
    folder = ROOT / "tests" / "data" / name
    documents = sorted(p for p in folder.iterdir() if p.name not in ("gold.json", "README.md"))
    report = _score(tmp_path, documents, folder / "gold.json")
    failures = check_floors(report, load_floors(FLOORS, name))
    assert not failures, "\n".join(failures) + "\n" + format_report(report)
