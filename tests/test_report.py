"""The HTML and Markdown reports: sections, charts inlined offline, citations, escaping, empty stores."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import plotly.offline
import pytest

from dyad.pipeline import ingest
from dyad.report import ReportError, build_report, write_report
from dyad.report.context import format_value
from dyad.report.render import md_escape
from dyad.store import Store

SECTIONS = [
    "Summary",
    "Intensity by dimension",
    "Trade figures",
    "All figures",
    "Timeline",
    "Conflicts between sources",
    "Sources",
]


def _store_of(folder: Path, files: dict[str, str]) -> Store:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = Store(f"sqlite:///{folder / 'store.db'}")
    report = ingest(store, [str(folder / name) for name in files])
    assert report.ok, report.failed
    return store


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path_factory.mktemp('report') / 'seeds.db'}") as store:
        assert ingest(store, [seeds_dir]).ok
        yield store


@pytest.fixture(scope="module")
def html(seeded: Store) -> str:
    return build_report(seeded)


@pytest.fixture(scope="module")
def tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html)


@pytest.fixture(scope="module")
def markdown(seeded: Store) -> str:
    return build_report(seeded, fmt="md")


def _sources(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Source number → file name, from the sources list."""
    out = {}
    for li in tree.xpath("//section[@id='sources']//li"):
        name = re.search(r"file (\S+)", li.text_content())
        assert name, li.text_content()
        out[li.get("id").removeprefix("source-")] = name.group(1)
    return out


def test_html_has_both_charts_drawn_by_inlined_plotly(html: str, tree: lxml.html.HtmlElement) -> None:
    for div_id in ("chart-intensity", "chart-trade"):
        (div,) = tree.xpath(f"//div[@id='{div_id}']")
        assert "plotly-graph-div" in div.get("class")
        assert re.search(r'Plotly\.newPlot\(\s*"' + div_id + '"', html)
    assert plotly.offline.get_plotlyjs() in html
    assert not tree.xpath("//script[@src]"), "the report must not load any script from elsewhere"
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?https?:", html)


def test_summary_names_the_pair_documents_span_and_periods(tree: lxml.html.HtmlElement) -> None:
    summary = tree.xpath("//section[@id='summary']")[0].text_content()
    assert "Peru" in summary and "Russia" in summary and "PER–RUS" in summary
    assert re.search(r"5\s*documents: 2 news, 1 blog, 1 paper, 1 record", summary)
    assert "1863–2015" in summary
    periods = tree.xpath("//table[@class='periods']/tbody/tr")
    assert len(periods) >= 2
    assert {row.xpath("td")[2].text_content() for row in periods} == {"high", "low", "no data"}
    # the seeds hold no conflict events, so every phase is one of cooperation
    assert {row.xpath("td")[0].text_content() for row in periods} == {"cooperation"}
    assert "Joint Declaration of Strategic Partnership" in summary  # a defining event of the last phase


def test_timeline_row_of_the_2015_declaration_cites_both_sources(tree: lxml.html.HtmlElement) -> None:
    rows = [
        row
        for row in tree.xpath("//section[@id='timeline']//table[@class='timeline']//tr[@class='event']")
        if "Joint Declaration" in row.text_content()
        and row.xpath("td")[0].text_content().startswith("2015-11")
        and row.xpath("td")[1].text_content().strip() == "agreement"
    ]
    assert len(rows) == 1
    cells = rows[0].xpath("td")
    assert "explicit" in cells[0].text_content()
    assert cells[2].text_content() == "Peru, Russia"
    assert cells[4].text_content() == "2 sources, 2 independent"
    numbers = {a.get("href").removeprefix("#source-") for a in cells[5].xpath(".//a[@class='ref']")}
    cited = {_sources(tree)[n][:3] for n in numbers}
    assert cited == {"002", "003"}
    quotes = [q.text_content() for q in cells[5].xpath(".//q")]
    assert any("signed in November 2015" in q for q in quotes)
    assert any("sign a Joint Declaration on Strategic Partnership" in q for q in quotes)


def test_sources_list_has_the_five_documents_with_dates(seeded: Store, tree: lxml.html.HtmlElement) -> None:
    items = tree.xpath("//section[@id='sources']//li")
    assert len(items) == 5
    assert sorted(_sources(tree).values()) == sorted(d["name"] for d in seeded.documents())
    text = " ".join(li.text_content() for li in items)
    assert (
        "2024-09-11" in text
        and "undated (estimated 2019)" in text
        and "Sebastien Adins, Mildred Rooney" in text
    )
    assert "Latin Correspondent" in text and "paper" in text


def test_only_the_pair_is_reported_and_other_pairs_are_named(tree: lxml.html.HtmlElement) -> None:
    timeline = tree.xpath("//section[@id='timeline']")[0].text_content()
    assert "Argentina" not in timeline and "Vaca Muerta" not in timeline
    assert "ARG–RUS" in tree.xpath("//section[@id='summary']")[0].text_content()


def test_trade_figures_show_directions_and_qualifiers(html: str, tree: lxml.html.HtmlElement) -> None:
    assert "Exports Peru to Russia" in html and "Imports Peru from Russia" in html
    assert "\\u003e $230M" in html  # the chart's label for "more than 230 million" (JSON-escaped ">")
    figures = tree.xpath("//section[@id='figures']")[0].text_content()
    assert "more than 230 million USD" in figures and "less than 3 million USD" in figures


def test_markdown_has_the_same_sections_and_the_charts_as_numbers(
    markdown: str, tree: lxml.html.HtmlElement
) -> None:
    md_sections = re.findall(r"^## (.+)$", markdown, flags=re.M)
    assert md_sections == SECTIONS
    assert [h.text_content() for h in tree.xpath("//h2")] == SECTIONS
    assert "| 2010s |" in markdown and "| Decade | Total | Political |" in markdown
    assert "| 2018 | Exports | Peru to Russia | 135 million USD | exact | 135.0 |" in markdown
    (row,) = [line for line in markdown.splitlines() if line.startswith("| 2015-11 |") and "Joint" in line]
    assert "[3] “Finally" in row and "[4] “Yesterday" in row
    assert markdown.count("\n[") >= 5 and "undated (estimated 2019)" in markdown
    assert "<script" not in markdown


def test_a_hostile_document_is_shown_as_text(tmp_path: Path) -> None:
    store = _store_of(
        tmp_path / "hostile",
        {
            # the markup is in the body's sentence (the headline restating it gives no event of its own)
            "evil.txt": "<script>alert(1)</script> Peru and Russia sign a treaty\n\n"
            "Lima, 12 March 2010 - Peru and Russia <script>alert(1)</script> signed a cooperation agreement "
            "on 11 March 2010 <img src=x onerror=alert(1)> in Lima, officials said.\n"
        },
    )
    html = build_report(store)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    tree = lxml.html.fromstring(html)
    assert not tree.xpath("//img") and not tree.xpath("//*[@onerror]")
    scripts = [s.text_content() for s in tree.xpath("//script")]
    assert all(s.lstrip().startswith(("/**", "window.PLOTLYENV")) for s in scripts), [s[:60] for s in scripts]
    assert "No figures to chart" in tree.xpath("//div[@id='chart-trade']")[0].text_content()
    markdown = build_report(store, fmt="md")
    assert not re.search(r"(?<!\\)<(script|img)", markdown)
    assert r"\<img src=x onerror=alert(1)\>" in markdown


def test_conflicts_show_both_sides_with_their_sources(tmp_path: Path) -> None:
    store = _store_of(
        tmp_path / "conflict",
        {
            "a.txt": "Peru and Russia trade grows\n\nLima, 3 March 2019 - Peru's exports to Russia reached "
            "$135 million in 2018, officials said.\n",
            "b.txt": "Peruvian trade with Russia\n\nMoscow, 5 May 2019 - Peru's exports to Russia reached "
            "$400 million in 2018, the ministry said.\n",
        },
    )
    tree = lxml.html.fromstring(build_report(store))
    (conflict,) = tree.xpath("//section[@id='conflicts']//div[@class='conflict']")
    sides = conflict.xpath("./ul/li")
    assert "Exports, Peru to Russia, 2018" in conflict.text_content()
    claims = {
        side.text_content().split("[")[0].strip(): side.xpath(".//a[@class='ref']")[0].get("href")
        for side in sides
    }
    assert claims == {"135 million USD": "#source-1", "400 million USD": "#source-2"}
    chart = tree.xpath("//div[@id='chart-trade']/following-sibling::script")[0].text_content()
    assert "conflicting report 2" in chart  # both values drawn side by side, not stacked
    assert "Different values for one figure" in build_report(store, fmt="md")


def test_an_empty_store_gives_a_report_that_says_there_is_nothing_yet(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'empty.db'}") as store:
        html = build_report(store)
        markdown = build_report(store, fmt="md")
    tree = lxml.html.fromstring(html)
    assert "nothing in this store yet" in tree.xpath("//section[@id='summary']")[0].text_content()
    for div_id in ("chart-intensity", "chart-trade"):
        assert "No figures to chart" in tree.xpath(f"//div[@id='{div_id}']")[0].text_content()
    assert not tree.xpath("//script") and len(html) < 100_000
    assert [h.text_content() for h in tree.xpath("//h2")] == SECTIONS
    assert re.findall(r"^## (.+)$", markdown, flags=re.M) == SECTIONS
    assert "nothing in this store yet" in markdown and "No documents yet." in markdown


def test_any_pair_can_be_asked_for(seeded: Store) -> None:
    tree = lxml.html.fromstring(build_report(seeded, dyad=("RUS", "ARG")))
    assert tree.xpath("//h1")[0].text_content() == "Argentina – Russia: relationship report"
    rows = tree.xpath("//table[@class='timeline']//tr[@class='event']")
    assert rows and all(row.xpath("td")[2].text_content() == "Argentina, Russia" for row in rows)
    assert any("Vaca Muerta" in row.text_content() for row in rows)
    assert "No figures to chart" in tree.xpath("//div[@id='chart-trade']")[0].text_content()


def test_write_report_takes_the_format_from_the_suffix(seeded: Store, tmp_path: Path) -> None:
    assert write_report(seeded, tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Peru – Russia")
    assert "<!DOCTYPE html>" in write_report(seeded, tmp_path / "out" / "r.html").read_text(encoding="utf-8")
    with pytest.raises(ReportError, match=r"r\.txt: name it \.html or \.md"):
        write_report(seeded, tmp_path / "r.txt")
    with pytest.raises(ReportError, match="unknown report format 'pdf'"):
        build_report(seeded, fmt="pdf")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peru and Russia", "Peru and Russia"),
        ("a | b", r"a \| b"),
        ("<b>x</b>", r"\<b\>x\</b\>"),
        ("*bold* _it_ [link](x)", r"\*bold\* \_it\_ \[link\](x)"),
        ("line\nbreak", "line break"),
        (None, ""),
    ],
)
def test_md_escape(text: str | None, expected: str) -> None:
    assert md_escape(text) == expected


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "short", "expected"),
    [
        (135000000, "USD", "exact", False, "135 million USD"),
        (4400000000, "USD", "about", False, "about 4.4 billion USD"),
        (8199999999.999999, "USD", "exact", False, "8.2 billion USD"),
        (16e9, "EUR", "exact", False, "16 billion EUR"),
        (230000000, "USD", "more_than", True, "> $230M"),
        (9.4, "percent", "exact", False, "9.4%"),
        (7, "factor", "exact", False, "×7"),
        (31, "rank", "exact", False, "rank 31"),
    ],
)
def test_format_value(value: float, unit: str, qualifier: str, short: bool, expected: str) -> None:
    assert format_value(value, unit, qualifier, short=short) == expected
