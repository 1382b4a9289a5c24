"""What a report shows, as plain data: the pair, the documents, periods, timeline, figures, conflicts.

Everything here is computed from the resolved record and the analyze stage; the templates only lay it
out. Every fact keeps its citations: ``{"n": source number, "doc": file name, "text": sentence}``, where
``n`` numbers the document in the report's sources list.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dyad import analyze, query
from dyad.analyze import infer_pair
from dyad.display import quantity_text, sides_text, sources_text
from dyad.knowledge import load_knowledge
from dyad.resolve import Record
from dyad.store import Store

LOGGER = logging.getLogger(__name__)

TRADE_KINDS = ("export", "import", "trade_total")
KIND_LABELS = {
    "export": "Exports",
    "import": "Imports",
    "trade_total": "Trade total",
    "investment": "Investment",
    "arms_value": "Arms value",
    "growth_rate": "Growth rate",
    "other": "Other",
}
QUALIFIER_MARKS = {"exact": "", "more_than": "> ", "less_than": "< ", "about": "≈ "}


@dataclass(slots=True)
class Pair:
    codes: tuple[str, ...]
    names: tuple[str, ...]
    inferred: bool

    @property
    def label(self) -> str:
        return " – ".join(self.names)

    @property
    def code_label(self) -> str:
        return "–".join(self.codes)


@dataclass(slots=True)
class ReportData:
    """Everything a template needs, already filtered to the pair and sorted for reading."""

    generated: str
    pair: Pair | None
    documents: list[dict[str, Any]]
    kinds: list[tuple[str, int]]
    span: str | None  # years of the dated events: "1863–2015", "2010"
    periods: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    undated: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    trade: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    intensity_decades: list[dict[str, Any]]
    intensity_years: list[dict[str, Any]]
    other_pairs: list[tuple[str, int]] = field(default_factory=list)

    @property
    def dated_count(self) -> int:
        return sum(len(group["events"]) for group in self.timeline)

    @property
    def empty(self) -> bool:
        return not self.documents


def country_name(code: str | None) -> str:
    if not code:
        return "(unspecified)"
    country = load_knowledge().countries.get(code)
    return country.name if country else code


def build_data(record: Record, dyad: tuple[str, ...] = ()) -> ReportData:
    codes = tuple(sorted(c.upper() for c in dyad)) or infer_pair(record)
    pair = Pair(codes, tuple(country_name(c) for c in codes), inferred=not dyad) if codes else None
    documents = sorted(record.documents, key=lambda d: d["name"])
    numbers = {d["name"]: i for i, d in enumerate(documents, 1)}
    cite = Citer(numbers)
    in_pair = [e for e in record.events if not codes or set(e["participants"]) == set(codes)]
    dated = [e for e in in_pair if e["day_start"]]
    figures = [f for f in record.figures if _figure_in_pair(f, codes)]
    return ReportData(
        generated=dt.date.today().isoformat(),
        pair=pair,
        documents=[_document(d, numbers[d["name"]]) for d in documents],
        kinds=sorted(Counter(d["kind"] or "other" for d in documents).items(), key=lambda k: (-k[1], k[0])),
        span=_span(dated),
        periods=[_period(p) for p in analyze.periods(record, dyad=codes)],
        timeline=[
            {"decade": g["decade"], "events": [_timeline_event(e, cite) for e in g["events"]]}
            for g in analyze.timeline(record, dyad=codes)
        ],
        undated=[_undated_event(e, cite) for e in in_pair if not e["day_start"]],
        figures=[_figure(f, cite) for f in sorted(figures, key=_figure_order)],
        trade=[_figure(f, cite) for f in sorted(figures, key=_figure_order) if _is_trade(f, codes)],
        conflicts=[
            _conflict(c, cite, {f["id"]: f for f in record.figures})
            for c in record.conflicts
            if _conflict_in_pair(c, codes)
        ],
        intensity_decades=analyze.intensity(record, by="decade", dyad=codes),
        intensity_years=analyze.intensity(record, by="year", dyad=codes),
        other_pairs=_other_pairs(record, codes),
    )


def _span(dated: list[dict[str, Any]]) -> str | None:
    if not dated:
        return None
    return _years(min(e["day_start"] for e in dated), max(e["day_end"] for e in dated))


def _years(first_day: Any, last_day: Any) -> str:
    first, last = int(str(first_day)[:4]), int(str(last_day)[:4])
    return str(first) if first == last else f"{first}–{last}"


# -- the dashboard's overview -----------------------------------------------------------------------------

DOCUMENTS_SHOWN = 50  # the overview lists the first documents by name; /documents lists them all
# A trade chart shows at most this many values for one kind, direction and year (conflicting reports side
# by side); the figures list and the report's table give all of them.
CHART_VALUES = 3


def chart_trade(trade: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of ``trade`` (``_figure`` rows in their order) that a chart shows: the first
    ``CHART_VALUES`` of each kind, direction and year."""
    seen: Counter[tuple[str, str, str]] = Counter()
    shown = []
    for f in trade:
        key = (f["kind"], f["direction"], f["year"])
        seen[key] += 1
        if seen[key] <= CHART_VALUES:
            shown.append(f)
    return shown


@dataclass(slots=True)
class Overview:
    """What the dashboard's overview shows of one pair: the numbers, the intensity chart and periods,
    trade, the first documents. Read from the store's per-pair summaries and indexes (``dyad.query``), so
    it costs the same in a record of any size; ``build_data`` gives the same numbers from a whole record."""

    pair: Pair | None
    documents: list[dict[str, Any]]  # the first DOCUMENTS_SHOWN, numbered as the report numbers them
    document_count: int
    kinds: list[tuple[str, int]]
    span: str | None
    dated_count: int
    undated_count: int
    figure_count: int
    conflict_count: int
    periods: list[dict[str, Any]]
    trade: list[dict[str, Any]]  # what its chart shows (``chart_trade``), not every trade figure
    intensity_decades: list[dict[str, Any]]
    intensity_years: list[dict[str, Any]]

    @property
    def empty(self) -> bool:
        return not self.document_count


def build_overview(store: Store, dyad: tuple[str, ...] = ()) -> Overview:
    """The overview of ``dyad`` (the pair most events are about when empty)."""
    codes = tuple(sorted(c.upper() for c in dyad)) or query.main_pair(store)[0]
    pair = Pair(codes, tuple(country_name(c) for c in codes), inferred=not dyad) if codes else None
    counts = store.overview_counts(codes)
    kinds: Counter[str] = Counter()
    for kind, n in counts["kinds"].items():
        kinds[kind or "other"] += n
    documents = store.first_documents(DOCUMENTS_SHOWN)
    trade = store.chart_figures(codes, TRADE_KINDS, CHART_VALUES)
    cite = Citer({})  # the chart shows no citations
    return Overview(
        pair=pair,
        documents=[_document(d, n) for n, d in enumerate(documents, 1)],
        document_count=sum(kinds.values()),
        kinds=sorted(kinds.items(), key=lambda k: (-k[1], k[0])),
        span=_years(counts["first"], counts["last"]) if counts["dated"] else None,
        dated_count=counts["dated"],
        undated_count=counts["undated"],
        figure_count=counts["figures"],
        conflict_count=counts["conflicts"],
        periods=[_period(p) for p in query.periods(store, dyad=codes)],
        trade=[_figure(f, cite) for f in sorted(trade, key=_figure_order) if _is_trade(f, codes)],
        intensity_decades=query.intensity(store, by="decade", dyad=codes),
        intensity_years=query.intensity(store, by="year", dyad=codes),
    )


class Citer:
    """Turns resolved sources into citations numbered by the document's place in the sources list."""

    def __init__(self, numbers: dict[str, int]) -> None:
        self.numbers = numbers

    def __call__(self, sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: set[tuple[str, str]] = set()
        out = []
        for s in sorted(sources, key=lambda s: (self.numbers.get(s["doc"], 0), s.get("start") or 0)):
            key = (s["doc"], s["text"])
            if key not in seen:
                seen.add(key)
                out.append({"n": self.numbers.get(s["doc"]), "doc": s["doc"], "text": s["text"]})
        return out


def _document(doc: dict[str, Any], number: int) -> dict[str, Any]:
    if doc.get("published"):
        date = str(doc["published"])
    elif doc.get("date_estimate"):
        date = f"undated (estimated {doc['date_estimate']})"
    else:
        date = "undated"
    return {
        "n": number,
        "name": doc["name"],
        "title": doc.get("title") or doc["name"],
        "kind": doc.get("kind") or "other",
        "authors": ", ".join(doc.get("authors") or []),
        "publisher": doc.get("publisher") or "",
        "date": date,
        "doi": doc.get("doi") or "",
    }


def _period(p: dict[str, Any]) -> dict[str, Any]:
    span = str(p["start"]) if p["start"] == p["end"] else f"{p['start']}–{p['end']}"
    events = [{**e, "summary": _strip_prefix(e["summary"], e["type"])} for e in p["events"]]
    return {
        "side": p.get("side", "cooperation"),
        "span": span,
        "level": p["level"],
        "mean_index": p["mean_index"],
        "events": events,
    }


def _strip_prefix(summary: str, event_type: str) -> str:
    """'agreement (PER–RUS): The sentence' → 'The sentence' (type and pair have their own columns)."""
    head = event_type.replace("_", " ") + " ("
    if summary.startswith(head) and "): " in summary:
        return summary.split("): ", 1)[1]
    return summary


def _participants(e: dict[str, Any]) -> str:
    """'Peru, Russia'; 'United Kingdom → Russia' for an act one side did to the other."""
    if e.get("initiator"):
        return sides_text(e["participants"], e["initiator"], country_name)
    return ", ".join(country_name(c) for c in e["participants"])


def _timeline_event(e: dict[str, Any], cite: Citer) -> dict[str, Any]:
    return {
        "date": e["date"],
        "basis": e["basis"],
        "type": e["type"].replace("_", " "),
        "status": e["status"],
        "dimension": e["dimension"].replace("_", " "),
        "participants": _participants(e),
        "headline": e["headline"],
        "sources": sources_text(e["sources"], e["independent_sources"]),
        "citations": cite(e["citations"]),
    }


def _undated_event(e: dict[str, Any], cite: Citer) -> dict[str, Any]:
    return {
        "type": e["type"].replace("_", " "),
        "status": e["status"],
        "participants": _participants(e),
        "headline": e["headline"],
        "sources": sources_text(e["source_count"], e["independent_sources"]),
        "citations": cite(e["sources"]),
    }


def _figure_in_pair(f: dict[str, Any], codes: tuple[str, ...]) -> bool:
    return not codes or {f["from_code"], f["to_code"]} <= set(codes) | {None}


def _is_trade(f: dict[str, Any], codes: tuple[str, ...]) -> bool:
    """Trade between the two countries in money (a country's exports to the world are not the pair's)."""
    ends = {f["from_code"], f["to_code"]}
    both = ends == set(codes) if codes else None not in ends
    return f["kind"] in TRADE_KINDS and f["unit"] == "USD" and both and bool(f["year_edtf"])


def _figure_order(f: dict[str, Any]) -> tuple[str, str, str, str]:
    return (str(f["year_edtf"] or "9999"), f["kind"], str(f["from_code"]), str(f["to_code"]))


def format_value(value: float, unit: str | None, qualifier: str = "exact", *, short: bool = False) -> str:
    """135000000, USD, about → 'about 135 million USD' (short, for chart labels: '≈ $135M')."""
    if not short:
        return quantity_text(value, unit, qualifier)
    prefix = QUALIFIER_MARKS.get(qualifier, "")
    if unit == "USD":
        for size, letter in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
            if abs(value) >= size:
                number = f"{value / size:,.2f}".rstrip("0").rstrip(".")
                return f"{prefix}${number}{letter}"
        return f"{prefix}${value:,.0f}"
    return prefix + quantity_text(value, unit)


def direction(kind: str, from_code: str | None, to_code: str | None) -> str:
    """Who to whom, in words: exports 'Peru to Russia', imports 'Peru from Russia' (Comtrade, SIPRI)."""
    if kind == "import":
        return f"{country_name(from_code)} from {country_name(to_code)}"
    if kind in ("export", "investment", "arms_value"):
        return f"{country_name(from_code)} to {country_name(to_code)}"
    return " – ".join(sorted(country_name(c) for c in {from_code, to_code} if c)) or "(unspecified)"


def _figure(f: dict[str, Any], cite: Citer) -> dict[str, Any]:
    return {
        "kind": f["kind"],
        "label": KIND_LABELS.get(f["kind"], f["kind"]),
        "year": f["year_edtf"] or "undated",
        "from": f["from_code"],
        "to": f["to_code"],
        "direction": direction(f["kind"], f["from_code"], f["to_code"]),
        "value": f["value"],
        "unit": f["unit"],
        "qualifier": f["qualifier"],
        "text": format_value(f["value"], f["unit"], f["qualifier"]),
        "short": format_value(f["value"], f["unit"], f["qualifier"], short=True),
        "sources": sources_text(f["source_count"], f["independent_sources"]),
        "citations": cite(f["sources"]),
    }


def _conflict_in_pair(c: dict[str, Any], codes: tuple[str, ...]) -> bool:
    return not codes or {p for p in c["participants"] if p} <= set(codes)


def _conflict(c: dict[str, Any], cite: Citer, figures: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Both (or all) sides of a disagreement, each with what it claims and who claims it."""
    sides = []
    about = _strip_prefix(c["about"], c.get("type", ""))
    for side in c["sides"]:
        if "value" in side:
            f = figures.get(side.get("figure", ""), {})
            claim = format_value(side["value"], f.get("unit"), side.get("qualifier", "exact"))
            if f:
                who = direction(f["kind"], f["from_code"], f["to_code"])
                about = f"{KIND_LABELS.get(f['kind'], f['kind'])}, {who}, {f['year_edtf'] or 'undated'}"
        else:
            claim = f"dated {side.get('date') or 'undated'}"
        sides.append({"claim": claim, "citations": cite(side["sources"])})
    kind = "Different dates for one event" if c["kind"] == "event_date" else "Different values for one figure"
    return {"kind": kind, "type": str(c.get("type", "")).replace("_", " "), "about": about, "sides": sides}


def _other_pairs(record: Record, codes: tuple[str, ...]) -> list[tuple[str, int]]:
    if not codes:
        return []
    counts = Counter(
        "–".join(sorted(set(e["participants"])))
        for e in record.events
        if set(e["participants"]) != set(codes)
    )
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
