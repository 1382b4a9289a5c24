"""The application: routes, one error handler, security headers, static files and the server.

Errors are converted here, in one place: a ``DyadError`` is 400 (``NotFoundError`` 404, ``StoreError``
503), a bad parameter 400, an unknown route 404, anything else 500 with a short message and the traceback
in the log. Under ``/api`` the body is ``{"error": "message"}``; elsewhere an HTML page says the same.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad import __version__
from dyad.errors import DyadError, StoreError
from dyad.serve import api, pages, upload
from dyad.serve.charts import plotly_js_path
from dyad.serve.data import NotFoundError
from dyad.store import Store

LOGGER = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024
MAX_FILES = 100
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(
    db_url: str,
    *,
    create: bool = True,
    allow_ingest: bool = False,
    token: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_files: int = MAX_FILES,
    ingest_options: Mapping[str, Any] | None = None,
) -> FastAPI:
    """The web app over the store at ``db_url``: read-only unless ``allow_ingest`` with a ``token``.

    ``create=False``: a SQLite file that does not exist is a ``StoreError`` (as ``Store``'s ``create``).

    ``max_bytes`` bounds one upload (all its files), ``max_files`` the number of its files.
    ``ingest_options`` (``dyad``, ``knowledge_dirs``) are passed to the store's ingest for uploads.
    """
    if allow_ingest and not token:
        raise DyadError("--allow-ingest needs --token T: uploads are only accepted with that bearer token")
    store = Store(db_url, create=create)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # the first pages after a restart would otherwise wait for the disk (a large SQLite store)
        threading.Thread(target=_warm, args=(store,), name="dyad-warm", daemon=True).start()
        yield
        store.close()

    app = FastAPI(
        title="dyad",
        version=__version__,
        description="A sourced record of the relationship between two countries: documents, events, "
        "figures, actors, timeline, intensity, periods, conflicts and answers with citations.",
        docs_url=None,  # Swagger UI loads from a CDN; /docs is an offline reference page instead
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    app.state.max_bytes = max_bytes
    app.state.max_files = max_files
    app.state.ingest_options = dict(ingest_options or {})

    app.include_router(api.router)
    app.include_router(upload.make_router(visible=allow_ingest))
    app.include_router(pages.router)
    app.add_api_route("/static/plotly.min.js", plotly_js, include_in_schema=False)
    app.mount("/static", StaticFiles(packages=[("dyad.serve", "static")]), name="static")
    _add_error_handlers(app)
    app.add_middleware(upload.IngestGuard, allow=allow_ingest, token=token, max_bytes=max_bytes)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


def _warm(store: Store) -> None:
    """Store.warm on a thread of its own: a request is answered meanwhile, and a failure only logged."""
    start = time.monotonic()
    try:
        read = store.warm()
    except Exception:  # the store closed under it (shut down at once), or a read failed: serve as before
        LOGGER.debug("warming the store's indexes failed", exc_info=True)
        return
    if read:
        took = time.monotonic() - start
        LOGGER.info("read %d indexes and tables into the page cache in %.1f s", read, took)


def plotly_js() -> FileResponse:
    """Plotly's JavaScript from the installed ``plotly`` package (never a CDN)."""
    return FileResponse(
        plotly_js_path(), media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"}
    )


def _status(exc: Exception) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, StoreError):
        return 503
    return 400


def _respond(request: Request, status: int, message: str) -> Response:
    """The error answer; it carries the security headers itself, because the answer to an unforeseen
    exception is sent from outside every middleware."""
    response: Response
    if request.url.path.startswith("/api"):
        response = JSONResponse({"error": message}, status_code=status)
    else:
        response = pages.render(
            request, "error.html", status_code=status, title="Error · dyad", status=status, message=message
        )
    response.headers.update(SECURITY_HEADERS)
    return response


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _add_error_handlers(app: FastAPI) -> None:
    async def dyad_error(request: Request, exc: Exception) -> Response:
        return _respond(request, _status(exc), str(exc))

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _respond(request, 400, _validation_message(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return _respond(request, exc.status_code, message)

    async def internal_error(request: Request, exc: Exception) -> Response:
        LOGGER.exception("internal error on %s", request.url.path, exc_info=exc)
        return _respond(request, 500, f"internal error ({exc.__class__.__name__}); see the server log")

    app.add_exception_handler(DyadError, dyad_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, internal_error)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def check_binding(
    host: str, *, public: bool, allow_ingest: bool, token: str | None, bound: str | None = None
) -> None:
    """Refuse to serve beyond this machine unless asked (``public``), and then only read-only or with a
    token for uploads: a dashboard opened to colleagues must not open the store to writes by accident.
    ``bound``: the address ``host`` resolved to (a host name is judged by it)."""
    if _is_loopback(bound or host):
        return
    if not public:
        raise DyadError(
            f"refusing to serve on {host}: other machines could read the store; add --public to mean it, "
            "or use --host 127.0.0.1"
        )
    if allow_ingest and not token:
        raise DyadError(f"refusing to accept uploads on {host} without --token T")


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or a one-line ``DyadError`` (bad port or host, port in use)."""
    if not 1 <= port <= 65535:
        raise DyadError(f"cannot serve on port {port}: a port is a number from 1 to 65535")
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        raise DyadError(f"cannot serve on host {host!r}: {exc.strerror}") from exc
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: quick restarts
        sock.bind(address)
    except OSError as exc:
        sock.close()
        reason = (exc.strerror or str(exc)).lower()
        raise DyadError(f"cannot serve on {host}:{port}: {reason}") from exc
    return sock


def address(host: str, port: int) -> str:
    """The URL a browser opens for ``host:port`` (an IPv6 address goes in brackets)."""
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def run(
    db_url: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    public: bool = False,
    ready: Callable[[str], None] | None = None,
    **options: Any,
) -> None:
    """Serve the app with uvicorn (blocks). ``options`` are ``create_app``'s keywords.

    A host other than this machine's loopback needs ``public`` (``check_binding``). The store is opened
    and the address bound first, so that a missing store, a bad port or a port in use is an error before
    anything is served; then ``ready`` is called with the address.
    """
    import uvicorn

    app = create_app(db_url, **options)
    sock = listen(host, port)  # bound, not yet listening: nothing is accepted before the check
    try:
        check_binding(
            host,
            public=public,
            allow_ingest=options.get("allow_ingest", False),
            token=options.get("token"),
            bound=sock.getsockname()[0],
        )
    except DyadError:
        sock.close()
        raise
    if not _is_loopback(host):
        LOGGER.warning("serving on %s: anyone who can reach this address can read the store", host)
    if ready:
        ready(address(host, port))
    uvicorn.Server(uvicorn.Config(app, log_level="info")).run(sockets=[sock])


def get(db_url: str, path: str, **options: Any) -> tuple[int, str]:
    """Answer one GET request without a server (like ``datasette --get``): (status code, body text)."""
    from fastapi.testclient import TestClient

    with TestClient(create_app(db_url, **options), raise_server_exceptions=False) as client:
        response = client.get(path)
    return response.status_code, response.text
