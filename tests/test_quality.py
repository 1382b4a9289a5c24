"""The quality gate: extraction scored against gold files must not fall below quality_floors.toml."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dyad.evaluate import check_floors, evaluate, format_report, load_floors, read_gold
from dyad.export import build_export
from dyad.models import ProcessedDocument
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "quality_floors.toml"

Processed = Callable[[str], list[ProcessedDocument]]


def _score(tmp_path: Path, docs: list[ProcessedDocument], gold_path: Path) -> dict:
    with Store(f"sqlite:///{tmp_path / 'gate.db'}") as store:
        for doc in docs:
            store.add(doc)
        return evaluate(build_export(store), read_gold(gold_path))


def test_seed_gold_floors(tmp_path: Path, processed: Processed) -> None:
    from conftest import GOLD

    report = _score(tmp_path, processed("seeds"), GOLD)
    failures = check_floors(report, load_floors(FLOORS, "seeds"))
    assert not failures, "\n".join(failures) + "\n" + format_report(report)


SETS = ["heldout", "heldout_b", "heldout_c", "blind_d1", "blind_d2", "blind_e1", "blind_e2"]
SETS += ["blind_f1", "blind_f2", "blind_g1", "blind_g2", "blind_h1", "blind_h2", "blind_i1", "blind_i2"]
SETS += ["blind_j1", "blind_j2", "blind_k1", "blind_k2", "blind_l1", "blind_l2", "blind_m1", "blind_m2"]
SETS += ["blind_n1", "blind_n2", "blind_o1", "blind_o2", "blind_p1", "blind_p2", "blind_q1", "blind_q2"]
SETS += ["example_ind_chn"]
# held out from tuning: a failure names the scores, never the items
UNTOUCHED = ("blind_e1", "blind_e2", "blind_f2", "blind_g2", "blind_h2", "blind_i2", "blind_j2")
# K1 is tuned on from the ninth round; L1 (check half) and M1 (dev half) from the eleventh
UNTOUCHED += ("blind_k2", "blind_l2", "blind_m2", "blind_n1", "blind_n2", "blind_o1", "blind_o2")
UNTOUCHED += ("blind_p1", "blind_p2", "blind_q1", "blind_q2")


@pytest.mark.parametrize("name", SETS)
def test_heldout_gold_floors(tmp_path: Path, name: str, processed: Processed) -> None:
    report = _score(tmp_path, processed(name), ROOT / "tests" / "data" / name / "gold.json")
    failures = check_floors(report, load_floors(FLOORS, name))
    details = "" if name in UNTOUCHED else "\n" + format_report(report)
    assert not failures, "\n".join(failures) + details
