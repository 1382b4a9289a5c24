"""The dashboard: HTML pages over the same data as the API (overview, timeline, event, figures, documents,
actors, ask, API reference). Jinja2 with autoescape on; document text reaches a page only through
``highlight`` (escaped, with ``<mark>`` around cited sentences) or as an ordinary escaped value.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined

from dyad.display import quantity_text, sides_text, sources_text
from dyad.models import DIMENSIONS, EVENT_TYPES, FIGURE_KINDS
from dyad.report.context import country_name
from dyad.serve.api import snapshot
from dyad.serve.charts import chart_json
from dyad.serve.data import (
    ALL_PAIRS,
    MAX_NUMBER,
    EventFilter,
    NotFoundError,
    Snapshot,
    paginate,
    parse_side,
    source_spans,
)
from dyad.serve.highlight import highlight

PAGE_SIZE = 50

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Snap = Annotated[Snapshot, Depends(snapshot)]
Offset = Annotated[int, Query(ge=0, le=MAX_NUMBER)]


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("dyad.serve", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["words"] = lambda v: str(v or "").replace("_", " ")
    env.filters["country"] = country_name
    env.filters["sources"] = lambda item: sources_text(item["source_count"], item["independent_sources"])
    env.filters["sides"] = lambda e: sides_text(e["participants"], e.get("initiator"))
    env.filters["side_names"] = lambda e: sides_text(e["participants"], e.get("initiator"), country_name)
    env.filters["money"] = lambda f: quantity_text(f["value"], f["unit"], f["qualifier"], f.get("value_max"))
    return Jinja2Templates(env=env)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("pair_param", "")
    context.setdefault("pairs", [])
    context.setdefault("title", "dyad")
    context["allow_ingest"] = request.app.state.allow_ingest
    response: HTMLResponse = templates().TemplateResponse(request, name, context, status_code=status_code)
    return response


def pager(request: Request, page: dict[str, Any]) -> dict[str, Any]:
    """Previous/next links for a page of results, keeping the other query parameters."""
    total, limit, offset = page["total"], page["limit"], page["offset"]
    prev_url = str(request.url.include_query_params(offset=max(0, offset - limit))) if offset > 0 else None
    next_url = (
        str(request.url.include_query_params(offset=offset + limit)) if offset + limit < total else None
    )
    last = min(total, offset + limit)
    return {
        "first": offset + 1 if total else 0,
        "last": last,
        "total": total,
        "prev": prev_url,
        "next": next_url,
    }


def pair_context(snap: Snapshot, dyad: str | None) -> dict[str, Any]:
    pair = snap.page_pair(dyad)
    label = " – ".join(country_name(c) for c in pair) if pair else "all pairs"
    return {
        "pair": pair,
        "pair_param": ",".join(pair) or ALL_PAIRS,
        "pair_label": label,
        "pairs": snap.pairs(),
    }


@router.get("/")
def overview(request: Request, snap: Snap, dyad: str | None = None) -> HTMLResponse:
    ctx = pair_context(snap, dyad)
    data = snap.report_data(ctx["pair"])
    return render(
        request,
        "overview.html",
        title=f"{ctx['pair_label']} · dyad",
        d=data,
        charts=chart_json(data),
        **ctx,
    )


@router.get("/timeline")
def timeline(
    request: Request,
    snap: Snap,
    dyad: str | None = None,
    type: str = "",  # noqa: A002 - the query parameter's name
    dimension: str = "",
    date_from: Annotated[str, Query(alias="from")] = "",
    date_to: Annotated[str, Query(alias="to")] = "",
    min_sources: Annotated[int, Query(ge=0, le=MAX_NUMBER)] = 0,
    undated: bool = False,
    by: str = "",
    offset: Offset = 0,
) -> HTMLResponse:
    ctx = pair_context(snap, dyad)
    f = EventFilter(
        ctx["pair"],
        (type,) if type else (),
        dimension or None,
        date_from or None,
        date_to or None,
        min_sources,
        undated,
        parse_side(by),
    )
    page = snap.events(f, PAGE_SIZE, offset)
    return render(
        request,
        "timeline.html",
        title="Timeline · dyad",
        page=page,
        pager=pager(request, page),
        f=f,
        event_types=EVENT_TYPES,
        dimensions=DIMENSIONS,
        **ctx,
    )


@router.get("/events/{event_id}")
def event(request: Request, snap: Snap, event_id: str, dyad: str | None = None) -> HTMLResponse:
    e = snap.event(event_id)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for s in e["sources"]:
        by_doc.setdefault(s["doc"], []).append(s)
    views: list[dict[str, Any]] = []
    for i, (name, sources) in enumerate(by_doc.items()):
        doc = snap.document_for_source(sources[0])
        if doc is None:
            views.append({"name": name, "doc": None, "sources": sources, "html": None, "marks": 0})
            continue
        spans = source_spans(doc["text"], sources)
        html = highlight(doc["text"], spans, prefix=f"d{i}")
        views.append({"name": name, "doc": doc, "sources": sources, "html": html, "marks": len(spans)})
    return render(
        request,
        "event.html",
        title=f"{e['type']} {e['date'] or ''} · dyad",
        e=e,
        views=views,
        **pair_context(snap, dyad),
    )


@router.get("/figures")
def figures(
    request: Request, snap: Snap, dyad: str | None = None, kind: str = "", offset: Offset = 0
) -> HTMLResponse:
    ctx = pair_context(snap, dyad)
    page = snap.figures(dyad=ctx["pair"], kinds=(kind,) if kind else (), limit=PAGE_SIZE, offset=offset)
    return render(
        request,
        "figures.html",
        title="Figures · dyad",
        page=page,
        pager=pager(request, page),
        kind=kind,
        kinds=FIGURE_KINDS,
        conflicts=snap.conflicts(ctx["pair"]),
        **ctx,
    )


@router.get("/documents")
def documents(request: Request, snap: Snap, dyad: str | None = None, offset: Offset = 0) -> HTMLResponse:
    page = paginate(snap.document_list(), PAGE_SIZE, offset)
    return render(
        request,
        "documents.html",
        title="Documents · dyad",
        page=page,
        pager=pager(request, page),
        errors=snap.store.errors(),
        **pair_context(snap, dyad),
    )


@router.get("/documents/{ref}")
def document(
    request: Request,
    snap: Snap,
    ref: str,
    dyad: str | None = None,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    doc = snap.document(ref)
    facts = snap.document_facts(doc)
    if start is not None and end is not None:
        spans = [(start, end)]
    else:
        cited = [
            s
            for item in facts["events"] + facts["figures"]
            for s in item["sources"]
            if s["doc"] == doc["name"]
        ]
        spans = source_spans(doc["text"], cited)
    return render(
        request,
        "document.html",
        title=f"{doc['title'] or doc['name']} · dyad",
        doc=doc,
        facts=facts,
        html=highlight(doc["text"], spans),
        passage=start is not None,
        **pair_context(snap, dyad),
    )


@router.get("/actors")
def actors(request: Request, snap: Snap, dyad: str | None = None, offset: Offset = 0) -> HTMLResponse:
    page = paginate(snap.actors(), PAGE_SIZE, offset)
    return render(
        request,
        "actors.html",
        title="Actors · dyad",
        page=page,
        pager=pager(request, page),
        **pair_context(snap, dyad),
    )


@router.get("/ask")
def ask(request: Request, snap: Snap, q: str = "", dyad: str | None = None) -> HTMLResponse:
    ctx = pair_context(snap, dyad)
    answer = snap.ask(q[:500], ctx["pair"] if dyad else ()) if q.strip() else None
    return render(
        request,
        "ask.html",
        title="Ask · dyad",
        q=q,
        answer=answer,
        doc_ids=snap.document_ids(),
        scoped=bool(dyad),
        **ctx,
    )


@router.get("/docs")
def api_reference(request: Request, snap: Snap, dyad: str | None = None) -> HTMLResponse:
    """The API reference, from the OpenAPI schema, without Swagger UI's CDN scripts."""
    schema = request.app.openapi()
    routes = [
        {"path": path, "method": method.upper(), **op}
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    ]
    return render(request, "api.html", title="API · dyad", routes=routes, **pair_context(snap, dyad))


@router.get("/upload")
def upload(request: Request, snap: Snap, dyad: str | None = None) -> HTMLResponse:
    if not request.app.state.allow_ingest:
        raise NotFoundError("uploads are off on this server")
    return render(
        request,
        "upload.html",
        title="Upload · dyad",
        max_bytes=request.app.state.max_bytes,
        max_files=request.app.state.max_files,
        **pair_context(snap, dyad),
    )
