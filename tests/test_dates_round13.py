"""Dates, thirteenth round (issue 9, point 5): a blog post tells its news by the days of its own week;
a part of the day ("earlier in the day", "that evening", "in the morning") is the day the text just
named. Sentences written for the tests."""

from __future__ import annotations

import pytest

from dyad.clean import clean_document
from dyad.extract import extract_facts
from dyad.models import Document


def _acts(text: str, kind: str, published: str | None) -> set[tuple[str, str | None]]:
    doc = Document(id="t", name="t.md", path="t.md", format="text", kind=kind, published=published)
    doc.raw_text = doc.text = text
    clean_document(doc)
    return {(e.type, e.date.edtf if e.date else None) for e in extract_facts(doc).events}


WEEK = "2024-03-08/2024-03-14"  # the week up to a post of Thursday 14 March 2024
SIGNED = "Chile and Peru signed eleven agreements on fisheries and ports."


@pytest.mark.parametrize(
    ("before", "dated"),
    [
        # a day of the post's week told in the paragraph before: the signing is that week's news
        ("On Monday the Peruvian president landed in Santiago for a state visit.", True),
        # "yesterday" too
        ("Yesterday the Peruvian president landed in Santiago for a state visit.", True),
        # a day recalled from long before the post is no news of its week
        ("On 6 January the Peruvian president landed in Santiago for a state visit.", False),
        # no day told at all
        ("The Peruvian president likes Santiago.", False),
    ],
)
def test_a_blog_dates_an_undated_act_after_a_day_of_its_week(before: str, dated: bool) -> None:
    acts = _acts(f"Notes from the Pacific\n\n{before}\n\n{SIGNED}", "blog", "2024-03-14")
    agreement = {date for kind, date in acts if kind == "agreement"}
    assert agreement
    assert (agreement == {WEEK}) == dated, acts


def test_a_blog_leaves_an_act_two_paragraphs_after_the_day_undated() -> None:
    text = (
        "Notes from the Pacific\n\nOn Monday the Peruvian president landed in Santiago for a state visit."
        "\n\nThe weather was grey.\n\n" + SIGNED
    )
    acts = _acts(text, "blog", "2024-03-14")
    assert ("agreement", None) in acts, acts


def test_a_paper_does_not_take_the_week_of_its_date() -> None:
    text = f"Notes from the Pacific\n\nOn Monday the Peruvian president landed in Santiago.\n\n{SIGNED}"
    acts = _acts(text, "paper", "2024-03-14")
    assert ("agreement", None) in acts, acts


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a part of the day the text just named is that day
        ("Chile and Peru signed a treaty on 3 May 2021. Earlier in the day the ministers met.", "2021-05-03"),
        ("On 3 May 2021 the court ruled. Chile rejected the ruling the same evening.", "2021-05-03"),
        ("On 3 May 2021 the court ruled. Later that day Chile rejected it.", "2021-05-03"),
        # the paragraph after one that ended on the day
        ("Chile opened an embassy in Lima on 3 May 2021.\n\nThat evening the ministers dined.", "2021-05-03"),
        # no day named before it: nothing to refer to
        ("That evening the ministers dined.", None),
        # after a month with no day, as "the same day" is: one of its days
        ("In May 2021 the court ruled. Chile rejected the ruling the same evening.", "2021-05"),
        # "in the evening" after a day is that day's evening; with no day before it, nothing
        ("On 3 May 2021 the court ruled. Chile rejected the ruling in the evening.", "2021-05-03"),
        ("Chile's ministers usually meet in the evening.", None),
        # "the evening of 5 May" is the date that follows, not a reference back
        ("On 3 May 2021 the court ruled. They met in the evening of the summit.", None),
    ],
)
def test_a_part_of_the_day_is_the_day_just_named(text: str, found: str | None) -> None:
    from dyad.extract.timex import find_time_expressions

    values = {
        t.value.edtf for t in find_time_expressions(text) if t.text.lower().endswith(("day", "evening"))
    }
    assert values == ({found} if found else set()), values
