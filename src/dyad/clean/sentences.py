"""Sentence segmentation with character offsets, by spaCy's rule-based sentencizer (no model)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from dyad.errors import CleanError
from dyad.models import Sentence

# spaCy refuses a longer text (E088): the parser's limit for one sentence, and a sentence can be a paragraph
MAX_PARAGRAPH_CHARS = 1_000_000


@lru_cache(maxsize=1)
def sentencizer() -> Language:
    """A blank English pipeline with the sentencizer: tokenizer exceptions keep "U.S." and "Dr." whole."""
    nlp = spacy.blank("en")
    cast(Tokenizer, nlp.tokenizer).max_cache_size = 200_000  # spaCy stops caching chunks at 10,000 by default
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(paragraphs: list[str], separator: str = "\n\n") -> list[Sentence]:
    """Sentences of the text ``separator.join(paragraphs)``; a sentence never crosses a paragraph.
    ``CleanError`` for a paragraph longer than the sentencizer reads."""
    longest = max(map(len, paragraphs), default=0)
    if longest > MAX_PARAGRAPH_CHARS:
        raise CleanError(
            f"a paragraph of {longest:,} characters, more than the {MAX_PARAGRAPH_CHARS:,} the sentence "
            "splitter reads; break the text into paragraphs"
        )
    sentences: list[Sentence] = []
    offset = 0
    for paragraph, doc in zip(paragraphs, sentencizer().pipe(paragraphs), strict=True):
        spans = [(span.start_char, span.end_char) for span in doc.sents]
        for lo, hi in _opening_quotes_forward(spans, paragraph):
            raw = paragraph[lo:hi]
            text = raw.strip()
            if not text:
                continue
            start = offset + lo + (len(raw) - len(raw.lstrip()))
            sentences.append(Sentence(len(sentences), start, start + len(text), text))
        offset += len(paragraph) + len(separator)
    return sentences


_OPENING = re.compile(r"\s([\"“‘])\s*$")


def _opening_quotes_forward(spans: list[tuple[int, int]], paragraph: str) -> list[tuple[int, int]]:
    """The sentencizer keeps a quote mark after a full stop with the sentence it ends; one after a space
    ('said. "We will…') opens the next sentence, and goes with it."""
    out = list(spans)
    for i in range(len(out) - 1):
        lo, hi = out[i]
        found = _OPENING.search(paragraph[lo:hi])
        if found:
            out[i] = (lo, lo + found.start())
            out[i + 1] = (lo + found.start(1), out[i + 1][1])
    return out
