"""Clean stage: raw text → clean paragraphs (layout undone, furniture and repeats dropped) + sentences."""

from __future__ import annotations

from dyad.clean.boilerplate import drop_repeats, is_furniture
from dyad.clean.layout import join_hyphenated_breaks, normalise_characters, unwrap_paragraphs, word_set
from dyad.clean.sentences import split_sentences
from dyad.models import Document

PARAGRAPH_SEPARATOR = "\n\n"

__all__ = ["clean_document", "clean_text"]


def clean_text(raw: str) -> list[str]:
    """The content paragraphs of a raw text, in order."""
    text = normalise_characters(raw)
    vocabulary = word_set(text)
    paragraphs = [" ".join(join_hyphenated_breaks(p, vocabulary).split()) for p in unwrap_paragraphs(text)]
    paragraphs = [p for p in paragraphs if p and not is_furniture(p)]
    return drop_repeats(paragraphs)


def clean_document(doc: Document) -> Document:
    """Fill ``doc.text`` and ``doc.sentences`` from ``doc.raw_text``; returns the same document."""
    paragraphs = clean_text(doc.raw_text)
    doc.text = PARAGRAPH_SEPARATOR.join(paragraphs)
    doc.sentences = split_sentences(paragraphs, PARAGRAPH_SEPARATOR)
    return doc
