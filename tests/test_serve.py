"""`dyad serve`: the JSON API and the dashboard pages through FastAPI's test client, on the seed store."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="dyad serve needs fastapi (install the serve dependencies)")
from fastapi.testclient import TestClient  # noqa: E402

from dyad.errors import DyadError  # noqa: E402
from dyad.extract.timex import parse_edtf  # noqa: E402
from dyad.pipeline import ingest  # noqa: E402
from dyad.serve import create_app, get  # noqa: E402
from dyad.serve.charts import plotly_js_path  # noqa: E402
from dyad.serve.highlight import highlight, merge_spans  # noqa: E402
from dyad.store import Store  # noqa: E402

DECLARATION_DOCS = {"002_104a4800072aadd7.txt", "003_1fdc36ad657d76f1.txt"}
QUESTION = "When was the Joint Declaration of Strategic Partnership signed?"
EVIL = (
    "Peru and Russia sign a fisheries accord <script>alert(1)</script>\n\n"
    "Lima, 3 March 2020. Peru and Russia signed an agreement on fisheries cooperation on 3 March 2020 "
    "<script>alert(1)</script> in Lima.\n"
    "The ministers also discussed trade <img src=x onerror=alert(1)> and the exchange of students.\n"
    "Peru exported goods worth 40 million dollars to Russia in 2019 <script>alert(1)</script>.\n"
)


@pytest.fixture(scope="module")
def seed_url(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('serve') / 'seeds.db'}"
    with Store(url) as store:
        assert ingest(store, [seeds_dir]).ok
    return url


@pytest.fixture(scope="module")
def client(seed_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(seed_url)) as c:
        yield c


@pytest.fixture(scope="module")
def declaration(client: TestClient) -> dict:
    page = client.get("/api/events", params={"dyad": "PER,RUS", "min_sources": 2}).json()
    assert page["total"] == 1
    return page["items"][0]


def items(client: TestClient, path: str, **params: object) -> list[dict]:
    response = client.get(path, params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


# -- the API -------------------------------------------------------------------------------------------


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/documents",
        "/api/documents/{ref}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/figures",
        "/api/actors",
        "/api/timeline",
        "/api/intensity",
        "/api/periods",
        "/api/conflicts",
        "/api/ask",
        "/api/export",
    ):
        assert path in schema["paths"], path
    assert "/api/ingest" not in schema["paths"]  # read-only: the upload route is not offered
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"dyad", "type", "dimension", "from", "to", "min_sources", "limit", "offset"} <= params


@pytest.mark.parametrize(
    ("path", "params", "at_least"),
    [
        ("/api/documents", {}, 5),
        ("/api/events", {}, 15),
        ("/api/timeline", {"dyad": "PER,RUS"}, 15),
        ("/api/figures", {}, 5),
        ("/api/series", {"kind": "export"}, 2),
        ("/api/actors", {}, 10),
        ("/api/intensity", {"dyad": "PER,RUS", "by": "decade"}, 5),
        ("/api/periods", {"dyad": "PER,RUS"}, 2),
        ("/api/conflicts", {}, 0),
        ("/api/errors", {}, 0),
    ],
)
def test_every_list_is_paged_with_a_total(client: TestClient, path: str, params: dict, at_least: int) -> None:
    body = client.get(path, params={**params, "limit": 2, "offset": 0}).json()
    assert set(body) == {"total", "limit", "offset", "items"}
    assert body["total"] >= at_least
    assert len(body["items"]) == min(2, body["total"])


def test_pages_of_events_add_up_to_the_whole_list(client: TestClient) -> None:
    everything = [e["id"] for e in items(client, "/api/events")]
    pages = []
    for offset in range(0, len(everything), 4):
        body = client.get("/api/events", params={"limit": 4, "offset": offset}).json()
        assert body["total"] == len(everything) and body["offset"] == offset
        pages += [e["id"] for e in body["items"]]
    assert pages == everything
    assert client.get("/api/events", params={"offset": 10_000}).json()["items"] == []


def test_type_filter_takes_repeated_and_comma_joined_values(client: TestClient) -> None:
    agreements = items(client, "/api/events", type="agreement")
    assert agreements and {e["type"] for e in agreements} == {"agreement"}
    both = items(client, "/api/events", type="agreement,visit")
    repeated = client.get("/api/events?type=agreement&type=visit&limit=1000").json()["items"]
    assert {e["type"] for e in both} == {"agreement", "visit"} and both == repeated


def test_date_range_keeps_only_events_inside_it(client: TestClient) -> None:
    rows = items(client, "/api/events", **{"from": "2008", "to": "2008-12"})
    lo, hi = dt.date(2008, 1, 1), dt.date(2008, 12, 31)
    assert rows and all(parse_edtf(e["date"]).start <= hi and parse_edtf(e["date"]).end >= lo for e in rows)
    assert "2008-11-24" in {e["date"] for e in rows} and "2015-11" not in {e["date"] for e in rows}


def test_min_sources_finds_the_2015_declaration_only(declaration: dict) -> None:
    assert declaration["type"] == "agreement" and declaration["date"] == "2015-11"
    assert {s["doc"] for s in declaration["sources"]} == DECLARATION_DOCS


def test_dyad_and_dimension_filters(client: TestClient) -> None:
    pair = items(client, "/api/events", dyad="rus,per")
    assert pair and all(sorted(e["participants"]) == ["PER", "RUS"] for e in pair)
    assert len(pair) < len(items(client, "/api/events"))  # other pairs (RUS–VEN, ...) are left out
    military = items(client, "/api/events", dimension="military")
    assert military and {e["dimension"] for e in military} == {"military"}
    assert len(items(client, "/api/events", undated="true")) > len(items(client, "/api/events"))


def test_one_event_with_all_its_sources(client: TestClient, declaration: dict) -> None:
    body = client.get(f"/api/events/{declaration['id']}").json()
    assert body["id"] == declaration["id"] and len(body["sources"]) == 2
    assert body["conflicts"] == []


def test_document_text_comes_with_its_facts(client: TestClient, declaration: dict) -> None:
    body = client.get("/api/documents/002").json()  # a unique prefix of the file name
    assert body["name"] == "002_104a4800072aadd7.txt" and "raw_text" not in body
    assert (
        body["sentences"][0]["text"]
        == body["text"][body["sentences"][0]["start"] : body["sentences"][0]["end"]]
    )
    assert declaration["id"] in {e["id"] for e in body["facts"]["events"]}
    assert body["facts"]["time_expressions"] and body["facts"]["mentions"]
    assert "raw_text" in client.get(f"/api/documents/{body['id']}", params={"raw": "true"}).json()


def test_figures_are_marked_when_in_conflict(client: TestClient) -> None:
    rows = items(client, "/api/figures", dyad="PER,RUS", kind="export")
    assert rows and {f["kind"] for f in rows} == {"export"}
    assert all(f["in_conflict"] is False for f in rows)  # the seed sources do not contradict each other
    assert {135_000_000, 230_000_000} <= {f["value"] for f in rows}


def test_ask_answers_with_citations(client: TestClient) -> None:
    body = client.get("/api/ask", params={"q": QUESTION}).json()
    assert body["found"] is True and "2015" in body["answer"]
    assert DECLARATION_DOCS & {c["doc"] for c in body["citations"]}
    assert {"doc", "text", "start", "end", "score"} <= set(body["citations"][0])


def test_export_downloads_the_contract(client: TestClient) -> None:
    response = client.get("/api/export")
    assert "attachment" in response.headers["content-disposition"]
    data = response.json()
    assert {"documents", "events", "figures", "time_expressions"} <= set(data)
    csv = client.get("/api/export", params={"format": "csv"})
    assert csv.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(csv.content)).namelist()
    assert names == ["events.csv", "figures.csv", "sources.csv", "actors.csv", "documents.csv"]


def test_stats_name_the_pairs(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["counts"]["documents"] == 5
    assert body["pairs"][0]["dyad"] == "PER,RUS"


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/documents/no-such-doc", 404, "no document 'no-such-doc'"),
        ("/api/events/no-such-event", 404, "no event 'no-such-event'"),
        ("/api/nowhere", 404, "no such page"),
        ("/api/events?from=2015-13", 400, "cannot read date '2015-13'"),
        ("/api/timeline?to=soon", 400, "cannot read date 'soon'"),
        ("/api/events?dyad=PERU", 400, "give two different countries"),
        ("/api/figures?dyad=PER,RUS,CHL", 400, "give two different countries"),
        ("/api/events?type=invasion", 400, "unknown event type 'invasion'"),
        ("/api/events?dimension=cultural", 400, "unknown dimension 'cultural'"),
        ("/api/figures?kind=gdp", 400, "unknown figure kind 'gdp'"),
        ("/api/intensity?by=century", 400, "use 'year' or 'decade'"),
        ("/api/series?kind=gdp", 400, "unknown figure kind 'gdp'"),
        ("/api/events?limit=5000", 400, "limit"),
        ("/api/events?offset=-1", 400, "offset"),
        ("/api/events?min_sources=two", 400, "min_sources"),
        ("/api/ask", 400, "q: Field required"),
        ("/api/export?format=xml", 400, "unknown export format 'xml'"),
    ],
)
def test_errors_are_json_with_a_clear_message(client: TestClient, path: str, status: int, words: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert words in response.json()["error"]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_read_only_routes_refuse_writes(client: TestClient, method: str) -> None:
    response = client.request(method.upper(), "/api/events")
    assert response.status_code == 405 and "error" in response.json()


def test_get_answers_one_request_without_a_server(seed_url: str) -> None:
    status, body = get(seed_url, "/api/events?dyad=PER,RUS&min_sources=2")
    assert status == 200 and json.loads(body)["total"] == 1
    status, body = get(seed_url, "/api/events/nope")
    assert status == 404 and json.loads(body) == {"error": "no event 'nope'; list them at /api/events"}


# -- the pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?dyad=RUS,VEN",
        "/timeline",
        "/timeline?type=agreement&from=2000&min_sources=1&undated=true",
        "/figures",
        "/figures?dyad=all&kind=export",
        "/documents",
        "/documents/003",
        "/actors",
        "/ask",
        f"/ask?q={QUESTION}",
        "/docs",
    ],
)
def test_pages_render(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_overview_charts_use_the_bundled_plotly(client: TestClient) -> None:
    html = client.get("/").text
    assert 'id="chart-intensity"' in html and 'id="chart-trade"' in html
    assert '<script src="/static/plotly.min.js">' in html
    assert not re.search(r"<script[^>]+src=\"https?:", html)  # no CDN
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and len(js.content) == plotly_js_path().stat().st_size
    assert 'href="/api/export?format=json"' in html


def test_timeline_page_filters(client: TestClient) -> None:
    html = client.get("/timeline", params={"type": "visit"}).text
    types = re.findall(r'<tr class="event" data-type="([a-z_]+)"', html)
    assert types and set(types) == {"visit"}


def test_event_page_highlights_each_source_in_its_document(client: TestClient, declaration: dict) -> None:
    html = client.get(f"/events/{declaration['id']}").text
    marks = re.findall(r'<mark id="d(\d)-0">(.*?)</mark>', html, flags=re.S)
    assert [m[0] for m in marks] == ["0", "1"]
    assert "Joint Declaration of Strategic Partnership signed in November 2015" in marks[0][1]
    assert "sign a Joint Declaration on Strategic Partnership" in marks[1][1]


def test_document_page_marks_a_cited_passage(client: TestClient) -> None:
    citation = client.get("/api/ask", params={"q": QUESTION}).json()["citations"][0]
    doc_id = client.get(f"/api/documents/{citation['doc']}").json()["id"]
    html = client.get(
        f"/documents/{doc_id}", params={"start": citation["start"], "end": citation["end"]}
    ).text
    assert re.findall(r'<mark id="mark-0">(.*?)</mark>', html, flags=re.S) == [citation["text"]]


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/events/nope", 404, "no event"),
        ("/documents/nope", 404, "no document"),
        ("/timeline?from=someday", 400, "cannot read date"),
        ("/nowhere", 404, "no such page"),
        ("/upload", 404, "uploads are off"),
    ],
)
def test_page_errors_are_pages(client: TestClient, path: str, status: int, words: str) -> None:
    response = client.get(path)
    assert response.status_code == status and response.headers["content-type"].startswith("text/html")
    assert words in response.text


# -- escaping ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def evil(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("evil")
    (folder / "evil_note.txt").write_text(EVIL, encoding="utf-8")
    url = f"sqlite:///{folder / 'evil.db'}"
    with Store(url) as store:
        assert ingest(store, [folder / "evil_note.txt"]).ok
    with TestClient(create_app(url)) as c:
        yield c


def test_document_markup_is_shown_as_text_on_every_page(evil: TestClient) -> None:
    doc_id = evil.get("/api/documents").json()["items"][0]["id"]
    event_id = evil.get("/api/events").json()["items"][0]["id"]
    for path in (
        "/",
        "/documents",
        f"/documents/{doc_id}",
        f"/documents/{doc_id}?start=0&end=90",
        "/timeline?dyad=all",
        f"/events/{event_id}",
        "/figures?dyad=all",
        "/ask?q=fisheries accord",
    ):
        html = evil.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path
    document = evil.get(f"/documents/{doc_id}").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in document


def test_highlight_escapes_text_inside_and_outside_marks() -> None:
    html = highlight("a <b> c <i>", [(2, 5), (4, 9), (20, 30)])
    assert str(html) == 'a <mark id="mark-0">&lt;b&gt; c &lt;</mark>i&gt;'
    assert merge_spans([(5, 9), (0, 2), (2, 3), (8, 8)], 7) == [(0, 3), (5, 7)]


# -- uploads -------------------------------------------------------------------------------------------


@pytest.fixture
def upload_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'upload.db'}"


def _files() -> list[tuple[str, tuple[str, bytes, str]]]:
    return [
        (
            "files",
            ("note.txt", b"Peru and Russia signed a trade agreement on 5 May 2021 in Lima.\n", "text/plain"),
        ),
        ("files", ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "application/pdf")),
    ]


def test_upload_is_forbidden_when_the_server_is_read_only(upload_url: str) -> None:
    with TestClient(create_app(upload_url)) as c:
        response = c.post("/api/ingest", files=_files(), headers={"Authorization": "Bearer secret"})
    assert response.status_code == 403 and "read-only" in response.json()["error"]


@pytest.mark.parametrize(
    ("headers", "status", "words"),
    [
        ({}, 401, "Authorization: Bearer"),
        ({"Authorization": "Bearer wrong"}, 403, "wrong token"),
        ({"Authorization": "Basic secret"}, 401, "Bearer"),
    ],
)
def test_upload_needs_the_right_token(upload_url: str, headers: dict, status: int, words: str) -> None:
    with TestClient(create_app(upload_url, allow_ingest=True, token="secret")) as c:
        response = c.post("/api/ingest", files=_files(), headers=headers)
        assert response.status_code == status and words in response.json()["error"]
        assert c.get("/api/documents").json()["total"] == 0


def test_upload_with_the_token_ingests_and_lists_bad_files(upload_url: str) -> None:
    with TestClient(create_app(upload_url, allow_ingest=True, token="secret")) as c:
        assert "/api/ingest" in c.get("/openapi.json").json()["paths"]
        response = c.post("/api/ingest", files=_files(), headers={"Authorization": "Bearer secret"})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["added"] == ["note.txt"] and body["ok"] is False
        assert [f["file"] for f in body["failed"]] == ["broken.pdf"]
        assert "broken.pdf" in body["failed"][0]["reason"]
        assert [d["name"] for d in c.get("/api/documents").json()["items"]] == ["note.txt"]
        again = c.post("/api/ingest", files=_files()[:1], headers={"Authorization": "Bearer secret"}).json()
        assert again["unchanged"] == ["note.txt"] and again["ok"] is True
        assert c.get("/upload").status_code == 200


def test_upload_of_damaged_utf8_is_stored_with_a_warning(upload_url: str) -> None:
    damaged = "Perú y Rusia firmaron un acuerdo en Lima en 2008.".encode().replace(b"Lima", b"L\x9dma")
    with TestClient(create_app(upload_url, allow_ingest=True, token="secret")) as c:
        files = [("files", ("nota.txt", damaged, "text/plain"))]
        body = c.post("/api/ingest", files=files, headers={"Authorization": "Bearer secret"}).json()
        assert body["ok"] is True and body["added"] == ["nota.txt"]
        assert [w["file"] for w in body["warnings"]] == ["nota.txt"] and "U+FFFD" in body["warnings"][0][
            "reason"
        ]
        page = c.get("/documents").text
        assert "read with a doubt" in page and "<td>warning</td>" in page


def test_upload_over_the_size_limit_is_refused(upload_url: str) -> None:
    with TestClient(create_app(upload_url, allow_ingest=True, token="secret", max_bytes=1000)) as c:
        big = [("files", ("big.txt", b"Peru and Russia. " * 200, "text/plain"))]
        response = c.post("/api/ingest", files=big, headers={"Authorization": "Bearer secret"})
        assert response.status_code == 413 and "over the limit of 1,000 bytes" in response.json()["error"]
        assert c.get("/api/documents").json()["total"] == 0


def test_upload_file_names_cannot_leave_the_upload_folder(upload_url: str) -> None:
    files = [
        ("files", ("../../etc/../evil name.txt", b"Peru and Russia met in Lima in 2019.\n", "text/plain"))
    ]
    with TestClient(create_app(upload_url, allow_ingest=True, token="secret")) as c:
        body = c.post("/api/ingest", files=files, headers={"Authorization": "Bearer secret"}).json()
    assert body["added"] == ["evil name.txt"]


def test_allow_ingest_without_a_token_is_an_error(upload_url: str) -> None:
    with pytest.raises(DyadError, match="--token"):
        create_app(upload_url, allow_ingest=True)
