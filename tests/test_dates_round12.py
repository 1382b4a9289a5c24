"""Dates of acts, twelfth round (issue 9, point 5): the date of a since-clause is the start of a stretch of
time the text measures from, not the time of the acts told around it. Sentences written for the tests."""

from __future__ import annotations

import pytest

from dyad.clean import clean_document
from dyad.extract import extract_facts
from dyad.models import Document


def _acts(text: str, kind: str = "paper", published: str | None = None) -> set[tuple[str, str | None]]:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind=kind, published=published)
    doc.raw_text = doc.text = text
    clean_document(doc)
    return {(e.type, e.date.edtf if e.date else None) for e in extract_facts(doc).events}


NEWS = "SANTIAGO, May 2 (Reuters) - "


@pytest.mark.parametrize(
    ("first", "carried"),
    [
        # the year a since-clause measures from is not the time the story is at
        (
            "Relations have reached their lowest point since Chile and Peru established them in 1972.",
            False,
        ),
        # a year the story is at carries to the next sentence
        ("Chile and Peru established diplomatic relations in 1972.", True),
    ],
)
def test_the_date_of_a_since_clause_does_not_carry_to_the_next_sentence(first: str, carried: bool) -> None:
    acts = _acts(NEWS + first + " Peru expelled a Chilean diplomat.", "news", "2023-05-02")
    sanction = {date for kind, date in acts if kind == "sanction"}
    assert sanction
    assert (sanction == {"1972"}) == carried, acts


@pytest.mark.parametrize(
    ("text", "act"),
    [
        # the talks are not of the year the relations were restored in
        (
            "Chile and Peru held talks on fishing for the first time since relations were restored in 1952.",
            ("meeting", None),
        ),
        # the act inside the since-clause keeps its year
        (
            "Relations have been calm since Chile and Peru signed a border treaty in 1952.",
            ("agreement", "1952"),
        ),
        # no since-clause: the year is the act's
        ("Chile and Peru held talks on fishing in 1952.", ("meeting", "1952")),
    ],
)
def test_the_date_of_a_since_clause_does_not_date_an_act_outside_it(
    text: str, act: tuple[str, str | None]
) -> None:
    assert act in _acts(text)


@pytest.mark.parametrize(
    ("first", "carried"),
    [
        # a time still to come is not the time of the acts told after it
        ("Chile's foreign minister will visit Lima on 20 June.", None),
        ("Chile's foreign minister is due to visit Lima on 20 June.", None),
        # a time gone carries, "would have" included
        ("Chile's foreign minister visited Lima on 20 April.", "2023-04-20"),
        ("You would have seen the statement Chile issued on 20 April 2023.", "2023-04-20"),
    ],
)
def test_a_time_still_to_come_does_not_carry_to_the_next_sentence(first: str, carried: str | None) -> None:
    acts = _acts(NEWS + first + " Peru expelled a Chilean diplomat.", "news", "2023-05-02")
    sanction = {date for kind, date in acts if kind == "sanction"}
    assert sanction
    if carried is None:
        assert "2023-06-20" not in sanction, acts
    else:
        assert sanction == {carried}, acts
