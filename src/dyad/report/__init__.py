"""Report: a self-contained HTML (or Markdown) account of a pair's relationship, every fact cited.

>>> from dyad.store import Store
>>> from dyad.report import write_report
>>> write_report(Store("sqlite:///dyad.db"), "peru-russia.html", dyad=("PER", "RUS"))  # doctest: +SKIP

Sections: summary (pair, documents, span, periods), intensity chart, trade chart, all figures, timeline
(with undated events), conflicts between sources, sources list. The HTML inlines its stylesheet and the
Plotly library from the installed ``plotly`` package, so it opens offline and can be sent as one file; the
Markdown variant shows the charts as tables of numbers.
"""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup

from dyad import query
from dyad.errors import DyadError
from dyad.report.charts import chart_divs, plotly_js
from dyad.report.context import ReportData, build_data
from dyad.report.render import render, stylesheet
from dyad.store import Store

__all__ = ["FORMATS", "ReportData", "ReportError", "build_report", "write_report"]

LOGGER = logging.getLogger(__name__)

FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


class ReportError(DyadError):
    """A report cannot be built or written (unknown format, unwritable path)."""


def build_report(store: Store, *, dyad: tuple[str, ...] = (), fmt: str = "html") -> str:
    """The report for ``dyad`` (default: the pair most events are about) as an HTML or Markdown string."""
    if fmt not in ("html", "md"):
        raise ReportError(f"unknown report format {fmt!r}: use 'html' or 'md'")
    data = build_data(query.record(store), tuple(dyad))
    title = f"{data.pair.label}: relationship report" if data.pair else "dyad relationship report"
    if fmt == "md":
        return render("md", d=data, title=title)
    charts = chart_divs(data)
    drawn = {k: Markup(v) if v else None for k, v in charts.items()}
    script = Markup(plotly_js()) if any(drawn.values()) else None
    return render("html", d=data, title=title, charts=drawn, plotly_js=script, css=Markup(stylesheet()))


def write_report(
    store: Store, path: str | Path, *, dyad: tuple[str, ...] = (), fmt: str | None = None
) -> Path:
    """Write the report to ``path``; the format comes from ``fmt`` or the suffix (.html, .md)."""
    target = Path(path)
    fmt = fmt or FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise ReportError(
            f"cannot tell the report format of {target.name}: name it .html or .md, or pass a format"
        )
    text = build_report(store, dyad=dyad, fmt=fmt)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"cannot write the report to {target}: {exc.strerror or exc}") from exc
    LOGGER.info("wrote %s report to %s (%d bytes)", fmt, target, len(text.encode("utf-8")))
    return target
