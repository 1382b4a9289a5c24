"""The JSON API under ``/api``: documents, events, figures, actors, analysis, conflicts, ask, export.

Every list is paged (``?limit=&offset=``) and answers ``{"total", "limit", "offset", "items"}``. Errors are
``{"error": "message"}`` with 400 (bad parameter), 404 (unknown document or event) or 503 (store
unreadable); see ``dyad.serve.app``. Nothing here writes: the one write route, ``POST /api/ingest``, lives
in ``dyad.serve.upload`` and is off unless the server was started with ``--allow-ingest --token``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from dyad import query
from dyad.serve.data import (
    MAX_NUMBER,
    EventFilter,
    Snapshot,
    paginate,
    parse_pair,
    parse_side,
    split_values,
)

MAX_LIMIT = 1000


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class ErrorBody(BaseModel):
    error: str


def snapshot(request: Request) -> Snapshot:
    return Snapshot(request.app.state.store)


Snap = Annotated[Snapshot, Depends(snapshot)]
Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_NUMBER, description="Items to skip.")]
Dyad = Annotated[
    str | None, Query(description="Two countries: ISO codes or names, e.g. PER,RUS or Peru,Russia.")
]
DateFrom = Annotated[
    str | None, Query(alias="from", description="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")
]
DateTo = Annotated[str | None, Query(alias="to", description="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Dimension = Annotated[
    str | None, Query(description="political, economic, military, science_education_culture, multilateral.")
]

ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorBody, "description": "Bad parameter"}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {**ERRORS, 404: {"model": ErrorBody, "description": "Not found"}}

router = APIRouter(prefix="/api", responses=ERRORS)


@router.get("/stats", tags=["store"])
def stats(snap: Snap) -> dict[str, Any]:
    """How much the store holds, and the country pairs its events are about (most events first)."""
    return {"counts": snap.store.counts(), "pairs": snap.pairs()}


@router.get("/documents", response_model=Page, tags=["documents"])
def documents(
    snap: Snap,
    kind: Annotated[str | None, Query(description="news, blog, paper, record or other.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored documents (metadata, no text), by file name."""
    return paginate(snap.document_list(kind), limit, offset)


@router.get("/documents/{ref}", responses=NOT_FOUND, tags=["documents"])
def document(
    snap: Snap, ref: str, raw: Annotated[bool, Query(description="Also return the raw text as read.")] = False
) -> dict[str, Any]:
    """One document (by id, file name or a unique prefix): clean text, sentences with offsets, and the
    facts read from it (resolved events and figures that cite it, time expressions, names)."""
    doc = snap.document(ref)
    if not raw:
        doc.pop("raw_text", None)
    return {**doc, "facts": snap.document_facts(doc)}


@router.get("/events", response_model=Page, tags=["events"])
def events(
    snap: Snap,
    dyad: Dyad = None,
    type_: Annotated[
        list[str] | None, Query(alias="type", description="Event type(s); repeat or join with commas.")
    ] = None,
    dimension: Dimension = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    min_sources: Annotated[
        int, Query(ge=0, le=MAX_NUMBER, description="At least this many documents report it.")
    ] = 0,
    undated: Annotated[bool, Query(description="Also list events without a date.")] = False,
    by: Annotated[
        str | None,
        Query(description="Only the acts this side initiated on the other: a code or name, e.g. GBR."),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Resolved events (one per real-world event, every source), oldest first; `initiator` is the side
    that acted on the other, when the sources say (null otherwise)."""
    f = EventFilter(
        parse_pair(dyad),
        split_values(type_),
        dimension,
        date_from,
        date_to,
        min_sources,
        undated,
        parse_side(by),
    )
    return snap.events(f, limit, offset)


@router.get("/events/{event_id}", responses=NOT_FOUND, tags=["events"])
def event(snap: Snap, event_id: str) -> dict[str, Any]:
    """One resolved event with all its sources and any date conflict between them."""
    return snap.event(event_id)


@router.get("/timeline", response_model=Page, tags=["analysis"])
def timeline(
    snap: Snap,
    dyad: Dyad = None,
    dimension: Dimension = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Dated events in order, each with its decade, date basis and number of sources."""
    return snap.timeline(
        dyad=parse_pair(dyad),
        dimension=dimension,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
    )


@router.get("/figures", response_model=Page, tags=["figures"])
def figures(
    snap: Snap,
    dyad: Dyad = None,
    kind: Annotated[
        list[str] | None, Query(description="Figure kind(s): export, import, trade_total, ...")
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Figures (trade, investment, arms values, growth rates...) with sources; `in_conflict` marks a
    figure another source contradicts."""
    return snap.figures(dyad=parse_pair(dyad), kinds=split_values(kind), limit=limit, offset=offset)


@router.get("/series", response_model=Page, tags=["figures"])
def series(
    snap: Snap,
    kind: Annotated[str, Query(description="Figure kind, e.g. export.")],
    dyad: Dyad = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """One kind of figure over time, conflicting values side by side."""
    page = query.series_page(snap.store, kind=kind, dyad=parse_pair(dyad), limit=limit, offset=offset)
    return page.to_dict(limit, offset)


@router.get("/actors", response_model=Page, tags=["actors"])
def actors(
    snap: Snap,
    kind: Annotated[str | None, Query(description="country, person, organisation, forum.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Countries, people and organisations the documents name, most documents first."""
    return paginate(snap.actors(kind), limit, offset)


@router.get("/intensity", response_model=Page, tags=["analysis"])
def intensity(
    snap: Snap,
    by: Annotated[str, Query(description="year or decade.")] = "year",
    dyad: Dyad = None,
    dimension: Dimension = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The intensity index per year or decade and dimension (docs/analysis.md)."""
    rows = query.intensity(snap.store, by=by, dyad=parse_pair(dyad), dimension=dimension)
    return paginate(rows, limit, offset)


@router.get("/periods", response_model=Page, tags=["analysis"])
def periods(snap: Snap, dyad: Dyad = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Phases of higher and lower intensity, each with the events that define it."""
    return paginate(query.periods(snap.store, dyad=parse_pair(dyad)), limit, offset)


@router.get("/conflicts", response_model=Page, tags=["analysis"])
def conflicts(snap: Snap, dyad: Dyad = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Facts on which sources disagree (a figure's value, an event's date), every side with its sources."""
    return paginate(snap.conflicts(parse_pair(dyad)), limit, offset)


@router.get("/ask", tags=["ask"])
def ask(
    snap: Snap,
    q: Annotated[str, Query(min_length=1, max_length=500, description="A question in English.")],
    dyad: Dyad = None,
) -> dict[str, Any]:
    """Answer a question from the store: `answer`, `found`, `confidence`, the `facts` used and the
    `citations` (document, sentence, offsets, score), most relevant first."""
    return snap.ask(q, parse_pair(dyad))


@router.get("/errors", response_model=Page, tags=["store"])
def errors(snap: Snap, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Files that could not be ingested, with the reason."""
    return paginate(snap.store.errors(), limit, offset)


MEDIA_TYPES = {
    "json": "application/json; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "application/zip",
}
FILE_NAMES = {"json": "dyad-export.json", "jsonl": "dyad-export.jsonl", "csv": "dyad-tables.zip"}


@router.get("/export", tags=["store"], response_class=Response)
def export(
    snap: Snap,
    format: Annotated[str, Query(description="json, jsonl, or csv (a zip of flat tables).")] = "json",  # noqa: A002
) -> Response:
    """The whole store in the export contract (ARCHITECTURE.md), or as flat CSV tables, as a download."""
    body = snap.export_body(format)
    headers = {"Content-Disposition": f'attachment; filename="{FILE_NAMES[format]}"'}
    return Response(body, media_type=MEDIA_TYPES[format], headers=headers)
