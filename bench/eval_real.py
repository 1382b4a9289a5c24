"""Score dyad on a set of real public pages, tests/data/real, real_b, real_c, real_d, real_e, real_f,
real_g, real_h, real_i, real_j, real_k or real_l (texts are never committed).

The manifest names each page, the query that found it with the search tool, and the SHA-256 of the text
that was saved. Re-retrieve the texts into tests/data/real/text/ (see tests/data/real/README.md); this
script checks each file against its digest, ingests the ones that match into a fresh store and scores
them against the facts-only gold (events, figures, named officials).

    python bench/eval_real.py [--set real|real_b|...|real_l] [--text-dir DIR] [--verbose]

real_b to real_l were built blind (during issue 9's second, fifth, sixth, seventh, eighth, ninth, tenth,
eleventh, twelfth and thirteenth rounds, real_l at the thirteenth's end); real_b, real_e, real_f, real_g,
real_i, real_j, real_k and real_l are never tuned on (real_c is tuned on from the sixth round, real_d from
the ninth, real_h from the eleventh): print their summary only (no --verbose), as for the untouched
synthetic sets (docs/evaluation.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from dyad import pipeline
from dyad.evaluate import evaluate, format_report
from dyad.export import build_export
from dyad.store import Store

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def usable_pages(real: Path, text_dir: Path) -> tuple[list[Path], list[str]]:
    """The cached page texts whose digest matches the manifest, and a line for each that does not."""
    manifest = json.loads((real / "manifest.json").read_text(encoding="utf-8"))
    found, problems = [], []
    for page in manifest:
        path = text_dir / page["file"]
        if not path.is_file():
            problems.append(f"{page['id']}: not retrieved ({page['how']})")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != page["sha256"]:
            problems.append(f"{page['id']}: text differs from the one annotated (sha256 mismatch)")
        else:
            found.append(path)
    return found, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        default="real",
        choices=[f"real{s}" for s in ("", "_b", "_c", "_d", "_e", "_f", "_g", "_h", "_i", "_j", "_k", "_l")],
        help="which set of pages",
    )
    parser.add_argument("--text-dir", type=Path, default=None, help="the cached texts (default: SET/text)")
    parser.add_argument("--verbose", action="store_true", help="list missed and spurious items")
    args = parser.parse_args()
    real = DATA / args.set
    pages, problems = usable_pages(real, args.text_dir or real / "text")
    for line in problems:
        print(line, file=sys.stderr)
    if not pages:
        hint = f"re-retrieve them first (tests/data/{args.set}/README.md)"
        print(f"no page texts to score; {hint}", file=sys.stderr)
        return 1
    gold = json.loads((real / "gold.json").read_text(encoding="utf-8"))
    names = {p.name for p in pages}
    gold = {
        **gold,
        "events": [e for e in gold["events"] if e["doc"] in names],
        "figures": [f for f in gold.get("figures", []) if f["doc"] in names],
        "actors": [a for a in gold.get("actors", []) if set(a.get("documents", [])) & names],
        "documents": [],
        "time_expressions": [],
    }
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/real.db") as store:
        pipeline.ingest(store, [str(p) for p in pages], workers=1)
        report = evaluate(build_export(store), gold)
    print(f"{len(pages)} of {len(pages) + len(problems)} pages scored")
    text = format_report(report)
    lines = text.splitlines() if args.verbose else [x for x in text.splitlines() if not x.startswith("  ")]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
