"""bench/agreement.py: two golds of one set scored against each other by dyad's own scorer."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "bench"))

import agreement  # noqa: E402

GOLD = {
    "dyads": {"a.txt": ["CHL", "JPN"]},
    "events": [
        {"id": "E1", "type": "visit", "date": "2023-05-02", "participants": ["CHL", "JPN"]},
        {"id": "E2", "type": "agreement", "date": "2023-05-03", "participants": ["CHL", "JPN"]},
        {"id": "E3", "type": "dispute", "date": "2024-01", "participants": ["CHL", "JPN"]},
        {"id": "E4", "type": "statement", "date": "2024", "participants": ["CHL", "JPN"], "optional": True},
    ],
    "figures": [],
    "actors": [{"name": "Yoko Kamikawa", "kind": "person", "country": "JPN"}],
}


def test_a_gold_agrees_fully_with_itself() -> None:
    report = agreement.agreement(GOLD, copy.deepcopy(GOLD))["events"]
    assert (report["precision"], report["recall"]) == (1.0, 1.0)


def test_disagreements_count_as_the_scorer_counts_them() -> None:
    other = copy.deepcopy(GOLD)
    other["events"][0]["date"] = "2022-05-02"  # another date: a miss and a spurious event
    other["events"][3]["optional"] = False  # B requires what A holds optional: matched, not counted
    report = agreement.agreement(GOLD, other)["events"]
    assert report["matched"] == 2 and report["required"] == 3
    assert report["precision"] == 2 / 3  # four given, one matched an optional event of A
    assert agreement.agreement(GOLD, other, with_optional=True)["events"]["predicted"] == 4


def test_the_second_annotations_cover_the_documents_of_their_sets() -> None:
    for name in ("blind_j1", "real_d"):
        first = json.loads((DATA / name / "gold.json").read_text(encoding="utf-8"))
        second = json.loads((DATA / "agreement" / f"{name}.json").read_text(encoding="utf-8"))
        assert set(second["dyads"]) == set(first["dyads"])
        assert {d for e in second["events"] for d in e.get("docs") or []} <= set(first["dyads"])
    real = json.loads((DATA / "agreement" / "real_d.json").read_text(encoding="utf-8"))
    assert not any("evidence" in e for e in real["events"])  # real pages: facts only, never their text
