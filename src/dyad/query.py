"""Read the resolved record: events, figures and actors, with the filters the CLI and API offer."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dyad.errors import DyadError
from dyad.export import build_export
from dyad.extract.timex import parse_edtf
from dyad.resolve.actors import list_actors
from dyad.store import Store


def _bound(value: str | None, side: str) -> dt.date | None:
    if not value:
        return None
    try:
        parsed = parse_edtf(value)
    except ValueError as exc:
        raise DyadError(f"cannot read date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD") from exc
    return parsed.start if side == "from" else parsed.end


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The first day of ``date_from`` and the last day of ``date_to`` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return _bound(date_from, "from"), _bound(date_to, "to")


def _within(item_start: Any, item_end: Any, lo: dt.date | None, hi: dt.date | None) -> bool:
    start = dt.date.fromisoformat(str(item_start)) if item_start else None
    end = dt.date.fromisoformat(str(item_end)) if item_end else None
    if lo and (end or start) and (end or start) < lo:  # type: ignore[operator]
        return False
    return not (hi and start and start > hi)


def _pair_ok(codes: list[str | None], dyad: tuple[str, ...]) -> bool:
    return not dyad or set(dyad) == {c for c in codes if c}


def events(
    store: Store,
    *,
    dyad: tuple[str, ...] = (),
    types: tuple[str, ...] = (),
    date_from: str | None = None,
    date_to: str | None = None,
    include_undated: bool = False,
) -> list[dict[str, Any]]:
    """Resolved events, oldest first, filtered by pair, type and date range."""
    lo, hi = _bound(date_from, "from"), _bound(date_to, "to")
    out = []
    for e in build_export(store, include_undated=include_undated)["events"]:
        if not _pair_ok(e["participants"], dyad) or (types and e["type"] not in types):
            continue
        if (lo or hi) and not e["date"]:
            continue
        if e["date"]:
            value = parse_edtf(e["date"])
            if not _within(value.start, value.end, lo, hi):
                continue
        out.append(e)
    return out


def figures(store: Store, *, dyad: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [
        f
        for f in build_export(store)["figures"]
        if (not kinds or f["kind"] in kinds) and (not dyad or {f["from"], f["to"]} <= set(dyad) | {None})
    ]


def actors(store: Store) -> list[dict[str, Any]]:
    return list_actors(store)


def parse_dyad(text: str | None) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in (text or "").split(",") if c.strip())
    if codes and (len(codes) != 2 or not all(len(c) == 3 and c.isalpha() for c in codes)):
        raise DyadError(f"--dyad {text!r}: give two ISO 3166-1 alpha-3 codes, e.g. PER,RUS")
    return codes


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)
