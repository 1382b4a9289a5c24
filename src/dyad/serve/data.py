"""What the API and the pages show, as plain data, read from the library for one request.

A ``Snapshot`` wraps the store for the length of one request. Lists read one page of the stored record
through ``dyad.query`` (SQL, with a total); the overview and the analyses read the per-pair summaries the
store keeps, and nothing here resolves. Nothing here writes; uploads go through
``dyad.serve.upload``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from dyad import query
from dyad.ask import ask
from dyad.errors import DyadError
from dyad.export import build_export, render
from dyad.models import DIMENSIONS, EVENT_TYPES, FIGURE_KINDS
from dyad.report.context import Overview, build_overview
from dyad.store import Store
from dyad.tables import build_tables, csv_zip

LOGGER = logging.getLogger(__name__)

ALL_PAIRS = "all"
# The largest offset or count a request may give: beyond any store, and inside the 64-bit integers SQL
# compares with (a larger number would be an OverflowError in the database driver, not a bad request).
MAX_NUMBER = 10**12
WEB_FORMATS = ("json", "jsonl", "csv")  # csv: a zip of the flat tables


class NotFoundError(DyadError):
    """The document, event or page asked for does not exist (HTTP 404)."""


@dataclass(slots=True, frozen=True)
class EventFilter:
    """The filters of ``/api/events`` and the timeline page."""

    dyad: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    dimension: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_sources: int = 0
    undated: bool = False
    by: str | None = None  # ISO3: only the acts this side initiated


def parse_pair(text: str | None) -> tuple[str, ...]:
    """The ``dyad`` query parameter as two ISO codes (errors name the parameter, not the CLI's flag)."""
    return query.parse_dyad(text, param="dyad")


def parse_side(text: str | None) -> str | None:
    """The ``by`` query parameter (a side that acted) as an ISO code."""
    return query.parse_country(text, param="by")


def split_values(values: list[str] | None) -> tuple[str, ...]:
    """``["agreement,visit", "trade"]`` → ``("agreement", "visit", "trade")`` (repeated or comma-joined)."""
    return tuple(v.strip() for raw in values or [] for v in raw.split(",") if v.strip())


def check_choices(values: tuple[str, ...], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise DyadError(f"unknown {what} {unknown[0]!r}; choose from {', '.join(allowed)}")
    return values


def check_dimension(dimension: str | None) -> str | None:
    if dimension:
        check_choices((dimension,), DIMENSIONS, "dimension")
    return dimension or None


def paginate(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of ``items`` with the total: ``{"total", "limit", "offset", "items"}``."""
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset : offset + limit]}


def source_spans(text: str, sources: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Where each cited sentence is in ``text``: the stored offsets, or a search when they do not match."""
    spans = []
    for s in sources:
        start, end = s.get("start"), s.get("end")
        if isinstance(start, int) and isinstance(end, int) and text[start:end] == s["text"]:
            spans.append((start, end))
            continue
        found = text.find(s["text"]) if s.get("text") else -1
        if found >= 0:
            spans.append((found, found + len(s["text"])))
        else:
            LOGGER.warning("source sentence not found in %s at %s-%s", s.get("doc"), start, end)
    return spans


class Snapshot:
    """The store as one request sees it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @cached_property
    def documents(self) -> list[dict[str, Any]]:
        return self.store.documents()

    # -- pairs ---------------------------------------------------------------------------------------

    def pairs(self) -> list[dict[str, Any]]:
        """The pairs the events are about, most events first: ``[{"dyad": "PER,RUS", "events": n}]``."""
        counts, _figures = self.store.pair_counts()
        pairs = {tuple(k.split(",")): n for k, n in counts.items() if k}
        ranked = sorted(((k, n) for k, n in pairs.items() if len(k) == 2), key=lambda kv: (-kv[1], kv[0]))
        return [{"dyad": ",".join(k), "events": n} for k, n in ranked]

    def page_pair(self, text: str | None) -> tuple[str, ...]:
        """A page's pair: the one asked for, none for ``all``, else the pair most events are about."""
        if text and text.strip().lower() == ALL_PAIRS:
            return ()
        return parse_pair(text) if text else query.main_pair(self.store)[0]

    # -- documents -----------------------------------------------------------------------------------

    def document_list(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [d for d in self.documents if not kind or d["kind"] == kind]

    def document(self, ref: str) -> dict[str, Any]:
        """One document with text and sentences, by id, file name or a unique prefix of either."""
        exact = [d for d in self.documents if ref in (d["id"], d["name"])]
        near = exact or [d for d in self.documents if d["id"].startswith(ref) or d["name"].startswith(ref)]
        if not near:
            raise NotFoundError(f"no document {ref!r}; list them at /api/documents")
        if len(near) > 1:
            raise DyadError(f"{len(near)} documents match {ref!r}; use the document's id")
        return self.store.document(near[0]["id"])

    def document_for_source(self, source: dict[str, Any]) -> dict[str, Any] | None:
        """The document a citation comes from (by file name; by content when two share a name)."""
        candidates = [d for d in self.documents if d["name"] == source["doc"]]
        for meta in candidates:
            doc = self.store.document(meta["id"])
            if len(candidates) == 1 or doc["text"][source["start"] : source["end"]] == source["text"]:
                return doc
        return None

    def document_facts(self, doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        """What was read in one document: resolved events and figures citing it, time expressions, names."""
        doc_id = doc["id"]
        timex = [
            {k: t[k] for k in ("text", "start", "end", "edtf", "granularity", "basis")}
            for t in self.store.rows("time_expressions")
            if t["doc_id"] == doc_id
        ]
        mentions = [
            {k: m[k] for k in ("text", "start", "end", "kind", "value")}
            for m in self.store.rows("mentions")
            if m["doc_id"] == doc_id
        ]
        return {
            "events": query.events(self.store, doc_id=doc_id, include_undated=True),
            "figures": query.figures_page(self.store, doc_id=doc_id).items,
            "time_expressions": sorted(timex, key=lambda t: t["start"]),
            "mentions": sorted(mentions, key=lambda m: m["start"]),
        }

    def document_ids(self) -> dict[str, str]:
        """File name → document id (the first, when two documents share a name)."""
        ids: dict[str, str] = {}
        for d in self.documents:
            ids.setdefault(d["name"], d["id"])
        return ids

    # -- events --------------------------------------------------------------------------------------

    def events(self, f: EventFilter, limit: int | None = None, offset: int = 0) -> dict[str, Any]:
        """One page of resolved events and the total (``paginate``'s shape)."""
        check_choices(f.types, EVENT_TYPES, "event type")
        page = query.events_page(
            self.store,
            dyad=f.dyad,
            types=f.types,
            dimension=check_dimension(f.dimension),
            date_from=f.date_from,
            date_to=f.date_to,
            include_undated=f.undated,
            min_sources=f.min_sources,
            by=f.by,
            limit=limit,
            offset=offset,
        )
        return page.to_dict(limit, offset)

    def event(self, ref: str) -> dict[str, Any]:
        """One resolved event by its id (or the id of any per-document mention merged into it)."""
        found = query.event(self.store, ref)
        if found is None:
            raise NotFoundError(f"no event {ref!r}; list them at /api/events")
        return found

    def timeline(
        self,
        *,
        dyad: tuple[str, ...],
        dimension: str | None,
        date_from: str | None,
        date_to: str | None,
        limit: int | None = None,
        offset: int = 0,
    ) -> dict[str, Any]:
        """One page of the dated events in order, flat, each with its decade (``analyze.by_decade``
        groups them)."""
        page = query.timeline_page(
            self.store,
            dyad=dyad,
            dimension=check_dimension(dimension),
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        )
        return page.to_dict(limit, offset)

    # -- figures, actors, analysis -------------------------------------------------------------------

    def figures(
        self,
        *,
        dyad: tuple[str, ...] = (),
        kinds: tuple[str, ...] = (),
        limit: int | None = None,
        offset: int = 0,
    ) -> dict[str, Any]:
        """A page of figures, each marked ``in_conflict`` when another source gives an incompatible value."""
        check_choices(kinds, FIGURE_KINDS, "figure kind")
        disputed = {s.get("figure") for c in self.store.conflicts(dyad) for s in c["sides"]}
        page = query.figures_page(self.store, dyad=dyad, kinds=kinds, limit=limit, offset=offset)
        page.items = [{**f, "in_conflict": f["id"] in disputed} for f in page.items]
        return page.to_dict(limit, offset)

    def actors(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [a for a in query.actors(self.store) if not kind or a["kind"] == kind]

    def conflicts(self, dyad: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        return query.conflicts(self.store, dyad)

    def report_data(self, dyad: tuple[str, ...]) -> Overview:
        """The overview's numbers, periods and chart data, from the store's per-pair summaries, read in one
        snapshot of the store."""
        with self.store.snapshot():
            return build_overview(self.store, dyad)

    def ask(self, question: str, dyad: tuple[str, ...] = ()) -> dict[str, Any]:
        if not question.strip():
            raise DyadError("ask a question: the q parameter is empty")
        return ask(self.store, question, dyad=dyad).to_dict()

    def export_body(self, fmt: str) -> str | bytes:
        """The export download: JSON or JSONL text, or the CSV tables in one zip archive."""
        if fmt not in WEB_FORMATS:
            raise DyadError(f"unknown export format {fmt!r}; choose one of {', '.join(WEB_FORMATS)}")
        if fmt == "csv":
            return csv_zip(build_tables(build_export(self.store)))
        return render(build_export(self.store), fmt)
