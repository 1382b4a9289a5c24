"""Ingest through the web: ``POST /api/ingest`` with multipart files, off unless asked for.

The server is read-only by default. With ``allow_ingest`` and a ``token``, a request whose
``Authorization: Bearer <token>`` matches may upload files; the request body (all files together) may be at
most ``max_bytes`` and hold at most ``max_files`` files. ``IngestGuard`` checks all but the count
*before* the body is read, so a refused upload costs nothing: 403 when uploads are off or the token is
wrong (compared in constant time), 401 when there is no token, 411 without a Content-Length, 413 over the
size limit; more than ``max_files`` files is a 413 too, before any is written.

Accepted files are written to a temporary folder, each in a folder of its own under its base name made
safe (``safe_name``: no folders, no control or direction characters, at most ``MAX_NAME_BYTES``), and
ingested by the store exactly as ``dyad ingest`` would: the format is read from the content, never from
the claimed content type; archives and compressed files are refused unopened (so no decompression bomb is
ever inflated); bad files are skipped, recorded and listed with their reasons.
"""

from __future__ import annotations

import hmac
import logging
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from dyad.errors import DyadError

LOGGER = logging.getLogger(__name__)

PATH = "/api/ingest"
MAX_NAME_BYTES = 200  # a stored file name, in UTF-8 bytes (file systems allow 255)
_UNSAFE = re.compile(r"[^\w.\- ()+,]+")
_LOCK = threading.Lock()


def refusal(headers: Headers, *, allow: bool, token: str | None, max_bytes: int) -> tuple[int, str] | None:
    """Why an upload request is refused, as (status, message), or None when it may go on."""
    if not allow or not token:
        return 403, "this server is read-only: it does not accept uploads"
    scheme, _, given = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        return 401, "uploads need the header 'Authorization: Bearer <token>'"
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        return 403, "wrong token"
    length = headers.get("content-length")
    if length is None or not length.isdigit():
        return 411, "uploads need a Content-Length header"
    if int(length) > max_bytes:
        return 413, f"upload of {int(length):,} bytes is over the limit of {max_bytes:,} bytes (max_bytes)"
    return None


class IngestGuard:
    """ASGI middleware: refuses uploads before their body is read (see the module docstring)."""

    def __init__(self, app: ASGIApp, *, allow: bool, token: str | None, max_bytes: int) -> None:
        self.app, self.allow, self.token, self.max_bytes = app, allow, token, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == PATH and scope["method"] == "POST":
            problem = refusal(
                Headers(scope=scope), allow=self.allow, token=self.token, max_bytes=self.max_bytes
            )
            if problem:
                headers = {"WWW-Authenticate": "Bearer"} if problem[0] == 401 else None
                await JSONResponse({"error": problem[1]}, problem[0], headers=headers)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def safe_name(filename: str | None, index: int) -> str:
    """The upload's base name, without folders, control or direction characters or a leading dot, cut to
    ``MAX_NAME_BYTES`` (keeping its extension)."""
    base = PurePosixPath((filename or "").replace("\\", "/")).name
    base = _UNSAFE.sub("_", base).lstrip(".")
    if len(base.encode()) > MAX_NAME_BYTES:
        stem, ext = os.path.splitext(base)
        ext = ext[:16]
        stem = stem.encode()[: MAX_NAME_BYTES - len(ext.encode())].decode(errors="ignore")
        base = stem + ext
    return base or f"upload-{index}"


def save_uploads(files: list[UploadFile], folder: Path) -> dict[str, str]:
    """Write each upload to `folder/<n>/<name>`; returns path → name as uploaded."""
    saved = {}
    for i, upload in enumerate(files):
        target = folder / str(i) / safe_name(upload.filename, i)
        target.parent.mkdir()
        with target.open("wb") as out:
            shutil.copyfileobj(upload.file, out)
        saved[str(target)] = target.name
    return saved


def ingest_uploads(request: Request, files: list[UploadFile]) -> dict[str, Any]:
    from dyad.pipeline import ingest  # the extractor (spaCy) loads with the first upload, not at start-up

    state = request.app.state
    if refusal(request.headers, allow=state.allow_ingest, token=state.token, max_bytes=state.max_bytes):
        raise DyadError("upload refused")  # the guard answers first; this is a second lock on the door
    if not files:
        raise DyadError("no files in the upload: send them as multipart form field 'files'")
    if len(files) > state.max_files:
        raise HTTPException(413, f"upload of {len(files)} files is over the limit of {state.max_files} files")
    with tempfile.TemporaryDirectory(prefix="dyad-upload-") as tmp, _LOCK:
        names = save_uploads(files, Path(tmp))
        report = ingest(
            state.store, list(names), max_bytes=state.max_bytes, workers=1, **state.ingest_options
        )
    failed = [{"file": names.get(f.path, Path(f.path).name), "reason": f.reason} for f in report.failed]
    warnings = [{"file": names.get(w.path, Path(w.path).name), "reason": w.reason} for w in report.warnings]
    LOGGER.info(
        "upload: %d added, %d unchanged, %d failed", len(report.added), len(report.unchanged), len(failed)
    )
    return {
        "ok": not failed,
        "added": report.added,
        "unchanged": report.unchanged,
        "failed": failed,
        "warnings": warnings,
    }


def make_router(*, visible: bool) -> APIRouter:
    router = APIRouter()

    @router.post(PATH, tags=["store"], include_in_schema=visible)
    def ingest(
        request: Request, files: Annotated[list[UploadFile], File(description="Files to ingest.")]
    ) -> dict[str, Any]:
        """Upload and ingest files (only with `--allow-ingest --token`; header `Authorization: Bearer`).
        Bad files are skipped and listed in `failed` with the reason."""
        return ingest_uploads(request, files)

    return router
