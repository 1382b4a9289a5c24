"""Score every gold corpus under tests/data (and the bundled examples) in one run: one line per set.

Only the summary is printed unless --details names a set: the untouched held-out sets are measured, never
read item by item (docs/evaluation.md).

    python bench/eval_sets.py [SET ...] [--details SET]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from dyad import pipeline
from dyad.evaluate import evaluate, format_report
from dyad.export import build_export
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_GOLD = {"example_ind_chn": ROOT / "src" / "dyad" / "examples" / "india_china"}


def corpus_files(name: str) -> tuple[list[Path], Path]:
    gold = ROOT / "tests" / "data" / name / "gold.json"
    folder = EXAMPLE_GOLD.get(name, gold.parent)
    files = [p for p in sorted(folder.iterdir()) if p.is_file() and p.name not in ("gold.json", "README.md")]
    return files, gold


def score(name: str) -> dict:
    files, gold_path = corpus_files(name)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/eval.db") as store:
        pipeline.ingest(store, [str(p) for p in files], workers=2)
        return evaluate(build_export(store), gold)


def summary(name: str, report: dict) -> str:
    ev, fg = report["events"], report["figures"]
    docs, tx = report["documents"], report["time_expressions"]
    officials = report.get("actors")
    people = f"{officials['right']}/{officials['total']} ({officials['recall']:.2f})" if officials else "-"
    return (
        f"{name:<16} events P {ev['precision']:.2f} R {ev['recall']:.2f} F1 {ev['f1']:.2f} "
        f"({ev['matched']}/{ev['required']}, {ev['predicted']} predicted) · figures F1 {fg['f1']:.2f} "
        f"({fg['matched']}/{fg['required']}) · officials {people} · documents "
        f"{docs['all_fields_correct']}/{docs['total']} · time {tx['right']}/{tx['total']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="folders under tests/data with a gold.json (default: all)")
    parser.add_argument("--details", default=None, help="also list the missed and spurious items of this set")
    args = parser.parse_args()
    names = args.sets or sorted(
        p.parent.name for p in (ROOT / "tests" / "data").glob("*/gold.json") if p.parent.name != "real"
    )
    for name in names:
        report = score(name)
        print(summary(name, report), flush=True)
        if name == args.details:
            print(format_report(report))


if __name__ == "__main__":
    main()
