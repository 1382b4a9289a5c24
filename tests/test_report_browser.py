"""The HTML report in a real browser: headless Chromium (Debian package) driven by PyPI playwright.

Skipped when /usr/bin/chromium or playwright is missing (a laptop without them); CI installs both. The
screenshot lands in artifacts/report.png (git-ignored) for a human to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import ARGS, ARTIFACTS, CHROMIUM
from dyad.pipeline import ingest
from dyad.report import write_report
from dyad.store import Store

if not CHROMIUM.exists():
    pytest.skip(
        f"browser test needs Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="browser test needs PyPI playwright (the [test] extra)"
)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[dict[str, Any]]:
    """The seed report opened in Chromium, charts drawn; with the console messages and requests seen."""
    folder = tmp_path_factory.mktemp("browser")
    with Store(f"sqlite:///{folder / 'seeds.db'}") as store:
        assert ingest(store, [seeds_dir]).ok
        path = write_report(store, folder / "report.html")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        console: list[str] = []
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.resolve().as_uri(), wait_until="load")
        for div_id in ("chart-intensity", "chart-trade"):
            page.wait_for_selector(f"#{div_id} .main-svg", timeout=15_000)
        yield {"page": page, "console": console, "requests": requests}
        browser.close()


def test_page_loads_offline_with_no_console_errors(loaded: dict[str, Any]) -> None:
    assert loaded["console"] == []
    assert [url for url in loaded["requests"] if not url.startswith("file:")] == []


@pytest.mark.parametrize("div_id", ["chart-intensity", "chart-trade"])
def test_each_chart_is_a_rendered_plotly_svg(loaded: dict[str, Any], div_id: str) -> None:
    page = loaded["page"]
    svg = page.locator(f"#{div_id} .main-svg").first
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box and box["width"] > 600 and box["height"] > 300
    assert page.locator(f"#{div_id} .trace").count() >= 3  # bars (and the yearly line) were drawn


def test_timeline_and_sources_are_visible(loaded: dict[str, Any]) -> None:
    page = loaded["page"]
    rows = page.locator("#timeline table.timeline tr.event")
    assert rows.count() >= 15
    declaration = rows.filter(has_text="Joint Declaration of Strategic Partnership signed in November 2015")
    declaration.first.scroll_into_view_if_needed()
    assert declaration.first.is_visible()
    sources = page.locator("#sources li")
    assert sources.count() == 5
    sources.last.scroll_into_view_if_needed()
    assert all(sources.nth(i).is_visible() for i in range(5))


def test_screenshot_for_review(loaded: dict[str, Any]) -> None:
    page = loaded["page"]
    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000


def test_a_citation_link_leads_to_its_source(loaded: dict[str, Any]) -> None:
    page = loaded["page"]
    link = page.locator("#timeline a.ref").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(f"{target}").is_visible()
