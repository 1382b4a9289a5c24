"""How values read for a person in tables (CLI, report, dashboard): numbers, quantities, source counts.

Stored and exported values stay exact numbers; only what a table shows goes through here, so the CLI,
the report and the dashboard write "8.2 billion USD", "9.6%" and "3 sources, 2 independent" alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "less_than": "less than ", "about": "about "}


def _plain(value: float) -> str:
    """At most three decimals, no trailing zeros, thousands separated: 1234.5 → '1,234.5'."""
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def number_words(value: float) -> str:
    """8200000000 → '8.2 billion'; 135000000 → '135 million'; 9.6 → '9.6'; 25000 → '25,000'."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{_plain(value / size)} {word}"
    return _plain(value)


def quantity_text(
    value: float, unit: str | None, qualifier: str = "exact", value_max: float | None = None
) -> str:
    """A figure as a table shows it: 'about 8.2 billion USD', '9.6%', '×7', 'rank 31',
    a range '2.3–4.1 billion USD'."""
    lead = QUALIFIER_WORDS.get(qualifier, "")
    number = number_words(value)
    if value_max is not None:
        high = number_words(value_max)
        low_digits, _, scale = number.partition(" ")
        number = f"{low_digits}–{high}" if scale and high.endswith(f" {scale}") else f"{number}–{high}"
        lead = "" if qualifier == "about" else lead  # a range is already approximate
    if unit == "percent":
        return f"{lead}{number}%"
    if unit == "factor":
        return f"{lead}×{number}"
    if unit == "rank":
        return f"{lead}rank {number}"
    if unit in (None, "", "count"):
        return f"{lead}{number}"
    return f"{lead}{number} {unit}"


def sources_text(documents: int, independent: int) -> str:
    """'1 source', '3 sources, 2 independent': documents, and how many of them are independent (documents
    sharing an author or an outlet count once)."""
    if documents == 1:
        return "1 source"
    return f"{documents} sources, {independent} independent"


def sides_text(participants: Sequence[str], initiator: str | None, name: Callable[[str], str] = str) -> str:
    """An event's countries as a table shows them: 'GBR → RUS' when one side acted on the other (the
    acting side first), else 'GBR–RUS'; ``name`` writes each code ('United Kingdom → Russia')."""
    codes = list(participants)
    if initiator in codes and len(set(codes)) == 2:
        other = next(c for c in codes if c != initiator)
        return f"{name(initiator)} → {name(other)}"
    return "–".join(name(c) for c in codes)
