"""Document text as safe HTML, with cited sentences wrapped in ``<mark>``.

Every piece of document text goes through ``markupsafe.escape``; the only markup added is the ``<mark>``
elements themselves, whose attributes are fixed strings and numbers. A document that contains
``<script>`` or ``onerror=`` therefore shows those characters as text.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def merge_spans(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Sorted, clipped to ``[0, length]``, overlapping or touching spans joined, empty ones dropped."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted((max(0, a), min(length, b)) for a, b in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, spans: list[tuple[int, int]], *, prefix: str = "mark") -> Markup:
    """``text`` escaped, each span in ``<mark id="{prefix}-{n}">``; ids number the marks from 0."""
    parts: list[str] = []
    pos = 0
    for n, (start, end) in enumerate(merge_spans(spans, len(text))):
        parts.append(escape(text[pos:start]))
        parts.append(Markup('<mark id="{}-{}">{}</mark>').format(prefix, n, text[start:end]))
        pos = end
    parts.append(escape(text[pos:]))
    return Markup("").join(parts)
