"""The JSON API under generated requests: Schemathesis reads the app's OpenAPI schema and sends valid and
invalid requests to every operation, against a real store holding the bundled example.

Whatever the request, the answer is never a 500, and every error is JSON ``{"error": message}`` with 400,
401, 403, 404, 411, 413 or 422, whose message speaks of the web request (no command-line flag).

CI runs ``EXAMPLES`` (8) requests per operation and mode, derandomized; the long run is
``DYAD_WEB_FUZZ_EXAMPLES=1000 pytest tests/test_web_api.py -s`` (random seeds; figures in
docs/reliability.md).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="the web API fuzz needs schemathesis")
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from dyad.pipeline import ingest  # noqa: E402
from dyad.serve import api, create_app, pages  # noqa: E402
from dyad.store import Store  # noqa: E402

LONG_RUN = "DYAD_WEB_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("DYAD_WEB_FUZZ_EXAMPLES", "8"))
UPLOAD_EXAMPLES = max(3, EXAMPLES // 10)  # each accepted upload runs the extractor: fewer of them
TOKEN = "fuzz-token"
ERROR_STATUSES = {400, 401, 403, 404, 411, 413, 422}
CLI_FLAG = re.compile(r"(?:^|[\s'\"(])--[a-z]")


@pytest.fixture(scope="module")
def example_url(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web-api') / 'example.db'}"
    with Store(url) as store:
        assert ingest(store, [seeds_dir]).ok
    return url


def problem(status: int, content_type: str, body: Any) -> str | None:
    """What is wrong with one answer, or None."""
    if status >= 500:
        return f"server error {status}: {body}"
    if status < 400:
        return None
    if status not in ERROR_STATUSES:
        return f"unexpected status {status}"
    if not content_type.startswith("application/json"):
        return f"error {status} is {content_type}, not JSON"
    message = body.get("error") if isinstance(body, dict) else None
    if not isinstance(message, str) or not message.strip():
        return f"error {status} without a message: {body!r}"
    if CLI_FLAG.search(message):
        return f"error {status} names a command-line flag: {message!r}"
    return None


def fuzz(
    operation: Any, mode: GenerationMode, examples: int, found: Counter[str], problems: list[str]
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=not LONG_RUN,
        suppress_health_check=list(HealthCheck),
    )
    def send(case: Any) -> None:
        if case.path == "/api/ingest":  # with the token, so that the upload itself is fuzzed
            case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
        response = case.call()
        found[f"{operation.label} {response.status_code}"] += 1
        body: Any = None  # a success may be a download (the CSV zip): only errors must be JSON
        if response.status_code >= 400:
            try:
                body = response.json()
            except ValueError:
                body = response.content[:200]
        content_type = response.headers.get("content-type", [""])[0]  # schemathesis: header → values
        wrong = problem(response.status_code, content_type, body)
        if wrong:
            problems.append(f"{operation.label} {case.path_parameters} {case.query}: {wrong}")

    try:
        send()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE  # an operation without parameters has no invalid request


def test_no_generated_request_gets_a_server_error_or_an_unclear_error(example_url: str) -> None:
    app = create_app(example_url, allow_ingest=True, token=TOKEN)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    found: Counter[str] = Counter()
    problems: list[str] = []
    labels = []
    for result in schema.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)
        examples = UPLOAD_EXAMPLES if operation.path == "/api/ingest" else EXAMPLES
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(operation, mode, examples, found, problems)
    if LONG_RUN:
        print(f"\n{sum(found.values())} requests over {len(labels)} operations:")
        for key, n in sorted(found.items()):
            print(f"  {key}: {n}")
    assert not problems, "\n".join(problems[:20])
    assert "POST /api/ingest" in labels and len(labels) >= 16  # the whole API was fuzzed
    assert any(key.endswith(" 200") for key in found) and any(key.endswith(" 400") for key in found)


# What the fuzzing found, pinned: each was a 500 or a message naming a command-line flag.
@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/events?offset=1000000000000000000000000", 400, "offset"),
        ("/api/timeline?offset=1000000000000000000000000", 400, "offset"),
        ("/api/figures?offset=1000000000000000000000000", 400, "offset"),
        ("/api/events?min_sources=1000000000000000000000000", 400, "min_sources"),
        ("/api/events?dyad=Atlantis,Peru", 400, "dyad: unknown country 'Atlantis'"),
        ("/api/conflicts?dyad=,", 400, "dyad ',': give two different countries"),
    ],
)
def test_found_by_fuzzing(example_url: str, path: str, status: int, words: str) -> None:
    with TestClient(create_app(example_url)) as client:
        response = client.get(path)
    assert response.status_code == status and words in response.json()["error"]
    assert problem(response.status_code, response.headers["content-type"], response.json()) is None


@pytest.mark.parametrize(
    "path", ["/timeline?offset=1000000000000000000000000", "/timeline?min_sources=10000000000000000000000000"]
)
def test_pages_refuse_numbers_beyond_any_store(example_url: str, path: str) -> None:
    with TestClient(create_app(example_url)) as client:
        response = client.get(path)
    assert response.status_code == 400 and "less than or equal to" in response.text


# -- security headers on every answer -------------------------------------------------------------------

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def _every_route(client: TestClient) -> list[str]:
    """A request for every GET route of the API and the pages (path parameters filled with real ids), plus
    the schema, static files, an unknown page, a refused upload and an error of each kind."""
    event_id = client.get("/api/events").json()["items"][0]["id"]
    doc_id = client.get("/api/documents").json()["items"][0]["id"]
    fill = {"{event_id}": event_id, "{ref}": doc_id}
    paths = []
    for route in [*api.router.routes, *pages.router.routes]:
        path = getattr(route, "path", "")
        if "GET" in getattr(route, "methods", set()):
            for name, value in fill.items():
                path = path.replace(name, value)
            paths.append(path)
    extras = ["/openapi.json", "/static/plotly.min.js", "/static/app.js", "/static/style.css"]
    errors = ["/api/ask?q=trade", "/nowhere", "/api/nowhere", "/api/events?limit=-1", "/upload"]
    return [*paths, *extras, *errors]


def test_every_answer_carries_the_security_headers(example_url: str) -> None:
    app = create_app(example_url)

    @app.get("/api/boom")  # an unforeseen bug: the 500 answer carries the headers too
    def boom() -> None:
        """Fails."""
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as client:
        paths = _every_route(client)
        answers = {path: client.get(path) for path in paths}
        answers["POST /api/ingest"] = client.post("/api/ingest", files={"files": ("a.txt", b"x")})
        answers["/api/boom"] = client.get("/api/boom")
    assert len(paths) >= 30 and {a.status_code for a in answers.values()} >= {200, 400, 403, 404}
    assert [path for path, a in answers.items() if a.status_code == 500] == ["/api/boom"]
    for path, response in answers.items():
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (path, name)
        csp = response.headers.get("content-security-policy", "")
        assert "script-src 'self';" in csp and "frame-ancestors 'none'" in csp, path
        assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0], path


TEMPLATES = Path(__file__).parent.parent / "src" / "dyad" / "serve" / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|javascript:", re.I)


def test_no_page_has_inline_script_the_policy_would_block(example_url: str) -> None:
    """The CSP allows only scripts from /static: an inline script or handler would silently not run."""
    assert [t.name for t in TEMPLATES.glob("*.html") if INLINE_SCRIPT.search(t.read_text())] == []
    with TestClient(create_app(example_url, allow_ingest=True, token=TOKEN)) as client:
        pages = ["/", "/timeline", "/figures", "/documents", "/actors", "/ask?q=trade", "/docs", "/upload"]
        for page in pages:
            html = client.get(page).text
            assert not INLINE_SCRIPT.search(html), page
