"""Ask the store a question in English; get an answer with the facts and sentences behind it.

``ask(store, "When was the Joint Declaration of Strategic Partnership signed?")`` reads the question by
rules (``question``), answers from the resolved events and figures first (``facts``), then from sentences
ranked by the database's full-text search (``search``, ``passages``), and says "No evidence in the N
documents about …" when nothing meets the question's constraints, still citing the closest sentences.
"""

from __future__ import annotations

import logging

from dyad.ask.compose import Answer, Citation, no_evidence
from dyad.ask.facts import Candidate, answer_from_record, load_record
from dyad.ask.passages import answer_from_sentences, citations, closeness, topic
from dyad.ask.question import Question, analyse_question
from dyad.ask.search import search_sentences
from dyad.store import Store

__all__ = ["Answer", "Citation", "Question", "analyse_question", "ask"]

LOGGER = logging.getLogger(__name__)


def _confidence(best: Candidate) -> float:
    value = 0.25 + 0.5 * best.score if best.kind == "sentence" else 0.35 + 0.6 * best.score
    if best.note:  # a superlative read from the record's extremes, not stated by a source
        value -= 0.2
    return round(min(0.95, max(0.05, value)), 2)


def ask(store: Store, question: str, *, dyad: tuple[str, ...] = ()) -> Answer:
    """Answer ``question`` from ``store`` (only the pair ``dyad``, e.g. ("PER", "RUS"), when given)."""
    q = analyse_question(question)
    record, reader = load_record(store, q, tuple(dyad))
    hits = search_sentences(store, q.search_words, limit=30, about=tuple(dyad))
    best = answer_from_record(q, record, reader) or answer_from_sentences(q, hits, reader)
    LOGGER.debug("question %r read as %s", question, q)
    if best is None:  # the nearer the closest sentences came, the less sure that nothing supports an answer
        return Answer(
            question=q.text,
            answer=no_evidence(record.document_count, topic(q)),
            found=False,
            confidence=round(0.95 - 0.4 * closeness(q, hits, reader), 2),
            kind="none",
            citations=citations(None, hits),
        )
    return Answer(
        question=q.text,
        answer=best.answer,
        found=True,
        confidence=_confidence(best),
        kind=best.kind,
        facts=best.facts,
        citations=citations(best, hits),
    )
