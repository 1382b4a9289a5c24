"""Drop what is not the document's content: site furniture lines and repeated paragraphs."""

from __future__ import annotations

import re

# Each pattern matches a whole paragraph (after unwrapping) that is site furniture, never content.
_FURNITURE = [
    r"(we|this (web)?site|our (web)?site) uses? cookies\b.*",
    r".*\bby (continuing|using) (to (use|browse) )?(this|our) (web)?site\b.*cookies.*",
    r"(accept|allow|manage) (all )?cookies.*",
    r"(subscribe|sign up)( now| today)?( to| for)? (our|the) newsletter.*",
    r"share (this|on) .{0,40}",
    r"(share|tweet|email|print|facebook|twitter|whatsapp|linkedin)( \| (share|tweet|email|print|facebook"
    r"|twitter|whatsapp|linkedin))+",
    r"no comments:?",
    r"\d+ comments?:?",
    r"post a comment",
    r"(newer|older) posts?( (newer|older) posts?)?( home)?",
    r"subscribe to: post comments \(atom\)",
    r"(labels|tags|filed under):.{0,120}",
    r"posted by .{1,60} at \d{1,2}:\d{2}.*",
    r"(click here|read more|continue reading|more details)\W*.{0,40}",
    r"advertisement|sponsored( content)?",
    r"(related (articles|stories|posts)|you may also like|recommended for you):?",
    r"(all rights reserved|copyright ©?|©).{0,80}",
    r"(download|view) (pdf|full text|citation).{0,40}",
    r"(cited by|citations?|times cited|downloads|views)\s*[:：]?\s*\d+",
    # Citation-count and similar widgets in CJK interfaces ("引用次数: 0", "下载次数：12").
    r"[\u3040-\u30ff\u3400-\u9fff]{2,8}\s*[:：]\s*\d+",
    # A rule or a Markdown heading's underline ("=====", "-----"): layout, not words.
    r"[=_*~#-]{3,}",
]
_FURNITURE_RE = re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in _FURNITURE) + r")\W*$", re.IGNORECASE)
# Calls to support an outlet name it with capitals ("Support TwoCircles"); "Support for X grew" is content.
_APPEAL_RE = re.compile(
    r"^(?:[Pp]lease )?(?:[Ss]upport|[Ss]ubscribe to|[Dd]onate to|[Ff]ollow us on|[Ff]ollow)"
    r"\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\W*$"
)
# A byline paragraph ("Outlet | by Author", "By Jane Doe"): metadata, read at ingest; not content.
_BYLINE_RE = re.compile(
    r"^(?:[\w .&'’-]{2,60}\s*[|·•–—-]\s*)?[Bb]y\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}$"
)
_WORD = re.compile(r"\w+")


def is_furniture(paragraph: str) -> bool:
    """True when a paragraph is site furniture (cookie notice, share bar, comment widget, byline)."""
    text = paragraph.strip()
    if len(text) > 300:
        return False
    return bool(_FURNITURE_RE.match(text) or _APPEAL_RE.match(text) or _BYLINE_RE.match(text))


def _shingles(words: list[str], size: int = 3) -> set[tuple[str, ...]]:
    if len(words) < size:
        return {tuple(words)}
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def drop_repeats(paragraphs: list[str], *, threshold: float = 0.8, min_words: int = 8) -> list[str]:
    """Keep the first of exact or near-duplicate paragraphs (a repeated lede, an abstract given twice).

    Near-duplicate: at least ``threshold`` of the paragraph's word 3-grams occur in one earlier
    paragraph (so a later paragraph that merely quotes an earlier one is kept). Short paragraphs
    (headings) are compared exactly only.
    """
    kept: list[str] = []
    seen_exact: set[str] = set()
    seen_shingles: list[set[tuple[str, ...]]] = []
    for paragraph in paragraphs:
        words = _WORD.findall(paragraph.lower())
        key = " ".join(words)
        if key in seen_exact and len(words) >= 3:
            continue
        shingles = _shingles(words)
        if len(words) >= min_words and any(
            len(shingles & earlier) >= threshold * len(shingles) for earlier in seen_shingles
        ):
            continue
        kept.append(paragraph)
        seen_exact.add(key)
        if len(words) >= min_words:
            seen_shingles.append(shingles)
    return kept
