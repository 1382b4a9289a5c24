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
        "On May 4, 2023, Japan vowed to retaliate.",
        "On May 4, 2023, Japan warned that it would hit back.",
        "On May 4, 2023, Japan said it would respond to any new attack by Chile.",
    ],
)
def test_an_answer_to_come_is_a_threat(sentence: str) -> None:
    """Striking back vowed, warned of or promised for any attack is a threat; no attack is told."""
    types = _pair_types(sentence)
    assert "dispute" in types
    assert "use_of_force" not in types


def test_an_answer_told_as_done_is_the_act_it_was_done_by() -> None:
    types = _pair_types("On May 4, 2023, Japan retaliated by expelling two Chilean diplomats.")
    assert "sanction" in types
    assert "dispute" not in types


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 4, 2023, a Chilean court accused a Japanese businessman of fraud.",
        "On May 4, 2023, the Chilean opposition accused Japan of meddling.",
    ],
)
def test_a_court_or_party_accusing_is_no_state_accusing(sentence: str) -> None:
    assert "dispute" not in _pair_types(sentence)


def test_a_government_accusing_stays_a_dispute() -> None:
    assert "dispute" in _pair_types("On May 4, 2023, the Chilean government accused Japan of meddling.")


def test_a_word_quoted_after_as_judges_the_object() -> None:
    assert "dispute" in _pair_types('On May 4, 2023, Chile described Japan\'s move as "unacceptable".')
    assert "dispute" not in _pair_types('On May 4, 2023, Chile described Japan\'s offer as "generous".')


def test_a_finite_verb_hung_on_the_root_noun_has_it_for_subject() -> None:
    text = "On May 4, 2023, Chile's foreign minister called Japan's claims absurd."
    assert "dispute" in _pair_types(text)
    # the verb keeps its own sense: a call to the other side's envoy judges nothing
    text = "On May 4, 2023, Chile's foreign minister called Japan's ambassador."
    assert "dispute" not in _pair_types(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 4, 2023, Chilean soldiers crossed into Japanese territory.",
        "On May 4, 2023, four Japanese coast guard vessels entered Chilean territorial waters.",
    ],
)
def test_forces_entering_the_other_sides_territory_make_an_incursion(sentence: str) -> None:
    assert "use_of_force" in _pair_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "On May 4, 2023, Chilean salmon entered Japanese markets.",
        "On May 4, 2023, Chilean tourists crossed the border into Japan.",
    ],
)
def test_goods_and_travellers_crossing_make_no_incursion(sentence: str) -> None:
    assert "use_of_force" not in _pair_types(sentence)
