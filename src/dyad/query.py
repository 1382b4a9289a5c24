"""Read the resolved record: events, figures and actors, with the filters the CLI and API offer."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from typing import Any

from dyad import analyze
from dyad.errors import DyadError
from dyad.export import build_export
from dyad.extract.timex import parse_edtf
from dyad.knowledge import load_knowledge
from dyad.resolve import Record
from dyad.resolve.actors import list_actors
from dyad.store import Store

# What may stand between the two countries of a pair: "PER,RUS", "peru-russia", "Peru / Russia", "PER–RUS".
_SEPARATORS = re.compile(r"[\s,;/–—-]+")


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


def parse_dyad(text: str | None, knowledge_dirs: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Two countries as ISO codes, in the order given, from codes or the names and adjectives of the
    country knowledge: "PER,RUS", "PER-RUS", "Peru,Russia", "peru-russia", "Peruvian,Russian". () if empty.
    """
    if not text or not text.strip():
        return ()
    countries = load_knowledge(knowledge_dirs).countries
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if all(p.upper() in countries for p in parts):
        codes = tuple(p.upper() for p in parts)
    else:
        codes = _read_country_names(text, knowledge_dirs, countries)
    if len(codes) != 2 or codes[0] == codes[1]:
        raise DyadError(f"--dyad {text!r}: give two different countries, e.g. PER,RUS or Peru,Russia")
    return codes


def _read_country_names(
    text: str, knowledge_dirs: tuple[str, ...], countries: dict[str, Any]
) -> tuple[str, ...]:
    """Country names, adjectives and codes in ``text``, read by the mention finder the extractor uses."""
    from dyad.extract.mentions import mention_finder  # spaCy's tokenizer: only when names need reading

    found: list[tuple[int, str]] = []
    unknown: list[str] = []
    end = 0
    for m in [*mention_finder(knowledge_dirs).find(text), None]:
        gap = text[end : m.start if m else len(text)]
        for word in _SEPARATORS.split(gap):
            if word.upper() in countries:
                found.append((end, word.upper()))
            elif word:
                unknown.append(word)
        if m is None:
            break
        end = m.end
        if m.kind != "country":
            unknown.append(m.text)
        elif "candidates" in m.attrs:
            raise DyadError(f"--dyad: {m.text!r} could be {', '.join(m.attrs['candidates'])}; use the code")
        else:
            found.append((m.start, m.value))
    if unknown:
        raise DyadError(f"--dyad: unknown country {unknown[0]!r}; {_closest_names(unknown[0], countries)}")
    return tuple(code for _, code in sorted(found))


def _closest_names(word: str, countries: dict[str, Any]) -> str:
    names = {
        name.lower(): (name, c.iso3)
        for c in countries.values()
        for name in (c.name, *c.aliases, *c.adjectives)
    }
    close: dict[str, str] = {}  # one name per country, closest first
    for match in difflib.get_close_matches(word.lower(), names, n=10, cutoff=0.6):
        name, iso3 = names[match]
        close.setdefault(iso3, f"{name} ({iso3})")
    if not close:
        return "give a country's name, adjective or ISO code, e.g. Peru, Peruvian or PER"
    return "closest known: " + ", ".join(list(close.values())[:3])


def conflicts(record: Record, dyad: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Disagreements between sources, those about ``dyad`` only when given."""
    return [c for c in record.conflicts if not dyad or {p for p in c["participants"] if p} <= set(dyad)]


def main_pair(record: Record) -> tuple[tuple[str, ...], bool]:
    """The record's main pair (the one most events are about, as the report and dashboard choose it) and
    whether the record holds facts about other pairs too."""
    pairs = {tuple(sorted(set(e["participants"]))) for e in record.events}
    pairs |= {
        tuple(sorted((f["from_code"], f["to_code"])))
        for f in record.figures
        if f["from_code"] and f["to_code"]
    }
    main = analyze.infer_pair(record)
    return main, any(len(p) == 2 and p != main for p in pairs)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)
