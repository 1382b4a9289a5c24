"""The answer: its record types, and short wording for dates, values, countries and the "no evidence" case."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from dyad.display import sides_text
from dyad.edtf import parse_edtf
from dyad.knowledge import load_knowledge
from dyad.models import TimeValue

KIND_LABELS = {
    "export": "exports",
    "import": "imports",
    "trade_total": "trade",
    "investment": "investment",
    "arms_value": "arms",
    "growth_rate": "growth",
    "other": "",
    "rank": "",
}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
_QUALIFIERS = {"more_than": "more than ", "less_than": "less than ", "about": "about ", "exact": ""}


@dataclass(slots=True, frozen=True)
class Citation:
    """A sentence that supports (or, without an answer, comes closest to) the answer."""

    doc: str
    text: str
    start: int
    end: int
    score: float


@dataclass(slots=True)
class Answer:
    question: str
    answer: str
    found: bool
    confidence: float
    kind: str  # event, figure, actor, sentence, none
    facts: list[str] = field(default_factory=list)  # ids of the events and figures used
    citations: list[Citation] = field(default_factory=list)  # most relevant first

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def country_name(code: str | None) -> str:
    if not code:
        return "?"
    country = load_knowledge().countries.get(code)
    return country.name if country else code


def pair_words(codes: list[str] | tuple[str, ...]) -> str:
    return "–".join(country_name(c) for c in codes)


def sides_words(e: dict[str, Any]) -> str:
    """'United Kingdom → Russia' for an act one side did to the other, else 'Russia–United Kingdom'."""
    return sides_text(e["participants"], e.get("initiator"), country_name)


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def value_date_words(v: TimeValue) -> str:
    """'November 2015', '24 November 2008', 'the 1970s', '2008–2013'."""
    start, end, g = v.start, v.end, v.granularity
    if g == "day" and start:
        return _day(start)
    if g == "month" and start:
        return f"{start:%B %Y}"
    if g == "year" and start:
        return str(start.year)
    if g == "decade" and start:
        return f"the {start.year}s"
    if g == "century" and start:
        n = start.year // 100 + 1
        return f"the {n}{_suffix(n)} century"
    if start and end:
        if start.year == end.year and (end - start).days < 40:
            return f"{_day(start)} – {_day(end)}"
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return f"{start.year}–{end.year}"
        return f"{_day(start)} – {_day(end)}"
    if start:
        return f"since {start.year}"
    return f"until {end.year}" if end else v.edtf


def date_words(edtf: str | None) -> str:
    if not edtf:
        return "undated"
    try:
        return value_date_words(parse_edtf(edtf))
    except ValueError:
        return edtf


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _number(value: float) -> str:
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def quantity_words(value: float, unit: str, qualifier: str = "exact") -> str:
    """'more than 230 million USD', '9.4 percent', '7-fold', '31st'."""
    lead = _QUALIFIERS.get(qualifier, "")
    if unit == "percent":
        return f"{lead}{_number(value)} percent"
    if unit == "factor":
        return f"{lead}{_number(value)}-fold"
    if unit == "rank":
        return f"{lead}{int(value)}{_suffix(int(value))}"
    if unit == "count":
        return f"{lead}{_number(value)}"
    return f"{lead}{_number(value)} {unit}"


def figure_words(f: dict[str, Any]) -> str:
    """'135 million USD (2018, exports Peru → Russia)'."""
    kind, a, b = f["kind"], f.get("from"), f.get("to")
    if kind in ("export", "investment", "arms_value"):
        flow = f"{country_name(a)} → {country_name(b)}"
    elif kind == "import":
        flow = f"{country_name(a)} ← {country_name(b)}"
    else:
        flow = pair_words([c for c in (a, b) if c])
    label = KIND_LABELS.get(kind, kind)
    year = date_words(f["year"]) if f.get("year") else ""
    context = ", ".join(x for x in (year, f"{label} {flow}".strip()) if x)
    return f"{quantity_words(f['value'], f['unit'], f.get('qualifier', 'exact'))} ({context})"


def event_words(e: dict[str, Any], *, dated: bool = True, sides: bool = True) -> str:
    """'agreement, Peru–Russia, 24 November 2008, in Lima'; 'visit (planned), ...' for a planned one;
    'sanction, United Kingdom → Russia, ...' for an act one side did to the other."""
    planned = " (planned)" if e.get("status") == "planned" else ""
    parts = [e["type"].replace("_", " ") + planned, *([sides_words(e)] if sides else [])]
    if dated and e.get("date"):
        parts.append(date_words(e["date"]))
    if e.get("location"):
        parts.append(f"in {e['location']}")
    return ", ".join(parts)


def clip(text: str, around: int | None = None, width: int = 160) -> str:
    """A sentence shortened to about ``width`` characters, centred on ``around`` when given."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    centre = around if around is not None else 0
    start = max(0, min(centre - width // 2, len(text) - width))
    cut = text[start : start + width]
    if start > 0:
        cut = "…" + cut.split(" ", 1)[-1]
    if start + width < len(text):
        cut = cut.rsplit(" ", 1)[0] + "…"
    return cut


def no_evidence(n_documents: int, topic: str) -> str:
    return f"No evidence in the {n_documents} document{'s' if n_documents != 1 else ''} about {topic}."
