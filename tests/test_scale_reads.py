"""Reads whose cost must not grow with the pair's record: a series read one page at a time in SQL, and the
overview's trade chart read as at most a few values per kind, direction and year, on each backend, with
what whole-record resolution gives."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dyad import analyze, query
from dyad.clean import clean_document
from dyad.models import Document, Figure, ProcessedDocument, Source, TimeValue
from dyad.report.context import CHART_VALUES, build_data, build_overview, chart_trade
from dyad.resolve import resolve
from dyad.store import Store
from test_record import assert_same_record


def _plain(items: Any) -> Any:
    return json.loads(json.dumps(items, default=str))


def _report(
    n: int, kind: str, value: float, year: int, sides: tuple[str | None, str | None]
) -> ProcessedDocument:
    """A one-sentence story giving one money figure."""
    text = f"Trade figure {n}: {value / 1e6:.0f} million dollars in {year}."
    doc = clean_document(
        Document(f"f{n}", f"f{n}.txt", f"/tmp/f{n}.txt", "text", "news", authors=[f"Reporter {n}"],
                 publisher=f"Outlet {n}", raw_text=text, size_bytes=len(text))
    )  # fmt: skip
    s = doc.sentences[0]
    span = TimeValue(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    figure = Figure(kind, value, "USD", span, *sides, "exact", Source(doc.name, s.text, s.start, s.end))
    return ProcessedDocument(document=doc, figures=[figure])


def _conflicting_trade(store: Store) -> None:
    """Five conflicting reports of China's exports to India in 2020, four of India's exports to China, three
    totals either way in 2019, and figures the series must keep or leave out (one side unnamed, another
    pair)."""
    n = 0
    for count, kind, sides, year in (
        (5, "export", ("CHN", "IND"), 2020),
        (4, "export", ("IND", "CHN"), 2020),
        (2, "trade_total", ("CHN", "IND"), 2019),
        (2, "trade_total", ("IND", "CHN"), 2019),
        (2, "export", ("CHN", None), 2018),
        (2, "export", ("CHN", "PER"), 2020),
    ):
        for i in range(count):
            n += 1
            store.add(_report(n, kind, (100 + 10 * i) * 1e6, year, sides))


def test_series_pages_are_the_whole_series(store: Store) -> None:
    _conflicting_trade(store)
    pair = ("CHN", "IND")
    whole = analyze.series(resolve(store), kind="export", dyad=pair)
    assert len(whole) == 11  # India's and China's exports and China's to an unnamed partner, not to Peru
    pages = [query.series_page(store, kind="export", dyad=pair, limit=4, offset=k) for k in (0, 4, 8)]
    assert [p.total for p in pages] == [11, 11, 11]
    assert _plain([row for p in pages for row in p.items]) == _plain(whole)
    assert _plain(query.series(store, kind="export")) == _plain(analyze.series(resolve(store), kind="export"))


def test_the_overview_charts_a_few_values_a_year(store: Store) -> None:
    _conflicting_trade(store)
    pair = ("CHN", "IND")
    overview, data = build_overview(store, pair), build_data(resolve(store), pair)
    assert len(data.trade) == 13  # every trade figure between the two, in the report's table
    shown = [{k: v for k, v in f.items() if k != "citations"} for f in overview.trade]
    assert shown == [{k: v for k, v in f.items() if k != "citations"} for f in chart_trade(data.trade)]
    per_year: dict[tuple[str, str, str], int] = {}
    for f in shown:
        key = (f["kind"], f["direction"], f["year"])
        per_year[key] = per_year.get(key, 0) + 1
    # China's five exports and India's four cut to three each; the four totals either way are one series
    assert sorted(per_year.values()) == [CHART_VALUES] * 3


def _quantity(n: int, value: float, qualifier: str, kind: str = "export") -> ProcessedDocument:
    doc = _report(n, kind, value, 2020, ("CHN", "IND"))
    doc.figures[0].qualifier = qualifier
    return doc


def test_a_new_report_of_a_quantity_resolves_what_it_can_reach(store: Store) -> None:
    """Reports of China's 2020 exports to India that agree (within 1%, or qualified ranges that meet: 'about',
    'more than'), chain through each other or conflict, written in a shuffled order and some removed: after
    each write the record is whole-record resolution's, conflicts included (each new report resolves only
    the figures its value reaches and rewrites their conflicts)."""
    values = [
        (100e6, "exact"), (100.5e6, "exact"), (101.2e6, "exact"), (101.9e6, "exact"), (130e6, "exact"),
        (130e6, "exact"), (95e6, "about"), (300e6, "more_than"), (500e6, "exact"), (101.5e6, "exact"),
        (250e6, "less_than"), (131e6, "exact"), (99.9e6, "exact"), (700e6, "exact"), (102.6e6, "exact"),
    ]  # fmt: skip
    order = [9, 3, 0, 14, 7, 1, 12, 5, 10, 2, 13, 6, 11, 4, 8]
    for k, i in enumerate(order):
        store.add(_quantity(i, *values[i]))
        if k % 3 == 2 or k == len(order) - 1:
            assert_same_record(store)
    assert len(resolve(store).conflicts) > 10
    for name in ("f2", "f12", "f7"):
        store.remove(name)
        assert_same_record(store)
