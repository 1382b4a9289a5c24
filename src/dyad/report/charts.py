"""Plotly charts for the HTML report: intensity by dimension over time, and trade figures.

Each chart is a ``<div>`` with a fixed id and a script that draws into it; the Plotly library itself is
inlined once by the template (``plotly_js``), never loaded from a CDN, so the report works offline and
can be sent as one file. Labels come from data; Plotly's JSON encoder escapes ``<`` and ``/``, so no
text can close the script.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from functools import lru_cache
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
import plotly.offline

from dyad.models import DIMENSIONS
from dyad.report.context import ReportData, chart_trade

LOGGER = logging.getLogger(__name__)

DIMENSION_COLOURS = {
    "political": "#4269d0",
    "economic": "#efb118",
    "military": "#ff725c",
    "science_education_culture": "#6cc5b0",
    "multilateral": "#a463f2",
}
DIMENSION_LABELS = {d: d.replace("_", ", ", 1).replace("_", " and ") for d in DIMENSIONS}
SERIES_COLOURS = ["#4269d0", "#efb118", "#3ca951", "#ff725c", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"]
CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
HEIGHT = 440


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """The bundled plotly.min.js from the installed package (about 4.8 MB)."""
    return plotly.offline.get_plotlyjs()


def _layout(fig: go.Figure, **extra: Any) -> None:
    fig.update_layout(
        template="plotly_white",
        height=HEIGHT,
        margin={"l": 60, "r": 60, "t": 30, "b": 50},
        font={"family": "system-ui, -apple-system, 'Segoe UI', sans-serif", "size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "traceorder": "normal"},
        hovermode="closest",
        **extra,
    )


def to_div(fig: go.Figure, div_id: str) -> str:
    html: str = pio.to_html(
        fig,
        include_plotlyjs=False,
        full_html=False,
        div_id=div_id,
        config=CONFIG,
        default_height=f"{HEIGHT}px",
        default_width="100%",
    )
    return html


def intensity_figure(
    decades: list[dict[str, Any]], years: list[dict[str, Any]], periods: list[dict[str, Any]]
) -> go.Figure:
    """Stacked bars of the index per decade and dimension, the yearly total as a line, high phases shaded."""
    fig = go.Figure()
    centres = [int(r["period"][:-1]) + 5 for r in decades]
    for dim in DIMENSIONS:
        fig.add_bar(
            x=centres,
            y=[r[dim] for r in decades],
            name=DIMENSION_LABELS[dim],
            marker_color=DIMENSION_COLOURS[dim],
            width=9,
            customdata=[r["period"] for r in decades],
            hovertemplate="%{customdata} " + DIMENSION_LABELS[dim] + ": %{y:.2f}<extra></extra>",
        )
    by_year = {int(r["period"]): r["total"] for r in years}
    if by_year:
        span = range(min(by_year), max(by_year) + 1)
        fig.add_scatter(
            x=list(span),
            y=[by_year.get(y, 0.0) for y in span],
            name="yearly total (right axis)",
            mode="lines",
            line={"color": "rgba(30, 30, 30, 0.75)", "width": 1.2},
            yaxis="y2",
            hovertemplate="%{x}: %{y:.2f}<extra>yearly total</extra>",
        )
    conflict = {int(r["period"]): r.get("conflict", 0.0) for r in years}
    if any(conflict.values()):
        span = range(min(conflict), max(conflict) + 1)
        fig.add_scatter(
            x=list(span),
            y=[conflict.get(y, 0.0) for y in span],
            name="yearly conflict (right axis)",
            mode="lines",
            line={"color": "rgba(200, 30, 30, 0.85)", "width": 1.4, "dash": "dot"},
            yaxis="y2",
            hovertemplate="%{x}: %{y:.2f}<extra>yearly conflict</extra>",
        )
    for p in periods:
        if p["level"] == "high":
            lo, _, hi = p["span"].partition("–")
            side = p.get("side", "cooperation")
            fig.add_vrect(
                x0=int(lo) - 0.5,
                x1=int(hi or lo) + 0.5,
                fillcolor="#f4d35e" if side == "cooperation" else "#e07a7a",
                opacity=0.18,
                line_width=0,
                layer="below",
                annotation_text="high cooperation" if side == "cooperation" else "high conflict",
                annotation_position="top left" if side == "cooperation" else "bottom left",
                annotation_font_size=11,
            )
    _layout(
        fig,
        barmode="stack",
        xaxis={"title": "year (bars: decade totals)", "dtick": 10},
        yaxis={"title": "index per decade", "rangemode": "tozero"},
        yaxis2={
            "title": "index per year",
            "overlaying": "y",
            "side": "right",
            "rangemode": "tozero",
            "showgrid": False,
            "tickmode": "auto",
            "nticks": 6,
        },
    )
    return fig


def _trade_series(trade: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """One series per kind and direction; a second value for the same year (a conflict) gets its own
    series, so that both stand side by side instead of stacking."""
    series: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in trade:
        name = f"{f['label']} {f['direction']}"
        key, rank = name, 1
        while any(r["year"] == f["year"] for r in series[key]):
            rank += 1
            key = f"{name} (conflicting report {rank})"
        series[key].append(f)
    return series


def trade_figure(trade: list[dict[str, Any]]) -> go.Figure:
    """Grouped bars of trade figures (USD) by year, a series per kind and direction, qualifiers as labels;
    at most ``CHART_VALUES`` conflicting values of one year side by side."""
    trade = chart_trade(trade)
    years = sorted({f["year"] for f in trade})
    fig = go.Figure()
    for i, (name, rows) in enumerate(sorted(_trade_series(trade).items())):
        fig.add_bar(
            x=[r["year"] for r in rows],
            y=[r["value"] / 1e6 for r in rows],
            name=name,
            marker_color=SERIES_COLOURS[i % len(SERIES_COLOURS)],
            text=[r["short"] for r in rows],
            textposition="outside",
            cliponaxis=False,
            customdata=[r["text"] for r in rows],
            hovertemplate="%{x}: %{customdata}<extra>" + name + "</extra>",
        )
    pad = max(0.0, (4 - len(years)) / 2)  # keep a lone year's bars from filling the whole width
    _layout(
        fig,
        barmode="group",
        showlegend=True,
        xaxis={
            "title": "year",
            "type": "category",
            "categoryorder": "array",
            "categoryarray": years,
            "range": [-0.5 - pad, len(years) - 0.5 + pad],
        },
        yaxis={"title": "million USD", "rangemode": "tozero"},
    )
    return fig


def chart_divs(data: ReportData) -> dict[str, str | None]:
    """{'intensity': div html or None, 'trade': div html or None} for a ``ReportData``."""
    intensity = None
    if data.intensity_decades:
        fig = intensity_figure(data.intensity_decades, data.intensity_years, data.periods)
        intensity = to_div(fig, "chart-intensity")
    trade = to_div(trade_figure(data.trade), "chart-trade") if data.trade else None
    return {"intensity": intensity, "trade": trade}
