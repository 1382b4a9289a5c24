"""Year-less dates in a document whose own date is known only to a year: they take the year the text is
speaking of, as in a text dated from its content."""

from __future__ import annotations

import pytest

from dyad.clean import clean_document
from dyad.extract import extract_facts
from dyad.models import Document


def _values(text: str, kind: str, published: str | None) -> dict[str, str]:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind=kind, published=published)
    doc.raw_text = doc.text = text
    clean_document(doc)
    return {t.text: t.value.edtf for t in extract_facts(doc).time_expressions}


REPORT = (
    "Border trade between the two countries, 2019-2024\n\n"
    "Crossings reopened in March 2024 after two years. The ministers had agreed on the plan at a "
    "meeting in February.\n\n"
    "Traders welcomed the move."
)


def test_a_month_in_a_text_dated_to_a_year_takes_the_year_just_named() -> None:
    """A report dated only by the latest year it names (2024) reads "in February", a sentence after
    "in March 2024", in that year."""
    assert _values(REPORT, "paper", None)["in February"] == "2024-02"


@pytest.mark.parametrize(
    "text",
    [
        # the year named sits two paragraphs back: no longer the year spoken of
        "Border trade, 2019-2024\n\nCrossings reopened in 2024.\n\nTrade grew.\n\n"
        "Talks were held in February.",
    ],
)
def test_a_month_far_from_any_year_stays_undated(text: str) -> None:
    assert "in February" not in _values(text, "paper", None)


def _acts(sentence: str) -> set[tuple[str, str | None]]:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="news", published="2023-05-02")
    doc.raw_text = doc.text = "SANTIAGO, May 2 (Reuters) - " + sentence
    clean_document(doc)
    return {(e.type, e.date.edtf if e.date else None) for e in extract_facts(doc).events}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the expulsion told in an after-clause behind the protest's day came that day or in the days before
        (
            "Chile lodged a protest with Japan on Tuesday after Japan expelled a Chilean diplomat.",
            {("dispute", "2023-05-02"), ("sanction", "2023-04-25/2023-05-02")},
        ),
        # the act of the main clause keeps its day, whatever came before it
        (
            "Japan expelled a Chilean diplomat on Tuesday after talks on fishing failed.",
            {("sanction", "2023-05-02")},
        ),
        # past a comma that closes the after-clause the act is the main clause's, of the day itself
        (
            "On Tuesday, after talks on fishing failed, Japan expelled a Chilean diplomat.",
            {("sanction", "2023-05-02")},
        ),
    ],
)
def test_an_act_in_an_after_clause_came_before_the_day_of_the_main_clause(
    sentence: str, expected: set[tuple[str, str | None]]
) -> None:
    assert _acts(sentence) == expected


def _paper_acts(text: str) -> set[tuple[str, str | None]]:
    doc = Document(id="t", name="t.txt", path="t.txt", format="text", kind="paper", published=None)
    doc.raw_text = doc.text = text
    clean_document(doc)
    return {(e.type, e.date.edtf if e.date else None) for e in extract_facts(doc).events}


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # the year names the treaty the refusal appeals to, not the time of the refusal
        ("Peru rejected Chile's request, arguing that the 1998 Andes Treaty did not apply.", False),
        ("Peru refused to extradite the Chilean, arguing that the 1998 Andes Treaty did not apply.", False),
        # the act is the treaty itself, or is done to it: the year is the act's
        ("Peru and Chile signed the 1998 Andes Treaty in Lima.", True),
        ("Peru ratified the 1998 Andes Treaty with Chile.", True),
        # a year of its own beside the treaty's dates the act
        ("In March 2004 Peru held talks with Chile on the 1998 Andes Treaty.", True),
    ],
)
def test_a_year_naming_the_thing_an_act_is_about_does_not_date_the_act(text: str, dated: bool) -> None:
    acts = _paper_acts(text)
    assert acts
    assert all((date is not None) == dated for _, date in acts), acts
    assert dated or all(date is None or not date.startswith("1998") for _, date in acts)


@pytest.mark.parametrize(
    "text",
    [
        "During the 1998 war Peruvian jets bombed Chilean towns.",
        "In the 1998 war Peruvian jets bombed Chilean towns.",
    ],
)
def test_a_year_naming_the_time_an_act_is_told_in_still_dates_it(text: str) -> None:
    """A thing's year after "during", "in", "after" frames the time of the act told with it."""
    assert ("use_of_force", "1998") in _paper_acts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the since-phrase of "the first ... since" says how long none had happened: the act keeps its day
        (
            "On 4 March 2016 Jorge Vidal became the first Chilean minister to visit Tokyo since 2004.",
            ("visit", "2016-03-04"),
        ),
        (
            "In June 2018 Sebastián Piñera was the first Chilean president to travel to Japan since 2009.",
            ("visit", "2018-06"),
        ),
    ],
)
def test_the_since_of_a_first_act_is_not_its_date(text: str, expected: tuple[str, str]) -> None:
    assert expected in _paper_acts(text)


def test_a_state_since_a_year_is_still_no_act_of_that_year() -> None:
    """With no "first" before it, "since 2004" is the start of an open stretch: no act of a day."""
    assert not any(t == "visit" for t, _ in _paper_acts("Chilean ministers have visited Tokyo since 2004."))
