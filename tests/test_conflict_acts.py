"""Conflict acts between the two sides, read from sentence structure (issue 9 point 3): who acts on whom
in disputes, sanctions and force, and what is no act between the two."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 4, 2023, Chile, Peru and Japan condemned the missile launch by North Korea.",
        "On May 4, 2023, President Gabriel Boric and Prime Minister Fumio Kishida criticised a coup.",
        "On May 4, 2023, Chile and Japan imposed sanctions on Myanmar's generals.",
    ],
)
def test_those_who_condemn_together_are_not_two_sides(sentence: str) -> None:
    """Coordinated subjects of a one-way conflict act act together on a third or on a deed."""
    assert not {"dispute", "sanction"} & _pair_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 4, 2023, Chile and Japan accused each other of violating the fisheries accord.",
        "On May 4, 2023, Chile and Peru condemned Japan's whaling in the Southern Ocean.",
        "On May 4, 2023, Chile condemned Japan's whaling in the Southern Ocean.",
    ],
)
def test_one_side_condemning_the_other_stays_a_dispute(sentence: str) -> None:
    assert "dispute" in _pair_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 4, 2023, Chile ordered the border with Japan's base closed.",
        "On May 4, 2023, President Gabriel Boric ordered the crossings shut, accusing Tokyo of smuggling.",
        "On May 4, 2023, Santiago declared the port closed to Japanese ships.",
        "On May 4, 2023, Chile ordered the pipelines closed, saying Japan had not paid the transit fees.",
    ],
)
def test_a_closure_ordered_in_a_small_clause_is_the_orderers_sanction(sentence: str) -> None:
    """ "ordered the border closed": the parser makes the border the subject of "closed"; it is what is
    closed, and the one who ordered it closes it."""
    assert "sanction" in _pair_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 4, 2023, Chile declared that the talks with Japan had closed.",
        "On May 4, 2023, Chile said the border with Japan closed at night.",
        "On May 4, 2023, Chile ordered the pipeline to Japan repaired.",
    ],
)
def test_a_closure_told_or_reported_is_no_ordered_sanction(sentence: str) -> None:
    assert "sanction" not in _pair_types(sentence)


def test_seizing_power_is_a_coup_not_force_on_the_other_side() -> None:
    """ "seized power" names a coup at home, whoever else the sentence names; a power station seized is
    force."""
    coup = "On May 4, 2023, the Chilean junta that seized power in a coup expelled the Japanese ambassador."
    assert "use_of_force" not in _pair_types(coup)
    assert "use_of_force" in _pair_types("On May 4, 2023, Chilean troops seized the Japanese power station.")


@pytest.mark.parametrize(
    ("sentence", "theirs"),
    [
        # both fighting sides are of one country: a civil war, whoever else the story is about
        ("On May 4, 2023, war broke out between the Chilean army and rebels in the north.", False),
        ("On May 4, 2023, fighting erupted between Chilean troops and Chilean police near Arica.", False),
        # one of each side: the pair's fight
        ("On May 4, 2023, fighting broke out between Chilean and Japanese sailors near Arica.", True),
    ],
)
def test_a_fight_between_forces_of_one_country_is_not_the_pairs(sentence: str, theirs: bool) -> None:
    assert ("use_of_force" in _pair_types(sentence)) is theirs


@pytest.mark.parametrize(
    ("sentence", "theirs"),
    [
        # the side's own (former) head of state held, no one named to hold him: its own police or courts
        ("On May 4, 2023, former President Gabriel Boric was arrested in Santiago.", False),
        # a diplomat held with no one named to hold him: the other side's act, as before
        ("On May 4, 2023, the Chilean ambassador was briefly detained in Tokyo.", True),
    ],
)
def test_a_leader_held_with_no_one_named_to_hold_him_is_held_at_home(sentence: str, theirs: bool) -> None:
    assert ("use_of_force" in _pair_types(sentence)) is theirs


@pytest.mark.parametrize(
    ("sentence", "theirs"),
    [
        ("On May 4, 2023, the Chilean government was imprisoning its own critics.", False),
        ("On May 4, 2023, the Chilean government was imprisoning Japanese fishermen.", True),
    ],
)
def test_an_act_on_a_sides_own_people_is_at_home(sentence: str, theirs: bool) -> None:
    assert ("use_of_force" in _pair_types(sentence)) is theirs
