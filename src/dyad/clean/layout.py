"""Undo the layout of extracted text: hyphenated line ends, hard-wrapped lines, stray whitespace."""

from __future__ import annotations

import re
import statistics
import unicodedata

# Left halves that nearly always form compounds: "self-\nperception" stays "self-perception".
_COMPOUND_PREFIXES = frozenset(["self", "non", "cross", "well", "half", "quasi"])
# Left halves that form compounds only before a word of their own ("anti-\ncommunist", not "multi-\nple").
_WORD_PREFIXES = frozenset(
    ["anti", "multi", "inter", "intra", "socio", "post", "pre", "counter", "ultra", "semi", "pan", "neo"]
)
_HYPHEN_BREAK = re.compile(r"(\w+)-[ \t]*\n[ \t]*(\w+)")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TERMINAL = (".", "!", "?", ":", '"', "”", "’", ")", ";")
# A line that is an item of its own: "- 2014 – ...", "• ...", "3. ...", and a chronology's dated line
# ("2018, 25 November – Kerch Strait incident", "12 May 2014: ...").
_LIST_ITEM = re.compile(
    r"([-*•·–—]|\d{1,2}[.)])\s"
    r"|(?:1[5-9]\d\d|20\d\d|\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)\b[^.\n]{0,25}?(?:\s*:|\s[–—-])\s"
)
# A row of a Markdown or pipe table: a line of its own, so that its cells stay one row (extract/tables.py).
_TABLE_ROW = re.compile(r"\|.*\|")


def normalise_characters(text: str) -> str:
    """NFC, unified newlines, odd spaces to plain spaces, soft hyphens and zero-widths removed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "").replace("\ufeff", "").replace("\f", "\n\n")
    return _SPACES.sub(" ", text)


def join_hyphenated_breaks(text: str, vocabulary: set[str] | None = None) -> str:
    """Join words split at line ends ("es-\\ntablish" → "establish"), keeping real compounds.

    A split is kept as a hyphen when the document spells the compound with a hyphen elsewhere, when the
    left half is a compound prefix, or when the right half starts with a capital ("Latin-\\nAmerican").
    """
    words = vocabulary if vocabulary is not None else word_set(text)

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
        if joined in words:
            return left + right
        prefix = left.lower()
        if (
            hyphenated in words
            or right[:1].isupper()
            or prefix in _COMPOUND_PREFIXES
            or (prefix in _WORD_PREFIXES and len(right) >= 4 and right.lower() in words)
        ):
            return f"{left}-{right}"
        return left + right

    return _HYPHEN_BREAK.sub(join, text)


def word_set(text: str) -> set[str]:
    """Lower-cased words and hyphenated compounds of a text, to tell split words from compounds."""
    return set(re.findall(r"\w+(?:-\w+)*", text.lower()))


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if len(line) >= 20)
    if len(lengths) < 3:
        return 0
    return lengths[int(0.9 * (len(lengths) - 1))]


def unwrap_paragraphs(text: str) -> list[str]:
    """Split into paragraphs: blank lines always separate; single newlines join hard-wrapped lines.

    The lines of a paragraph stay joined by "\n" so that hyphenated breaks can be judged afterwards.

    A line continues into the next when the block is hard-wrapped (lines of at most ~120 characters) and
    it reaches close to the wrap width, or when it does not end a sentence and the next line starts in
    lower case. Short lines (headings, widgets) stand alone.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        width = _wrap_width(lines)  # 0 when the block is too short to tell a wrap width
        median = statistics.median(len(line) for line in lines)
        current = lines[0]
        for line in lines[1:]:
            prev = current.split("\n")[-1]
            near_width = 0 < width <= 120 and len(prev) >= 0.75 * width and median >= 40
            runs_on = not prev.endswith(_TERMINAL) and len(prev) >= 40 and line[:1].islower()
            all_caps = prev.isupper() and line.isupper()  # a title set in capitals over several lines
            rows = _TABLE_ROW.fullmatch(line) or _TABLE_ROW.fullmatch(prev)
            if (near_width or runs_on or all_caps) and not _LIST_ITEM.match(line) and not rows:
                current += "\n" + line
            else:
                paragraphs.append(current)
                current = line
        paragraphs.append(current)
    return paragraphs
