"""The dashboard's charts: the report's Plotly figures, handed to the page as JSON data.

The figures are built by ``dyad.report.charts`` (intensity by dimension, trade figures), so the report and
the dashboard draw the same thing. Instead of inline scripts, each chart is a ``<div data-figure="…">``
whose JSON the page's own ``charts.js`` draws with the Plotly library served from the installed package
(``/static/plotly.min.js``); the JSON sits in an escaped attribute, so no label can become markup, and
the pages can forbid inline scripts altogether (Content-Security-Policy ``script-src 'self'``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import plotly.graph_objects as go

from dyad.report.charts import intensity_figure, trade_figure
from dyad.report.context import Overview, ReportData


@lru_cache(maxsize=1)
def plotly_js_path() -> Path:
    """The ``plotly.min.js`` shipped inside the installed ``plotly`` package."""
    return Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))


def _json(fig: go.Figure) -> str:
    fig.update_layout(autosize=True, width=None)
    text: str = fig.to_json(validate=False)
    return text


def chart_json(data: ReportData | Overview) -> dict[str, str | None]:
    """``{"intensity": figure JSON or None, "trade": figure JSON or None}`` for the overview."""
    intensity = None
    if data.intensity_decades:
        intensity = _json(intensity_figure(data.intensity_decades, data.intensity_years, data.periods))
    trade = _json(trade_figure(data.trade)) if data.trade else None
    return {"intensity": intensity, "trade": trade}
