"""How far two independent annotations of one set agree, scored by dyad's own scorer.

Two careful annotators who read the same documents by the same conventions (ARCHITECTURE.md) do not
write the same gold. Their agreement is the ceiling a reader can be held to on that set: each gold's
required items, taken as a "prediction", are scored against the other gold exactly as dyad's export is
(optional events neither count for nor against; alternative types accepted).

    python bench/agreement.py GOLD_A GOLD_B        # e.g. tests/data/blind_j1/gold.json
                                                   #      tests/data/agreement/blind_j1.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from dyad.evaluate import evaluate


def as_prediction(gold: dict[str, Any], *, with_optional: bool = False) -> dict[str, Any]:
    """A gold's items in the shape of an export, its optional ones left out unless asked for."""

    def kept(item: dict[str, Any]) -> bool:
        return with_optional or not item.get("optional")

    events = [dict(e, id=e.get("id") or f"e{i}") for i, e in enumerate(gold.get("events") or []) if kept(e)]
    return {
        "events": events,
        "figures": [f for f in gold.get("figures") or [] if kept(f)],
        "actors": [dict(a, kind=a.get("kind", "person")) for a in gold.get("actors") or []],
    }


def agreement(gold: dict[str, Any], other: dict[str, Any], *, with_optional: bool = False) -> dict[str, Any]:
    """``other``'s items scored against ``gold`` (the pairs scored are ``gold``'s)."""
    return evaluate(as_prediction(other, with_optional=with_optional), gold)


def summary(label: str, report: dict[str, Any]) -> str:
    events, figures, actors = report["events"], report["figures"], report["actors"]
    return (
        f"{label:<38} events P {events['precision']:.2f} R {events['recall']:.2f} F1 {events['f1']:.3f} "
        f"({events['matched']}/{events['required']}, {events['predicted']} given) · figures F1 "
        f"{figures['f1']:.2f} ({figures['matched']}/{figures['required']}) · officials "
        f"{actors['right']}/{actors['total']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_a", type=Path)
    parser.add_argument("gold_b", type=Path)
    args = parser.parse_args()
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (args.gold_a, args.gold_b))
    b.setdefault("dyads", a.get("dyads"))  # the same documents: the same pairs
    print(summary("B's required items against gold A", agreement(a, b)))
    print(summary("B's items, optional too, against gold A", agreement(a, b, with_optional=True)))
    print(summary("A's required items against gold B", agreement(b, a)))
    by_type = agreement(a, b)["events"]["by_type"]
    found = ", ".join(f"{kind} {v['found']}/{v['required']}" for kind, v in by_type.items())
    print(f"A's required events found by B, by type: {found}")


if __name__ == "__main__":
    main()
