"""Read the resolved record: events, figures and actors, with the filters the CLI and API offer.

Every listing reads one page of the stored record (``dyad.store.record``) by SQL, with its total; the CLI,
the dashboard, the report and the export read through here and never resolve anything themselves.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass
from typing import Any

from dyad import analyze, weights
from dyad.analyze.intensity import rows_from_yearly
from dyad.analyze.periods import TOP_DEFINING, defining_events, phases_of
from dyad.edtf import parse_edtf
from dyad.errors import DyadError
from dyad.knowledge import load_knowledge
from dyad.models import FIGURE_KINDS
from dyad.resolve import Record, actor_infos
from dyad.resolve.actors import list_actors
from dyad.resolve.headlines import headline
from dyad.store import Store
from dyad.store.record import EventQuery, FigureQuery

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


@dataclass(slots=True)
class Page:
    """One page of a listing and how many items the whole listing has."""

    total: int
    items: list[dict[str, Any]]

    def to_dict(self, limit: int | None, offset: int) -> dict[str, Any]:
        return {"total": self.total, "limit": limit, "offset": offset, "items": self.items}


def _pair_key(dyad: tuple[str, ...]) -> str | None:
    return ",".join(sorted(set(dyad))) if dyad else None


def _with_headlines(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add what depends on the whole store to stored events: the headline (its actors' roles and
    countries as all documents read them). Independent source counts are kept in the rows."""
    names = {n for e in events for n in e["actors"]}
    actors = _actor_infos(store, names) if names else {}
    for e in events:
        e["headline"] = headline(e, actors)
    return events


def _actor_infos(store: Store, names: set[str]) -> dict[str, Any]:
    """What headlines need of the actors ``names``, from the per-actor summaries kept at write time: the
    same as ``actor_infos(list_actors(...))`` over every mention of those names, without reading them."""
    found = store.actor_summaries(names)
    found.sort(key=lambda a: (-a["documents"], -a["mentions"], a["kind"], a["value"]))
    return actor_infos([{**a, "name": a["value"]} for a in found])


def resolved_events(store: Store, query: EventQuery) -> Page:
    """Resolved events as stored (``dyad.store.record``), one page, with headlines and independence."""
    total, items = store.events_page(query)
    return Page(total, _with_headlines(store, items))


def resolved_figures(store: Store, query: FigureQuery) -> Page:
    return Page(*store.figures_page(query))


def record(store: Store) -> Record:
    """The whole resolved record, read from its tables in the order whole-record resolution gives (for
    the analyses that need every event: intensity, periods, the report, the export)."""
    return Record(
        store.documents(),
        resolved_events(store, EventQuery(dated=False, order="record")).items,
        resolved_figures(store, FigureQuery()).items,
        store.conflicts(),
    )


def events_page(
    store: Store,
    *,
    dyad: tuple[str, ...] = (),
    types: tuple[str, ...] = (),
    dimension: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_undated: bool = False,
    min_sources: int = 0,
    doc_id: str | None = None,
    by: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page:
    """Resolved events, oldest first (as exported), filtered by pair, type, dimension, date range, number
    of sources, document and the side that acted (``by``, ISO3: the acts it initiated): one page and the
    total."""
    lo, hi = date_bounds(date_from, date_to)
    query = EventQuery(
        pair=_pair_key(dyad),
        types=types,
        dimension=dimension,
        day_from=lo,
        day_to=hi,
        dated=not include_undated,
        min_sources=min_sources,
        doc_id=doc_id,
        initiator=by,
        limit=limit,
        offset=offset,
    )
    page = resolved_events(store, query)
    return Page(page.total, [event_view(e) for e in page.items])


def events(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """Every resolved event ``events_page`` selects with ``filters``."""
    return events_page(store, **filters).items


def figures_page(
    store: Store,
    *,
    dyad: tuple[str, ...] = (),
    kinds: tuple[str, ...] = (),
    doc_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page:
    """Resolved figures whose two sides are the pair's (or unnamed), of the given kinds: a page, a total."""
    page = resolved_figures(store, FigureQuery(tuple(dyad), kinds, doc_id, limit, offset))
    return Page(page.total, [figure_view(f) for f in page.items])


def figures(store: Store, *, dyad: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return figures_page(store, dyad=dyad, kinds=kinds).items


def timeline_page(
    store: Store,
    *,
    dyad: tuple[str, ...] = (),
    dimension: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page:
    """Dated events in date order, each as a timeline entry with its decade (``analyze.timeline_entry``)."""
    lo, hi = date_bounds(date_from, date_to)
    query = EventQuery(
        pair=_pair_key(dyad),
        dimension=analyze.check_dimension(dimension),
        day_from=lo,
        day_to=hi,
        order="timeline",
        limit=limit,
        offset=offset,
    )
    page = resolved_events(store, query)
    return Page(page.total, [analyze.timeline_entry(e) for e in page.items])


def series(store: Store, *, kind: str, dyad: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """One kind of figure over time (``analyze.series``), read from the stored figures of that kind."""
    return series_page(store, kind=kind, dyad=dyad).items


def series_page(
    store: Store, *, kind: str, dyad: tuple[str, ...] = (), limit: int | None = None, offset: int = 0
) -> Page:
    """One page of ``series``, read in the series' order by SQL, with the total."""
    if kind not in FIGURE_KINDS:
        raise DyadError(f"unknown figure kind {kind!r}; choose one of {', '.join(FIGURE_KINDS)}")
    total, figures = store.figures_page(
        FigureQuery(tuple(dyad), (kind,), limit=limit, offset=offset), "series"
    )
    return Page(total, [analyze.series_row(f) for f in figures])


def intensity(
    store: Store, *, by: str = "year", dyad: tuple[str, ...] = (), dimension: str | None = None
) -> list[dict[str, Any]]:
    """``analyze.intensity`` of the pair (all pairs when empty), from the yearly sums the store keeps per
    pair: it reads the pair's summary, not its events."""
    table = weights.yearly(store.intensity_sums(tuple(dyad)), analyze.check_dimension(dimension))
    try:
        return rows_from_yearly(table, by)
    except ValueError as exc:
        raise DyadError(str(exc)) from exc


def periods(store: Store, *, dyad: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """``analyze.periods`` of the pair, from its stored yearly sums; each phase's defining events are
    chosen among a few candidates per year read by index (``Store.defining_candidates``)."""
    pair = tuple(dyad)

    def defining(side: str, span: tuple[int, int]) -> list[dict[str, Any]]:
        return defining_events(store.defining_candidates(pair, side, span, TOP_DEFINING), span)

    yearly = weights.yearly(store.intensity_sums(pair))
    return phases_of(yearly, store.has_events_on_side(pair, "conflict"), defining)


def event(store: Store, ref: str) -> dict[str, Any] | None:
    """One resolved event (export shape) by its id or a mention's id, with the conflicts it is in."""
    found = store.resolved_event(ref)
    if found is None:
        return None
    [finished] = _with_headlines(store, [found])
    conflicts = [
        c
        for c in store.conflicts(tuple(finished["participants"]))
        if any(s.get("event") == finished["id"] for s in c["sides"])
    ]
    return {**event_view(finished), "conflicts": conflicts}


def actors(store: Store) -> list[dict[str, Any]]:
    return list_actors(store.mentions())


def event_view(e: dict[str, Any]) -> dict[str, Any]:
    """A resolved event as the export contract writes it."""
    return {
        "id": e["id"],
        "type": e["type"],
        "date": e["date_edtf"],
        "date_basis": e["date_basis"],
        "participants": e["participants"],
        "initiator": e["initiator"],  # the side that acted on the other, when the sources say; else None
        "dimension": e["dimension"],
        "cameo": e["cameo"],
        "goldstein": e["goldstein"],
        "quad_class": e["quad_class"],
        "plover": e["plover"],
        "status": e["status"],
        "summary": e["summary"],
        "headline": e["headline"],
        "actors": e["actors"],
        "location": e["location"],
        "confidence": e["confidence"],
        "source_count": e["source_count"],
        "independent_sources": e["independent_sources"],
        "sources": e["sources"],
    }


def figure_view(f: dict[str, Any]) -> dict[str, Any]:
    """A resolved figure as the export contract writes it."""
    return {
        "id": f["id"],
        "kind": f["kind"],
        "value": f["value"],
        "value_max": f["value_max"],
        "unit": f["unit"],
        "year": f["year_edtf"],
        "from": f["from_code"],
        "to": f["to_code"],
        "qualifier": f["qualifier"],
        "status": f["status"],
        "text": f["quantity_text"],
        "confidence": f["confidence"],
        "source_count": f["source_count"],
        "independent_sources": f["independent_sources"],
        "sources": f["sources"],
    }


def parse_dyad(
    text: str | None, knowledge_dirs: tuple[str, ...] = (), *, param: str = "--dyad"
) -> tuple[str, ...]:
    """Two countries as ISO codes, in the order given, from codes or the names and adjectives of the
    country knowledge: "PER,RUS", "PER-RUS", "Peru,Russia", "peru-russia", "Peruvian,Russian". () if empty.
    ``param`` names the input in error messages: the CLI's flag, or the web's query parameter.
    """
    if not text or not text.strip():
        return ()
    countries = load_knowledge(knowledge_dirs).countries
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    if all(p.upper() in countries for p in parts):
        codes = tuple(p.upper() for p in parts)
    else:
        codes = _read_country_names(text, knowledge_dirs, countries, param)
    if len(codes) != 2 or codes[0] == codes[1]:
        raise DyadError(f"{param} {text!r}: give two different countries, e.g. PER,RUS or Peru,Russia")
    return codes


def parse_country(
    text: str | None, knowledge_dirs: tuple[str, ...] = (), *, param: str = "--by"
) -> str | None:
    """One country as its ISO code, from a code, name or adjective ("GBR", "Britain", "British"); None if
    empty. ``param`` names the input in error messages."""
    if not text or not text.strip():
        return None
    countries = load_knowledge(knowledge_dirs).countries
    word = text.strip()
    codes = (
        (word.upper(),)
        if word.upper() in countries
        else _read_country_names(word, knowledge_dirs, countries, param)
    )
    if len(set(codes)) != 1:
        raise DyadError(f"{param} {text!r}: give one country, e.g. GBR or Britain")
    return codes[0]


def _read_country_names(
    text: str, knowledge_dirs: tuple[str, ...], countries: dict[str, Any], param: str
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
            raise DyadError(f"{param}: {m.text!r} could be {', '.join(m.attrs['candidates'])}; use the code")
        else:
            found.append((m.start, m.value))
    if unknown:
        raise DyadError(f"{param}: unknown country {unknown[0]!r}; {_closest_names(unknown[0], countries)}")
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


def conflicts(store: Store, dyad: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Disagreements between sources, those about ``dyad`` only when given."""
    return store.conflicts(tuple(dyad))


def main_pair(store: Store) -> tuple[tuple[str, ...], bool]:
    """The record's main pair (the one most events are about, else most figures, as the report and
    dashboard choose it) and whether the record holds facts about other pairs too."""
    event_pairs, figure_pairs = store.pair_counts()
    pairs = {tuple(p.split(",")): n for p, n in event_pairs.items() if p}
    main = analyze.main_of(pairs, figure_pairs)
    return main, any(len(p) == 2 and p != main for p in (*pairs, *figure_pairs))


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)
