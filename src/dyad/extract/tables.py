"""Figures in tables: a row per year, a column per series, the unit in the caption or the column's header.

    German trade with Brazil (EUR billion)          Table 1. Live cattle exports from Australia to Indonesia
    | Year | German exports to Brazil | ...         Year Head (000) Value (A$ m)
    | 2021 | 10.1 | ...                             2009 772 480

A table may also have a row per item and the year in a column's header, the cells holding their own
scale or currency ("~13.7 bn", "R8.9 billion"):

    | Product | Measure | Exports to Brazil in 2019 (EUR) |      Year   Exports to Chile   Imports from Chile
    | Cars    | quota   | ~1.2 bn                         |      2021   R8.9 billion       R7.6 billion

Each cell becomes a short sentence the figure reader already understands ("German exports to Brazil were
EUR 10.1 billion in 2021"), read with the document's pair; the figure keeps the row of the table as its
source. Tables come as pipe rows (Markdown, and HTML tables as the reader writes them) or as plain rows
of a year and numbers (or amounts) under a header whose cells end in a parenthesised unit or start with a
flow word ("Exports", "Imports", "Trade").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.extract.quantities import currency_code, currency_is_name
from dyad.models import Document, Figure, Source

_YEAR = r"(?:FY\s?)?(?:1[89]|20)\d\d(?:\s?[–/-]\s?\d{2,4})?"
_NUMBER = r"-?\d[\d,]*(?:\.\d+)?"
# An amount that carries its own scale, and maybe its currency: "~13.7 bn", "R8.9 billion", "US$ 36"
_AMOUNT = (
    rf"(?:[~≈]\s?)?(?:[A-Z]{{0,3}}\$|[€£¥₹R])?\s?{_NUMBER}"
    r"(?:\s?(?:bn|billion|mn|million|m|tn|trillion))?(?![\w%])"
)
_FOOTNOTE = re.compile(r"[*†‡]+$|\s*\([a-z]\)$|\s*p$")
_SEPARATOR = re.compile(r"^\|?[\s:|-]+\|?$")
_PLAIN_ROW = re.compile(rf"^({_YEAR})[*†‡]?((?:\s+{_AMOUNT}){{1,6}})$")
_HEADER_YEAR = re.compile(r"\s*\b(?:in|for|of)?\s*\b((?:1[89]|20)\d\d)\b\s*")
# where a plain header's columns begin when its words give no parenthesised units; a flow word may follow
# a possessive ("China's exports China's imports Total"), and never begins a column right after one
_FLOW_WORD = re.compile(
    r"(?<!['’]s)\s+(?=(?:Exports?|Imports?|Total|Trade|Balance|Investments?|FDI)\b"
    r"|[A-Z][\w-]*['’]s\s+(?:[Ee]xports?|[Ii]mports?|[Tt]rade)\b)"
)
# the words that end a column's name on a header's second line ("to Kazakhstan", "from Chile")
_HEADER_TAIL = re.compile(r"\s*\b(?:to|from|with)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?")
# "(EUR billion)", "(A$ m)", "(000)", "(US$ million)", "(%)"
_UNIT = re.compile(r"\(([^()]{1,20})\)\s*$")
_SCALES = {
    "billion": "billion", "bn": "billion", "b": "billion",
    "million": "million", "mn": "million", "m": "million", "mln": "million",
    "thousand": "thousand", "000": "thousand", "'000": "thousand", "k": "thousand",
}  # fmt: skip


@dataclass(slots=True)
class _Row:
    start: int
    end: int
    year: str
    cells: list[str]


def _cells(paragraph: str) -> list[str] | None:
    line = paragraph.strip()
    if line.startswith("|") and line.endswith("|") and "\n" not in line:
        return [c.strip() for c in line[1:-1].split("|")]
    return None


def _year_cell(cell: str) -> str | None:
    cell = _FOOTNOTE.sub("", cell.strip())
    return cell if re.fullmatch(_YEAR, cell) else None


def _is_number(cell: str) -> bool:
    return bool(re.fullmatch(_NUMBER, _FOOTNOTE.sub("", cell.strip())))


def _is_amount(cell: str) -> bool:
    return bool(re.fullmatch(_AMOUNT, _FOOTNOTE.sub("", cell.strip())))


def _paragraphs(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for part in re.split(r"(\n\s*\n)", text):
        if part.strip() and not part.startswith("\n"):
            lead = len(part) - len(part.lstrip())
            out.append((pos + lead, pos + len(part.rstrip()), part.strip()))
        pos += len(part)
    return out


def _split_plain_header(header: str, columns: int) -> list[str] | None:
    """ "Year Head (000) Value (A$ m)" with two number columns: ["Head (000)", "Value (A$ m)"]."""
    rest = re.sub(r"^(?:year|fiscal year|fy|period)\s+", "", header.strip(), flags=re.IGNORECASE)
    parts = [p.strip() for p in re.findall(r"[^()]*\([^()]*\)", rest)]
    if len(parts) != columns:  # "Exports to Chile Imports from Chile"
        parts = _unfolded([p.strip() for p in _FLOW_WORD.split(rest)])
    return parts if len(parts) == columns and all(parts) else None


def _unfolded(parts: list[str]) -> list[str]:
    """A header written on two lines reaches us as one: "China's exports | China's imports | Total to
    Kazakhstan from Kazakhstan". The second line's "to …", "from …" end the columns above them, in order."""
    tails = list(_HEADER_TAIL.finditer(parts[-1])) if len(parts) >= 3 else []
    bare = [i for i, p in enumerate(parts[:-1]) if not _HEADER_TAIL.search(p)]
    if len(tails) < 2 or len(tails) != len(bare) or tails[0].start() == 0:
        return parts
    out = list(parts)
    for i, tail in zip(bare, tails, strict=True):
        out[i] = f"{parts[i]} {tail.group().strip()}"
    out[-1] = _HEADER_TAIL.sub("", parts[-1]).strip()
    return out


@dataclass(slots=True)
class _Table:
    caption: str
    headers: list[str]  # one per number column
    rows: list[_Row]


def find_tables(text: str) -> list[_Table]:
    """Blocks of at least two rows that start with a year and hold numbers, with their header and caption."""
    paragraphs = _paragraphs(text)
    tables: list[_Table] = []
    i = 0
    while i < len(paragraphs):
        rows: list[_Row] = []
        j = i
        while j < len(paragraphs):
            start, end, body = paragraphs[j]
            cells = _cells(body)
            if cells is not None and _SEPARATOR.match(body):
                j += 1
                continue
            if cells is not None and len(cells) >= 2 and (year := _year_cell(cells[0])):
                values = cells[1:]
            elif (plain := _PLAIN_ROW.match(body)) is not None:
                year, values = _FOOTNOTE.sub("", plain.group(1)), re.findall(_AMOUNT, plain.group(2))
            else:
                break
            if not any(_is_amount(v) for v in values):
                break
            rows.append(_Row(start, end, year, values))
            j += 1
        if len(rows) >= 2 and len({len(r.cells) for r in rows}) == 1:
            headers, caption = _header_and_caption(paragraphs, i, len(rows[0].cells))
            if headers is not None:
                tables.append(_Table(caption, headers, rows))
        i = max(j, i + 1)
    return tables


def _header_and_caption(
    paragraphs: list[tuple[int, int, str]], first_row: int, columns: int
) -> tuple[list[str] | None, str]:
    """The header above the first row (separators skipped) and the caption above the header."""
    k = first_row - 1
    while k >= 0 and _SEPARATOR.match(paragraphs[k][2]) and _cells(paragraphs[k][2]) is not None:
        k -= 1
    if k < 0:
        return None, ""
    body = paragraphs[k][2]
    cells = _cells(body)
    if cells is not None:
        headers = cells[1:] if len(cells) == columns + 1 else None
    else:
        headers = _split_plain_header(body, columns)
    if headers is None:
        return None, ""
    k -= 1
    while k >= 0 and _SEPARATOR.match(paragraphs[k][2]) and _cells(paragraphs[k][2]) is not None:
        k -= 1
    caption = ""
    if k > 0 and _NOTE.fullmatch(paragraphs[k][2]):
        k -= 1  # "(Chinese customs data)" between the caption and the header
    if k >= 0:
        above = paragraphs[k][2]
        cells = _cells(above)
        if cells is not None:
            named = [c for c in cells if c]
            caption = named[0] if len(named) == 1 else ""
        elif len(above) <= 160 and not above.rstrip().endswith(".") or above.startswith(("#", "Table")):
            caption = above.lstrip("#* ").rstrip("*")
    return headers, caption


def _unit_words(group: str) -> tuple[str, str] | None:
    """(currency or measure word, scale word) when every word of ``group`` is one: "EUR billion", "A$ m",
    "000", "%"; None for anything else ("source: customs", "April–March")."""
    currency, scale = "", ""
    for word in group.replace(",", " ").split():
        low = word.lower()
        if low in _SCALES and not scale:
            scale = _SCALES[low]
        elif low in ("%", "percent", "per cent") and not currency:
            currency = "%"
        elif not currency and (currency_code(word) or re.fullmatch(r"[A-Z]{2,3}\$|[$€£¥₹]", word)):
            currency = word
        else:
            return None
    return (currency, scale) if currency or scale else None


# where a caption gives its unit: "(NPR billion)", "(A$ m)", "in US$ billion", "US$ million:", and last
# after a comma: "Trade in goods, USD billion"
_CAPTION_UNIT = re.compile(
    r"\(([^()]{1,20})\)|\bin\s+([^\s,;:()]+(?:\s+[^\s,;:()]+)?)|,\s+([^\s,;:()]+\s+[^\s,;:()]+)\s*$",
    re.IGNORECASE,
)
# a line of its own in parentheses under a caption: a note on the source, not the caption
_NOTE = re.compile(r"\([^()]{1,80}\)")


def _unit_of(header: str, caption: str) -> tuple[str, str, str]:
    """(currency or measure word, scale word, the header without its unit): the header's own unit, else
    the caption's."""
    currency, scale, label = "", "", header
    m = _UNIT.search(header)
    if m and (found := _unit_words(m.group(1))):
        label = header[: m.start()].strip()
        currency, scale = found
    for c in _CAPTION_UNIT.finditer(caption):
        found = _unit_words(c.group(1) or c.group(2) or c.group(3))
        if found:
            currency, scale = currency or found[0], scale or found[1]
            break
    return currency, scale, label


def _phrase(cell: str, currency: str, scale: str, label: str) -> str | None:
    number = _FOOTNOTE.sub("", cell.strip())
    if not _is_number(number):
        return _amount_phrase(number, currency)
    if currency == "%":
        return f"{number}%"
    if scale == "thousand":  # "(000)": the number is in thousands
        value = float(number.replace(",", "")) * 1000
        number, scale = f"{value:,.0f}", ""
        if not currency and not re.search(r"\b(head|cattle|livestock)\b", label, re.IGNORECASE):
            return None  # a count of what, the table does not say
    measure = "head" if re.search(r"\b(head|cattle|livestock)\b", label, re.IGNORECASE) else ""
    if currency and not measure:
        if currency_is_name(currency):  # "(million baht)": "95,610 million baht"
            return f"{number} {scale} {currency}".replace("  ", " ")
        return f"{currency} {number} {scale}".strip()
    words = [w for w in (number, scale, measure) if w]
    return " ".join(words) if (scale or measure) else None


def _amount_phrase(cell: str, currency: str) -> str | None:
    """ "~13.7 bn" under "(A$)": "about A$ 13.7 bn"; "R8.9 billion" as it stands."""
    m = re.fullmatch(r"(?P<approx>[~≈]\s?)?(?P<rest>.+)", cell)
    if m is None or not _is_amount(cell) or _is_number(m["rest"]):
        return None
    own = re.match(r"[A-Z]{0,3}\$|[€£¥₹R]", m["rest"])
    if not own and currency in ("", "%"):
        return None  # an amount of what, the table does not say
    words = ["about" if m["approx"] else "", "" if own else currency, m["rest"]]
    return " ".join(w for w in words if w)


def _item_sentences(paragraphs: list[tuple[int, int, str]]) -> list[tuple[str, int, int]]:
    """A pipe table with a row per item and the year in a column's header:
    "| Coal | ban | ~13.7 bn |" under "| Product | Measure | Exports to China in 2019 (A$) |"."""
    out = []
    header: list[str] | None = None
    for start, end, body in paragraphs:
        cells = _cells(body)
        if cells is None:
            header = None
            continue
        if _SEPARATOR.match(body):
            continue
        if header is None or len(cells) != len(header) or _year_cell(cells[0]):
            header = cells
            continue
        item = re.sub(r"\s*\([^()]*\)", "", cells[0]).strip()
        if len(header) == 2 and (kv := _key_value(header, cells[1])) is not None:
            if item:  # "| Two-way trade | 29.6 |" under "| Australia–New Zealand, 2022 | A$ billion |"
                out.append((f"{item} were {kv[0]} in {kv[1]}.", start, end))
            continue
        for title, cell in zip(header[1:], cells[1:], strict=True):
            year = _HEADER_YEAR.search(title)
            if not item or year is None or not _is_amount(cell):
                continue
            currency, scale, label = _unit_of(title, "")
            phrase = _phrase(cell, currency, scale, label)
            label = (label[: year.start()] + " " + label[year.end() :]).strip()
            if phrase and label:
                out.append((f"{label} ({item.lower()}) were {phrase} in {year.group(1)}.", start, end))
    return out


# a qualifier written in a cell before its number: "about 140", "approx. 2.5", "over 12"
_CELL_QUALIFIER = re.compile(
    r"(?P<q>about|around|roughly|approx(?:\.|imately)?|some|nearly|almost|over|more\s+than|under|less\s+than)"
    r"\s+(?P<rest>.+)",
    re.IGNORECASE,
)


def _key_value(header: list[str], cell: str) -> tuple[str, str] | None:
    """(amount phrase, year) of a two-column table whose rows are a label and its number, the header giving
    the year in its first cell and the unit, alone, in its second: "| Australia–New Zealand, 2022 |
    A$ billion |" over "| Two-way trade | 29.6 |". Each row's label says what the number is."""
    year = _HEADER_YEAR.search(header[0])
    unit = _unit_words(re.sub(r"^\((.*)\)$", r"\1", header[1].strip()))
    if year is None or unit is None or not unit[0]:
        return None  # the year of what, or an amount of what, the header does not say
    m = _CELL_QUALIFIER.fullmatch(cell.strip())
    qualifier, number = (m["q"], m["rest"]) if m else ("", cell)
    phrase = _phrase(number, unit[0], unit[1], "")
    if phrase is None or not _is_number(_FOOTNOTE.sub("", number.strip())):
        return None
    return f"{qualifier} {phrase}".strip(), year.group(1)


def _wide_sentences(paragraphs: list[tuple[int, int, str]]) -> list[tuple[str, int, int]]:
    """A pipe table with a column per year and a row per series: "| Exports to Chile | 410 | 450 |" under
    "| Indicator | 2021 | 2022 |", the unit in the row's label or in the caption above the header."""
    out = []
    years: list[str | None] | None = None
    caption = ""
    previous = ""
    for start, end, body in paragraphs:
        cells = _cells(body)
        if cells is None:
            years, previous = None, body
            continue
        if _SEPARATOR.match(body):
            continue
        found = [_year_cell(c) for c in cells[1:]]
        if len(cells) >= 3 and sum(y is not None for y in found) >= 2:
            years = found
            caption = previous if len(previous) <= 160 and not previous.endswith(".") else ""
            continue
        if years is None or len(cells) != len(years) + 1:
            continue
        label = cells[0]
        own_unit = _UNIT.search(label)
        if own_unit and not _unit_words(own_unit.group(1)):
            continue  # "Ships (number)": the row says what it counts, not the caption's money
        for year, cell in zip(years, cells[1:], strict=True):
            if year is None or not _is_amount(cell):
                continue
            currency, scale, own = _unit_of(label, caption.lstrip("#* ").rstrip("*"))
            phrase = _phrase(cell, currency, scale, own)
            if phrase and own:
                subject = (
                    own
                    if re.search(r"[A-Z]", own[1:]) or not caption
                    else f"{_strip_unit(caption)}: {own.lower()}"
                )
                out.append((f"{subject} were {phrase} in {year}.", start, end))
    return out


def table_sentences(text: str) -> list[tuple[str, int, int]]:
    """One sentence per table cell, with the span of the row it stands for."""
    paragraphs = _paragraphs(text)
    out = _item_sentences(paragraphs) + _wide_sentences(paragraphs)
    for table in find_tables(text):
        for row in table.rows:
            for header, cell in zip(table.headers, row.cells, strict=False):
                currency, scale, label = _unit_of(header, table.caption)
                phrase = _phrase(cell, currency, scale, label)
                if phrase is None or not label:
                    continue
                subject = label if re.search(r"[A-Z]", label[1:]) or not table.caption else ""
                # the column's own word last, nearest the amount: "Trade with Nepal: deficit were …"
                subject = subject or f"{_strip_unit(table.caption)}: {label.lower()}"
                out.append((f"{subject} were {phrase} in {row.year}.", row.start, row.end))
    return out


def _strip_unit(caption: str) -> str:
    """The caption without its parentheses and its unit: "Trade with China, in US$ billion (source: …)"
    → "Trade with China"."""
    for c in reversed(list(_CAPTION_UNIT.finditer(caption))):
        if c.group(1) is not None or _unit_words(c.group(2) or c.group(3)):
            caption = caption[: c.start()] + caption[c.end() :]
    caption = re.sub(r"^Table\s+\w{1,4}[.:]\s*", "", caption)  # "Table 1. …": the number is no part of it
    return re.sub(r"\s+", " ", caption).strip().rstrip(".:,; ")


def cite_rows(doc: Document, figures: list[Figure], spans: list[tuple[int, int]]) -> list[Figure]:
    """The figures read from the cell sentences, pointing to the rows of the document."""
    for figure, (start, end) in zip(figures, spans, strict=True):
        figure.source = Source(doc.name, doc.text[start:end], start, end)
    return figures
