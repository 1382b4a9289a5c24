"""The dashboard in a real browser: uvicorn on a free localhost port, headless Chromium (Debian package)
driven by PyPI playwright (never `playwright install`).

Skipped when /usr/bin/chromium or playwright is missing; CI installs both. Screenshots land in
artifacts/serve-*.png (git-ignored) for a human to look at.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from browser import ARGS, ARTIFACTS, CHROMIUM
from dyad.pipeline import ingest
from dyad.store import Store

QUESTION = "When was the Joint Declaration of Strategic Partnership signed?"
EVIL = (
    "Peru and Russia sign a fisheries accord <script>window.__pwned = 1; alert(1)</script>\n\n"
    "Lima, 3 March 2020. Peru and Russia signed an agreement on fisheries cooperation on 3 March 2020 "
    "<script>window.__pwned = 1; alert(1)</script> in Lima.\n"
    'The ministers also discussed trade <img src=x onerror="window.__pwned = 2; alert(2)"> and students.\n'
)

if not CHROMIUM.exists():
    pytest.skip(
        f"browser test needs Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="browser test needs PyPI playwright (the [test] extra)"
)
pytest.importorskip("fastapi", reason="dyad serve needs fastapi (install the serve dependencies)")
uvicorn = pytest.importorskip("uvicorn", reason="dyad serve needs uvicorn (install the serve dependencies)")
from dyad.serve import create_app  # noqa: E402


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[str]:
    """The seeds plus a document full of markup, served by uvicorn from a background thread."""
    folder = tmp_path_factory.mktemp("serve-browser")
    (folder / "evil_note.txt").write_text(EVIL, encoding="utf-8")
    url = f"sqlite:///{folder / 'seeds.db'}"
    with Store(url) as store:
        assert ingest(store, [seeds_dir, folder / "evil_note.txt"]).ok
    with _serving(create_app(url)) as address:
        yield address


@contextmanager
def _serving(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn from a background thread on a free localhost port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page with the console errors, dialogs and requests it produced."""

    def __init__(self, page: Any) -> None:
        self.page, self.errors, self.dialogs, self.requests = page, [], [], []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


def open_page(browser: Any, width: int = 1366, height: int = 768) -> Watched:
    return Watched(browser.new_page(viewport={"width": width, "height": height}))


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = open_page(browser)
    yield w
    w.page.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"serve-{name}.png"), full_page=True)


def wait_for_charts(page: Any) -> None:
    for div in ("chart-intensity", "chart-trade"):
        page.wait_for_selector(f"#{div} svg.main-svg", timeout=20_000)


def test_overview_draws_both_charts_offline(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/", wait_until="load")
    wait_for_charts(page)
    assert page.locator("h1").inner_text() == "Peru – Russia"
    for div in ("chart-intensity", "chart-trade"):
        box = page.locator(f"#{div} svg.main-svg").first.bounding_box()
        assert box and box["width"] > 600 and box["height"] > 300
        assert page.locator(f"#{div} .trace").count() >= 3
    assert page.locator("#periods tbody tr").count() >= 2
    assert watched.errors == []
    assert [u for u in watched.requests if not u.startswith(base_url)] == []  # no CDN, nothing external
    shot(page, "overview")


def test_timeline_filters_by_type_and_date(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/timeline")
    everything = page.locator("tr.event").count()
    page.select_option("select[name=type]", "agreement")
    page.fill("input[name=from]", "2005")
    with page.expect_navigation():
        page.click("#filters button[type=submit]")
    rows = page.locator("tr.event")
    types = {rows.nth(i).get_attribute("data-type") for i in range(rows.count())}
    assert types == {"agreement"} and 0 < rows.count() < everything
    dates = page.locator("tr.event td.date").all_inner_texts()
    assert any(d.startswith("2015-11") for d in dates) and not any(d.startswith("2004") for d in dates)
    assert "type=agreement" in page.url and "from=2005" in page.url
    shot(page, "timeline")


def test_the_2015_declaration_shows_both_sources_highlighted(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/timeline?dyad=PER,RUS&min_sources=2")
    assert page.locator("tr.event").count() == 1
    with page.expect_navigation():
        page.locator("tr.event a").first.click()
    assert page.locator("h1").inner_text() == "Agreement, 2015-11"
    marks = page.locator("section.source .doctext mark")
    assert marks.count() == 2
    assert "Joint Declaration of Strategic Partnership signed in November 2015" in marks.nth(0).inner_text()
    assert "sign a Joint Declaration on Strategic Partnership" in marks.nth(1).inner_text()
    for i in range(2):  # each document view is scrolled to its source sentence
        box = page.locator("section.source .doctext").nth(i).bounding_box()
        mark = marks.nth(i).bounding_box()
        assert (
            box and mark and box["y"] <= mark["y"] and mark["y"] + mark["height"] <= box["y"] + box["height"]
        )
        assert marks.nth(i).evaluate("m => getComputedStyle(m).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert watched.errors == []
    shot(page, "event")


def test_ask_gives_a_cited_answer(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/ask")
    page.fill("#q", QUESTION)
    with page.expect_navigation():
        page.press("#q", "Enter")
    answer = page.locator("#answer .answer-text").inner_text()
    assert "November 2015" in answer
    cited = page.locator("ol.citations li a").all_inner_texts()
    assert {"002_104a4800072aadd7.txt", "003_1fdc36ad657d76f1.txt"} <= set(cited)
    shot(page, "ask")
    with page.expect_navigation():
        page.locator("ol.citations li a").first.click()
    assert "Joint Declaration" in page.locator("mark#mark-0").inner_text()


@pytest.mark.parametrize("where", ["document", "event", "timeline"])
def test_a_document_with_markup_shows_it_as_text_and_runs_nothing(
    watched: Watched, base_url: str, where: str
) -> None:
    page = watched.page
    page.goto(f"{base_url}/documents?dyad=all")
    with page.expect_navigation():
        page.get_by_role("link", name="Peru and Russia sign a fisheries accord").click()
    if where == "event":
        with page.expect_navigation():
            page.locator(".facts-col a").first.click()
    elif where == "timeline":
        page.goto(f"{base_url}/timeline?dyad=PER,RUS&from=2020")
        page.locator("main details summary").first.click()  # the source sentence, one click away
    main = page.locator("main")
    assert "<script>window.__pwned = 1; alert(1)</script>" in main.inner_text()
    assert main.locator("script").count() == 0 and main.locator("img").count() == 0
    if where == "document":
        assert '<img src=x onerror="window.__pwned = 2; alert(2)">' in main.inner_text()
    assert page.evaluate("window.__pwned === undefined")
    assert watched.dialogs == []
    if where == "document":
        shot(page, "escaped-document")


def test_phone_width_overview_shows_charts_without_horizontal_scroll(browser: Any, base_url: str) -> None:
    w = open_page(browser, 390, 844)
    page = w.page
    page.goto(f"{base_url}/", wait_until="load")
    wait_for_charts(page)
    for div in ("chart-intensity", "chart-trade"):
        box = page.locator(f"#{div} svg.main-svg").first.bounding_box()
        assert box and 300 <= box["width"] <= 390 and box["height"] > 250
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert w.errors == []
    shot(page, "overview-phone")
    page.goto(f"{base_url}/timeline")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    shot(page, "timeline-phone")
    page.close()


def test_an_upload_from_the_page_sends_the_token_and_shows_the_result(browser: Any, tmp_path: Path) -> None:
    """upload.js (the page's only script, allowed by the CSP) posts the files with the bearer token."""
    note = tmp_path / "note.txt"
    note.write_text("Peru and Russia signed a trade agreement in Lima on 5 May 2021.\n", encoding="utf-8")
    app = create_app(f"sqlite:///{tmp_path / 'up.db'}", allow_ingest=True, token="page-token")
    with _serving(app) as address:
        w = open_page(browser)
        w.page.goto(f"{address}/upload")
        w.page.set_input_files("#files", str(note))
        w.page.fill("#token", "page-token")
        w.page.click("#upload button[type=submit]")
        w.page.wait_for_selector("#upload-result:has-text('added')", timeout=60_000)
        result = w.page.locator("#upload-result").inner_text()
        w.page.close()
    assert '"added": [\n    "note.txt"' in result and w.errors == []
