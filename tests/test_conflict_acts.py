"""Conflict acts between the two sides, read from sentence structure (issue 9 point 3): who acts on whom
in disputes, sanctions and force, and what is no act between the two."""

from __future__ import annotations

from dyad.clean import clean_document
from dyad.extract import extract_facts
from dyad.models import Document, Event

# A story about the pair: both sides are named before the sentence under test.
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


def test_a_title_set_off_by_a_comma_addresses_the_listener() -> None:
    """In a transcript's question the bare title is the one spoken to; the apposed name is the speaker."""
    intro = "Costa Rica and Nicaragua argue over the San Juan river. "
    text = 'Q: Minister, President Ortega said on 3 November 2010 that Costa Rica wants to "steal" the river.'
    events = _events(intro + text, "2010-11-04")
    assert any(e.type == "dispute" and e.participants == ("CRI", "NIC") for e in events)
    # a title with its own words is no address: "the minister, Ana Soto," is who speaks
    text = "The Peruvian minister, Ana Soto, said on 3 November 2010 that Costa Rica wants the river."
    events = _events(intro + text, "2010-11-04")
    assert not any(e.type == "dispute" and e.participants == ("CRI", "NIC") for e in events)
