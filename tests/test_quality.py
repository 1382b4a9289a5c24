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


# The bundled India–China example keeps its documents in the package and its gold under tests/data.
EXAMPLES = {"example_ind_chn": ROOT / "src" / "dyad" / "examples" / "india_china"}


SETS = ["heldout", "heldout_b", "heldout_c", "blind_d1", "blind_d2", "blind_e1", "blind_e2"]
SETS += ["example_ind_chn"]
UNTOUCHED = ("blind_e1", "blind_e2")  # held out from tuning: a failure names the scores, never the items


@pytest.mark.parametrize("name", SETS)
def test_heldout_gold_floors(tmp_path: Path, name: str) -> None:
    folder = ROOT / "tests" / "data" / name
    source = EXAMPLES.get(name, folder)
    documents = sorted(p for p in source.iterdir() if p.name not in ("gold.json", "README.md"))
    report = _score(tmp_path, documents, folder / "gold.json")
    failures = check_floors(report, load_floors(FLOORS, name))
    details = "" if name in UNTOUCHED else "\n" + format_report(report)
    assert not failures, "\n".join(failures) + details
