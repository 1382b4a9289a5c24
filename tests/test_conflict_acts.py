"""Conflict acts between the two sides, read from sentence structure (issue 9 point 3)."""

from __future__ import annotations

from dyad.clean import clean_document
from dyad.extract import extract_facts
from dyad.models import Document, Event

INTRO = (
    "SANTIAGO, May 2 (Reuters) - Chile's foreign minister Rodrigo Aránguiz Pell arrived in Tokyo on "
    "Monday, May 1, 2023. Japanese Foreign Minister Kenji Hoshino welcomed the visit. "
)


def _events(text: str, published: str = "2023-05-10") -> list[Event]:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published=published)
    doc.raw_text = doc.text = text
    clean_document(doc)
    return extract_facts(doc).events


def _pair_types(text: str) -> set[str]:
    return {e.type for e in _events(INTRO + text) if e.participants == ("CHL", "JPN")}


def test_a_chronologys_present_tense_verb_with_a_subject_is_a_verb() -> None:
    """ "Chile protests to Japan": the parser gives the plural-looking word a subject, which no noun has."""
    assert "dispute" in _pair_types("4 May 2023: Chile protests to Japan over the whaling.")
    assert "use_of_force" not in _pair_types("4 May 2023: Border clashes near Tacna.")
