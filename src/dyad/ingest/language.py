"""A small language guess (ISO 639-1): the writing system first, then stop-word counts for Latin script.

Good enough to route a document (English-only extractors, month names); not a language identifier.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

LOGGER = logging.getLogger(__name__)

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "is",
            "that",
            "for",
            "with",
            "was",
            "on",
            "as",
            "by",
            "are",
            "from",
            "this",
            "have",
            "has",
            "its",
            "which",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "que",
            "y",
            "en",
            "por",
            "para",
            "con",
            "una",
            "como",
            "más",
            "pero",
            "sus",
            "fue",
            "entre",
            "se",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "os",
            "as",
            "de",
            "do",
            "da",
            "dos",
            "das",
            "que",
            "em",
            "no",
            "na",
            "para",
            "com",
            "uma",
            "como",
            "mais",
            "não",
            "foi",
            "pelo",
            "pela",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "et",
            "est",
            "dans",
            "que",
            "pour",
            "une",
            "sur",
            "pas",
            "avec",
            "par",
            "au",
            "aux",
            "qui",
            "été",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "mit",
            "den",
            "dem",
            "von",
            "zu",
            "ein",
            "eine",
            "auf",
            "für",
            "sich",
            "auch",
            "wurde",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "lo",
            "gli",
            "della",
            "delle",
            "che",
            "di",
            "e",
            "è",
            "per",
            "una",
            "con",
            "non",
            "sono",
            "alla",
            "nel",
            "degli",
            "anche",
        ]
    ),
}
SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ja", r"[\u3040-\u30ff]"),
    ("ko", r"[\uac00-\ud7af]"),
    ("zh", r"[\u4e00-\u9fff]"),
    ("ar", r"[\u0600-\u06ff]"),
    ("el", r"[\u0370-\u03ff]"),
    ("he", r"[\u0590-\u05ff]"),
)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 6_000  # enough words to tell; the whole text is not needed
NOT_LETTERS = re.compile(r"[\W\d_]+")
MIN_HITS = 3
MIN_SCRIPT_SHARE = 0.3


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the text's main language, or None when there is too little to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = len(NOT_LETTERS.sub("", sample))
    if not letters:
        return None
    script = _script_language(sample, letters)
    if script:
        return script
    words = Counter(word.lower() for word in WORD.findall(sample))
    hits = {lang: sum(words[w] for w in stops) for lang, stops in STOP_WORDS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    return best if hits[best] >= MIN_HITS else None


def _script_language(sample: str, letters: int) -> str | None:
    cyrillic = len(CYRILLIC.findall(sample))
    if cyrillic >= MIN_SCRIPT_SHARE * letters:
        return "uk" if len(UKRAINIAN.findall(sample)) > 0.005 * cyrillic else "ru"
    for lang, pattern in SCRIPTS:
        if len(re.findall(pattern, sample)) >= MIN_SCRIPT_SHARE * letters:
            return lang
    return None
